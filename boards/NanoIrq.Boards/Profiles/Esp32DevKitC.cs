namespace NanoIrq.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC V4 with an ESP32-WROOM-32 module (<c>esp32-devkitc</c>) or an ESP32-WROVER-E
    /// module with PSRAM (<c>esp32-devkitc-wrover</c>).
    /// </summary>
    /// <remarks>
    /// Sources, cited next to each fact:
    /// [IDF-GPIO] ESP-IDF Programming Guide, API reference "GPIO &amp; RTC GPIO", ESP32 pin table and its notes
    ///   (espressif/esp-idf docs/en/api-reference/peripherals/gpio.rst, esp32 section).
    /// [DS] ESP32 Series Datasheet, section "Strapping Pins".
    /// [ERRATA] ESP32 Series SoC Errata, item [GPIO-3.11] "When certain RTC peripherals are powered on, the
    ///   inputs of GPIO36 and GPIO39 will be pulled down for approximately 80 ns"; field reports of the same
    ///   spurious interrupts with Wi-Fi power save in espressif/esp-idf issues #1096 and #4585.
    /// [UG] ESP32-DevKitC V4 Getting Started Guide, "Description of Components" (BOOT button, power LED only).
    /// [WROOM] ESP32-WROOM-32 datasheet, pin definitions (SENSOR_CAPP/CAPN = GPIO37/38 not brought out).
    /// [WROVER] ESP32-WROVER-E datasheet, pin definitions note: GPIO16/17 connect to the in-module PSRAM.
    /// [NF-WP] nanoFramework nf-interpreter targets/ESP32/_include/WireProtocol_Uart_Pins.h: the wire
    ///   protocol to Visual Studio uses UART0, GPIO1 (TX) and GPIO3 (RX) on the ESP32.
    /// [NF-TGT] nanoFramework nf-interpreter README.md, "ESP32 boards" table (ESP32_REV0, ESP32_REV3,
    ///   ESP32_PSRAM_REV0, ESP32_PSRAM_REV3 ...) and nanoFirmwareFlasher README.md "ESP32 usage examples".
    /// </remarks>
    public static class Esp32DevKitC
    {
        /// <summary>Builds the (unsealed) profile: <paramref name="wrover"/> false for WROOM-32, true for WROVER-E.</summary>
        public static BoardProfile Create(bool wrover)
        {
            BoardProfile p = new BoardProfile(wrover ? "esp32-devkitc-wrover" : "esp32-devkitc", "ESP32", 40);
            p.Describe(wrover
                ? "Espressif ESP32-DevKitC V4 with ESP32-WROVER-E (4/8 MB PSRAM)"
                : "Espressif ESP32-DevKitC V4 with ESP32-WROOM-32 (no PSRAM)");

            // [IDF-GPIO] the ESP32 has 34 GPIO pads: 0-19, 21-23, 25-27, 32-39; GPIO20 only on ESP32-PICO-V3.
            p.NotPresent(20, 20, "GPIO20 is bonded only on the ESP32-PICO-V3 package");
            p.NotPresent(24, 24, "the ESP32 has no GPIO24");
            p.NotPresent(28, 31, "the ESP32 has no GPIO28-31");
            // [WROOM] GPIO37/38 (SENSOR_CAPP/CAPN) are not brought out of WROOM/WROVER modules.
            p.NotPresent(37, 38, "GPIO37/38 are not brought out of the module");

            // [IDF-GPIO] "SPI0/1: GPIO6-11 and GPIO16-17 are usually connected to the SPI flash and PSRAM integrated on the module".
            p.Reserve(6, 11, "connected to the module's SPI flash");
            if (wrover)
            {
                // [WROVER] GPIO16/17 drive the in-module PSRAM.
                p.Reserve(16, 17, "connected to the WROVER module's PSRAM");
            }

            // [NF-WP] UART0 carries nanoFramework's wire protocol (deploy, debug) through the USB-UART bridge.
            p.Reserve(1, 1, "UART0 TX to the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");
            p.Reserve(3, 3, "UART0 RX from the USB-UART bridge: nanoFramework's deploy/debug link to Visual Studio");

            // [IDF-GPIO] "GPI: GPIO34-39 can only be set as input mode and do not have software-enabled pullup or pulldown functions."
            p.InputOnly(34, 39, "GPIO34-39 are input-only pads on the ESP32");
            p.NoPulls(34, 39, "GPIO34-39 have no internal pull resistors on the ESP32");

            // [ERRATA] GPIO-3.11: GPIO36/39 see ~80 ns low pulses when ADC/RTC power domains switch (also with Wi-Fi power save).
            p.NoInterrupt(36, 36, "ESP32 erratum GPIO-3.11: GPIO36 (SENSOR_VP) gets spurious edges when the ADC or Wi-Fi powers up");
            p.NoInterrupt(39, 39, "ESP32 erratum GPIO-3.11: GPIO39 (SENSOR_VN) gets spurious edges when the ADC or Wi-Fi powers up");

            // [DS] strapping pins GPIO0, GPIO2, GPIO5, GPIO12 (MTDI), GPIO15 (MTDO); latched at reset.
            p.Strapping(0, "held low at reset the chip enters the ROM download mode (this is the BOOT button)");
            p.Strapping(2, "must be low or floating at reset to enter download mode");
            p.Strapping(5, "sets SDIO slave timing at reset; keep it high (internal pull-up) at reset");
            p.Strapping(12, "MTDI sets the flash voltage at reset: held high it selects 1.8 V and a 3.3 V flash will not boot");
            p.Strapping(15, "MTDO: held low at reset it silences the boot log on UART0");

            // [UG] the DevKitC V4 has only a power-on LED, no LED driven by a GPIO.
            p.WithLed(LedKind.None, BoardProfile.NoPin, true, "no user LED (the only LED shows power)");
            // [UG] BOOT button on GPIO0 with a 10 kΩ pull-up on the board; pressed = low.
            p.WithButton(0, true, "BOOT button on GPIO0 (pulled up on the board, pressed = low)");

            // Demo: the BOOT button needs no wiring; GPIO4 is a plain output beside GPIO0 on header J3 [UG pin layout].
            p.WithDemoPins(0, 4, true);

            // [NF-TGT] images for this chip; nanoff picks REV0/REV3 from the silicon revision with --platform esp32.
            p.WithNanoffTargets(wrover
                ? new string[] { "ESP32_PSRAM_REV3", "ESP32_PSRAM_REV0" }
                : new string[] { "ESP32_REV3", "ESP32_REV0" });
            p.WithNote("Flash with 'nanoff --platform esp32 --serialport PORT --update' to let nanoff choose the image; *_REV3 images need silicon revision 3 or later, *_REV0 run on every revision.");
            p.WithNote("The BOOT button is GPIO0, a strapping pin: do not hold it while pressing EN (reset) unless you want the download mode.");
            return p;
        }
    }
}
