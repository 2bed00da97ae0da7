namespace NanoIrq.Boards
{
    /// <summary>Espressif ESP32-S3-DevKitC-1 (v1.0 and v1.1) with an ESP32-S3-WROOM-1/1U/2 module (<c>esp32-s3-devkitc</c>).</summary>
    /// <remarks>
    /// Sources, cited next to each fact:
    /// [IDF-GPIO] ESP-IDF Programming Guide, "GPIO &amp; RTC GPIO", ESP32-S3 pin table and notes
    ///   (espressif/esp-idf docs/en/api-reference/peripherals/gpio.rst, esp32s3 section): GPIO0-21 and 26-48;
    ///   strapping GPIO0, 3, 45, 46; SPI0/1 on GPIO26-32, plus GPIO33-37 with octal flash or PSRAM;
    ///   USB-JTAG on GPIO19/20.
    /// [UG] ESP32-S3-DevKitC-1 v1.1 user guide, "Description of Components": RGB LED is addressable and driven
    ///   by GPIO38 (v1.0 user guide: GPIO48); Boot button; ESP32-S3 USB port (USB OTG / USB-Serial-JTAG);
    ///   note that on boards with octal flash/PSRAM (WROOM-1 -R8, WROOM-2) GPIO35-37 are used internally
    ///   (espressif/esp-idf issue #10605 confirms WROOM-1 with octal PSRAM too).
    /// [NF-WP] nf-interpreter targets/ESP32/_include/WireProtocol_Uart_Pins.h: wire protocol on UART0,
    ///   U0TXD GPIO43, U0RXD GPIO44 for the ESP32-S3.
    /// [NF-TGT] nf-interpreter README.md "ESP32 boards" (ESP32_S3_QUAD, ESP32_S3_OCTAL) and nanoFirmwareFlasher
    ///   README.md: "For ESP32-S3 targets, nanoff defaults to ESP32_S3_OCTAL (or ESP32_S3_QUAD ...)".
    /// </remarks>
    public static class Esp32S3DevKitC
    {
        /// <summary>Builds the (unsealed) profile.</summary>
        public static BoardProfile Create()
        {
            BoardProfile p = new BoardProfile("esp32-s3-devkitc", "ESP32-S3", 49);
            p.Describe("Espressif ESP32-S3-DevKitC-1 (ESP32-S3-WROOM-1/1U/2; octal PSRAM assumed)");

            // [IDF-GPIO] the S3 pin table jumps from GPIO21 to GPIO26.
            p.NotPresent(22, 25, "the ESP32-S3 has no GPIO22-25");

            // [IDF-GPIO] "SPI0/1: GPIO26-32 are usually used for SPI flash and PSRAM".
            p.Reserve(26, 32, "connected to the module's SPI flash/PSRAM");
            // [IDF-GPIO] "When using Octal Flash or Octal PSRAM or both, GPIO33~37 are connected to SPIIO4 ~ SPIIO7 and SPIDQS";
            // the profile assumes octal PSRAM because nanoff's default S3 image is ESP32_S3_OCTAL [NF-TGT].
            p.Reserve(33, 37, "octal flash/PSRAM data lines (SPIIO4-7, SPIDQS) on -R8 and WROOM-2 modules");

            // [UG] GPIO19/20 are USB D-/D+ wired to the board's ESP32-S3 USB port [IDF-GPIO: USB-JTAG].
            p.Reserve(19, 20, "USB D-/D+ wired to the board's ESP32-S3 USB port (USB-Serial-JTAG)");

            // [NF-WP] UART0 is nanoFramework's deploy/debug link through the USB-UART bridge.
            p.Reserve(43, 43, "UART0 TX to the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");
            p.Reserve(44, 44, "UART0 RX from the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");

            // [IDF-GPIO] strapping GPIO0, GPIO3, GPIO45, GPIO46.
            p.Strapping(0, "held low at reset the chip enters the ROM download mode (this is the BOOT button)");
            p.Strapping(3, "selects the JTAG signal source at reset when the eFuses ask for it");
            p.Strapping(45, "selects the flash voltage (VDD_SPI) at reset: keep it low for 3.3 V flash");
            p.Strapping(46, "with GPIO0 selects the boot mode and ROM log at reset: keep it low or floating");

            // [UG] the RGB LED is a WS2812-type addressable LED: GPIO38 on v1.1, GPIO48 on v1.0.
            p.Warn(38, "drives the addressable RGB LED on DevKitC-1 v1.1");
            p.Warn(48, "drives the addressable RGB LED on DevKitC-1 v1.0");
            p.WithLed(LedKind.AddressableRgb, 38, true, "addressable RGB LED (WS2812 type) on GPIO38 (v1.1; GPIO48 on v1.0): not a plain LED");
            // [UG] Boot button on GPIO0, pulled up on the board.
            p.WithButton(0, true, "BOOT button on GPIO0 (pulled up on the board, pressed = low)");

            // Demo: BOOT button needs no wiring; GPIO4 is a plain GPIO (ADC1_CH3) with no special role [IDF-GPIO].
            p.WithDemoPins(0, 4, true);

            // [NF-TGT] nanoff defaults to ESP32_S3_OCTAL; ESP32_S3_QUAD for quad-PSRAM modules (e.g. N8R2).
            p.WithNanoffTargets(new string[] { "ESP32_S3_OCTAL", "ESP32_S3_QUAD" });
            p.WithNote("Use ESP32_S3_OCTAL for -R8 modules (octal PSRAM) and ESP32_S3_QUAD for -R2 modules or modules without PSRAM; on a module without octal memory GPIO33-37 are free, but this profile keeps them reserved.");
            p.WithNote("Older nanoFramework releases named the S3 images ESP32_S3, ESP32_S3_BLE and ESP32_S3_ALL (nf-interpreter README before the QUAD/OCTAL split).");
            return p;
        }
    }
}
