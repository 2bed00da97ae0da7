namespace NanoIrq.Boards
{
    /// <summary>Espressif ESP32-C3-DevKitM-1 with the ESP32-C3-MINI-1 module (<c>esp32-c3-devkitm</c>).</summary>
    /// <remarks>
    /// Sources, cited next to each fact:
    /// [IDF-GPIO] ESP-IDF Programming Guide, "GPIO &amp; RTC GPIO", ESP32-C3 pin table and notes
    ///   (espressif/esp-idf docs/en/api-reference/peripherals/gpio.rst, esp32c3 section): GPIO0-21; strapping
    ///   GPIO2, 8, 9; SPI0/1 on GPIO12-17; USB-JTAG on GPIO18/19 ("to use them as GPIOs, USB-JTAG will be disabled").
    /// [UG] ESP32-C3-DevKitM-1 user guide, "Description of Components": ESP32-C3-MINI-1 with in-package
    ///   flash (ESP32-C3FN4); all GPIOs except the flash SPI bus are on the headers; Boot button; one
    ///   Micro-USB port through a USB-to-UART bridge; "RGB LED: addressable RGB LED, driven by GPIO8".
    ///   Header pin layout: IO0-10, IO18, IO19, RX (GPIO20), TX (GPIO21); GPIO11 is not on the headers.
    /// [NF-WP] nf-interpreter targets/ESP32/_include/WireProtocol_Uart_Pins.h: wire protocol on UART0,
    ///   U0RXD GPIO20, U0TXD GPIO21 for the ESP32-C3.
    /// [NF-TGT] nf-interpreter README.md "ESP32 risc-v boards" (ESP32_C3, ESP32_C3_BETA) and
    ///   nanoFirmwareFlasher Esp32Operations.cs (ESP32_C3_BETA only for chip revision v0.2).
    /// </remarks>
    public static class Esp32C3DevKitM
    {
        /// <summary>Builds the (unsealed) profile.</summary>
        public static BoardProfile Create()
        {
            BoardProfile p = new BoardProfile("esp32-c3-devkitm", "ESP32-C3", 22);
            p.Describe("Espressif ESP32-C3-DevKitM-1 (ESP32-C3-MINI-1, 4 MB in-package flash)");

            // [UG] GPIO11 is not brought out to the DevKitM-1 headers (it powers the flash, VDD_SPI, by default).
            p.NotPresent(11, 11, "not brought out on the ESP32-C3-MINI-1 / DevKitM-1 headers");
            // [IDF-GPIO] "SPI0/1: GPIO12-17 are usually used for SPI flash and PSRAM"; [UG] in-package flash.
            p.Reserve(12, 17, "connected to the in-package SPI flash");

            // [NF-WP] UART0 is nanoFramework's deploy/debug link through the USB-UART bridge.
            p.Reserve(20, 20, "UART0 RX from the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");
            p.Reserve(21, 21, "UART0 TX to the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");

            // [IDF-GPIO] GPIO18/19 are the chip's USB-Serial-JTAG; [UG] the board's USB port goes to the UART bridge instead.
            p.Warn(18, "USB-Serial-JTAG D-: using it as a GPIO disables the chip's own USB-JTAG (not wired to this board's USB port)");
            p.Warn(19, "USB-Serial-JTAG D+: using it as a GPIO disables the chip's own USB-JTAG (not wired to this board's USB port)");

            // [IDF-GPIO] strapping GPIO2, GPIO8, GPIO9.
            p.Strapping(2, "must be high at reset for both SPI boot and download mode (keep loads light)");
            p.Strapping(8, "must be high at reset to enter download mode; it also drives the on-board RGB LED");
            p.Strapping(9, "held low at reset the chip enters the ROM download mode (this is the BOOT button)");

            // [UG] addressable RGB LED on GPIO8.
            p.WithLed(LedKind.AddressableRgb, 8, true, "addressable RGB LED (SK68xx/WS2812 type) on GPIO8: not a plain LED");
            // [UG] Boot button on GPIO9.
            p.WithButton(9, true, "BOOT button on GPIO9 (pulled up, pressed = low)");

            // Demo: BOOT button needs no wiring; GPIO10 has no strapping, flash, USB or JTAG role [IDF-GPIO].
            p.WithDemoPins(9, 10, true);

            // [NF-TGT] ESP32_C3 for production chips; ESP32_C3_BETA only for revision v0.2 silicon.
            p.WithNanoffTargets(new string[] { "ESP32_C3", "ESP32_C3_BETA" });
            p.WithNote("ESP32_C3_BETA is only for pre-production chip revision v0.2; 'nanoff --platform esp32' picks the right one.");
            return p;
        }
    }
}
