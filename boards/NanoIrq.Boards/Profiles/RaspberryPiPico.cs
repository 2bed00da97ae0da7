namespace NanoIrq.Boards
{
    /// <summary>
    /// Raspberry Pi Pico (RP2040, <c>pico</c>), Pico W (<c>pico-w</c>), Pico 2 (RP2350A, <c>pico2</c>) and Pico 2 W (<c>pico2-w</c>).
    /// </summary>
    /// <remarks>
    /// Sources, cited next to each fact:
    /// [RP2040] RP2040 datasheet, chapter "GPIO" (User Bank GPIO0-29; every GPIO has pull-up and pull-down in
    ///   its pad control and can raise edge and level interrupts).
    /// [RP2350] RP2350 datasheet, "Pinout" (RP2350A, the Pico 2's chip, has GPIO0-29) and "GPIO" chapter;
    ///   appendix "Errata", RP2350-E9 (an input with the internal pull-down can latch near 2.2 V).
    /// [PICO] Raspberry Pi Pico datasheet (and Pico 2 datasheet), pinout notes: GPIO0-22 and 26-28 are on the
    ///   headers; GPIO23 drives the SMPS power-save pin; GPIO24 senses VBUS; GPIO25 drives the user LED;
    ///   GPIO29 measures VSYS/3 (ADC3). BOOTSEL switches the QSPI flash chip select, not a GPIO.
    /// [PICOW] Raspberry Pi Pico W datasheet pinout notes and nf-interpreter targets/ChibiOS/PICO2_RP2350_W/README.md:
    ///   GPIO23 = WL_ON, GPIO24 = WL_D, GPIO25 = WL_CS, GPIO29 = WL_CLK (shared with the VSYS ADC); "the on-board
    ///   LED is connected to WL_GPIO0 on the CYW43439".
    /// [NF-TGT] nf-interpreter README.md "Raspberry Pi boards" (PICO_RP2040, PICO2_RP2350, PICO_RP2040_W,
    ///   PICO2_RP2350_W, renamed from PICORP2040_W in nf-interpreter PR #3498) and nanoFirmwareFlasher
    ///   README.md ("nanoff --update --target PICO_RP2040", "--target PICO2_RP2350 --preview").
    /// </remarks>
    public static class RaspberryPiPico
    {
        /// <summary>Builds the (unsealed) profile: <paramref name="rp2350"/> for the Pico 2 family, <paramref name="wireless"/> for the W boards.</summary>
        public static BoardProfile Create(bool rp2350, bool wireless)
        {
            string name = (rp2350 ? "pico2" : "pico") + (wireless ? "-w" : "");
            BoardProfile p = new BoardProfile(name, rp2350 ? "RP2350" : "RP2040", 30);
            p.Describe("Raspberry Pi Pico" + (rp2350 ? " 2" : "") + (wireless ? " W" : "") + (rp2350 ? " (RP2350A" : " (RP2040") + (wireless ? ", CYW43439 Wi-Fi/Bluetooth)" : ")"));

            // [RP2040] / [RP2350] GPIO0-29 exist; all have pulls and interrupts, none is input-only; there are no strapping pins.
            if (wireless)
            {
                // [PICOW] the CYW43439 wireless chip owns GPIO23, 24, 25 and 29.
                p.Reserve(23, 23, "WL_ON: powers the CYW43439 wireless chip");
                p.Reserve(24, 24, "WL_D: data line (and interrupt) of the CYW43439 wireless chip");
                p.Reserve(25, 25, "WL_CS: chip select of the CYW43439 wireless chip (the LED is not on GPIO25 on this board)");
                p.Reserve(29, 29, "WL_CLK: clock of the CYW43439 wireless chip, shared with the VSYS/3 ADC input");
                p.WithLed(LedKind.WirelessChip, BoardProfile.NoPin, true, "green LED on the CYW43439's WL_GPIO0: not a microcontroller GPIO");
                // Demo: GPIO14 and GPIO15 are header pins 19 and 20, beside GND on pin 18 [PICO pinout].
                p.WithDemoPins(14, 15, true);
            }
            else
            {
                // [PICO] on-board functions that are not on the headers.
                p.Reserve(23, 23, "drives the on-board SMPS power-save (PS) pin; not on the headers");
                p.Reserve(24, 24, "senses VBUS (high when USB powers the board); not on the headers");
                p.Reserve(29, 29, "measures VSYS/3 through ADC3; not on the headers");
                // [PICO] GPIO25 drives the green user LED through a resistor; high = on.
                p.Warn(25, "drives the on-board LED");
                p.WithLed(LedKind.Gpio, 25, true, "green LED on GPIO25, active high");
                // Demo: on-board LED; button on GPIO14 (header pin 19, GND on pin 18) [PICO pinout].
                p.WithDemoPins(14, 25, true);
            }

            // [PICO] BOOTSEL is read by the boot ROM on the QSPI chip select; there is no user button.
            p.WithoutButton("none usable: BOOTSEL switches the QSPI flash chip select and is not a GPIO");
            if (rp2350)
            {
                // [NF-TGT] PICO2_RP2350 / PICO2_RP2350_W; the nanoff README flashes the Pico 2 with --preview.
                p.WithNanoffTargets(new string[] { wireless ? "PICO2_RP2350_W" : "PICO2_RP2350" });
                // [RP2350] erratum RP2350-E9 on the A2 stepping.
                p.WithNote("RP2350 erratum E9 (A2 stepping): an input with the internal pull-down enabled can stay near 2.2 V after being driven high; wire buttons to GND with PinPull.Up (the demo does) or use an external pull-down of 8.2 kΩ or less.");
                p.WithNote("Flash in BOOTSEL mode: 'nanoff --update --target " + (wireless ? "PICO2_RP2350_W" : "PICO2_RP2350") + " --preview'.");
            }
            else
            {
                p.WithNanoffTargets(new string[] { wireless ? "PICO_RP2040_W" : "PICO_RP2040" });
                p.WithNote("Flash in BOOTSEL mode: 'nanoff --update --target " + (wireless ? "PICO_RP2040_W" : "PICO_RP2040") + "'.");
            }

            p.WithNote("BOOTSEL is not a GPIO (it switches the QSPI flash chip select and is read only by the boot ROM): wire an external button for the demo.");
            if (wireless)
            {
                p.WithNote("The on-board LED hangs off the wireless chip, so the demo drives an external LED on GPIO15 (LED + 330 Ω resistor to GND).");
            }

            return p;
        }
    }
}
