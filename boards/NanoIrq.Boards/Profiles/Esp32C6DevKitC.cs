namespace NanoIrq.Boards
{
    /// <summary>Espressif ESP32-C6-DevKitC-1 with the ESP32-C6-WROOM-1 module (<c>esp32-c6-devkitc</c>).</summary>
    /// <remarks>
    /// Sources, cited next to each fact:
    /// [IDF-GPIO] ESP-IDF Programming Guide, "GPIO &amp; RTC GPIO", ESP32-C6 pin table and notes
    ///   (espressif/esp-idf docs/en/api-reference/peripherals/gpio/esp32c6.inc): GPIO0-30; strapping GPIO4,
    ///   5, 8, 9, 15; SPI0/1 on GPIO24-30; USB-JTAG on GPIO12/13; "For chip variants without an in-package
    ///   flash, GPIO14 is not led out to any chip pins" (the WROOM-1 module has its flash outside the chip).
    /// [UG] ESP32-C6-DevKitC-1 user guide and schematic V1.1: two USB-C ports, one to the USB-to-UART bridge,
    ///   one to the ESP32-C6's own USB (GPIO12/13); Boot button on GPIO9; RGB LED (addressable) on GPIO8;
    ///   "MTMS (GPIO4), MTDI (GPIO5), GPIO8, GPIO9 and GPIO15 are strapping pins" (DevKitM-1 guide, same chip).
    /// [NF-WP] nf-interpreter targets/ESP32/_include/WireProtocol_Uart_Pins.h: wire protocol on UART0;
    ///   on the C6 UART0 is U0TXD GPIO16, U0RXD GPIO17 [IDF-GPIO IO MUX defaults].
    /// [NF-TGT] nf-interpreter README.md "ESP32 risc-v boards" (ESP32_C6_THREAD) and nanoFirmwareFlasher
    ///   Esp32Operations.cs: "so far we are only offering a single ESP32_C6 build" = ESP32_C6_THREAD.
    /// Not verified: whether GPIO10/11 reach the DevKitC-1 headers; the profile keeps them present.
    /// </remarks>
    public static class Esp32C6DevKitC
    {
        /// <summary>Builds the (unsealed) profile.</summary>
        public static BoardProfile Create()
        {
            BoardProfile p = new BoardProfile("esp32-c6-devkitc", "ESP32-C6", 31);
            p.Describe("Espressif ESP32-C6-DevKitC-1 (ESP32-C6-WROOM-1)");

            // [IDF-GPIO] GPIO14 is not bonded on C6 chips without in-package flash (the WROOM-1 case).
            p.NotPresent(14, 14, "not bonded on ESP32-C6 chips without in-package flash (WROOM-1)");
            // [IDF-GPIO] "SPI0/1: GPIO24 ~ GPIO30 are usually used for SPI flash".
            p.Reserve(24, 30, "connected to the module's SPI flash");
            // [UG] GPIO12/13 are wired to the board's second USB-C port (USB-Serial-JTAG) [IDF-GPIO: USB-JTAG].
            p.Reserve(12, 13, "USB D-/D+ wired to the board's ESP32-C6 USB port (USB-Serial-JTAG)");
            // [NF-WP] UART0 is nanoFramework's deploy/debug link through the USB-UART bridge.
            p.Reserve(16, 16, "UART0 TX to the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");
            p.Reserve(17, 17, "UART0 RX from the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");

            // [IDF-GPIO] strapping GPIO4 (MTMS), GPIO5 (MTDI), GPIO8, GPIO9, GPIO15.
            p.Strapping(4, "MTMS selects the JTAG signal source at reset when the eFuses ask for it");
            p.Strapping(5, "MTDI selects the JTAG signal source at reset when the eFuses ask for it");
            p.Strapping(8, "must be high at reset to enter download mode; it also drives the on-board RGB LED");
            p.Strapping(9, "held low at reset the chip enters the ROM download mode (this is the BOOT button)");
            p.Strapping(15, "with the eFuses selects the JTAG source and the ROM log at reset");

            // [UG] addressable RGB LED on GPIO8.
            p.WithLed(LedKind.AddressableRgb, 8, true, "addressable RGB LED (WS2812 type) on GPIO8: not a plain LED");
            // [UG] Boot button on GPIO9.
            p.WithButton(9, true, "BOOT button on GPIO9 (pulled up, pressed = low)");

            // Demo: BOOT button needs no wiring; GPIO18 sits next to GPIO9 on header J3 [UG] and has no special role [IDF-GPIO].
            p.WithDemoPins(9, 18, true);

            // [NF-TGT] the single C6 image.
            p.WithNanoffTargets(new string[] { "ESP32_C6_THREAD" });
            p.WithNote("Deploy either through the UART port (USB-UART bridge) or the ESP32-C6 USB port (USB-JTAG); this profile reserves the pins of both.");
            return p;
        }
    }
}
