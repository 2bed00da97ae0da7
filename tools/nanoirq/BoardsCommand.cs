using System.IO;
using NanoIrq.Boards;

namespace NanoIrq.Cli
{
    /// <summary>
    /// <c>nanoirq boards</c>: lists every board profile (name, chip, on-board LED, demo pins, nanoff targets);
    /// <c>nanoirq boards NAME</c>: one profile with its pin table and the reason for every restriction.
    /// Exit codes: 0 shown, 2 unknown board or bad arguments.
    /// </summary>
    public static class BoardsCommand
    {
        /// <summary>Help text of the verb.</summary>
        public const string Usage =
            "usage: nanoirq boards [NAME]\n" +
            "  (no NAME)  list every board profile: name, chip, on-board LED, demo button/LED pins, nanoff target(s)\n" +
            "  NAME       show one profile: LED, button, demo wiring, nanoff targets, notes, and its pin table with reasons";

        /// <summary>Runs the verb with the arguments after "boards"; returns the exit code.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 1 && (args[0] == "-h" || args[0] == "--help"))
            {
                stdout.WriteLine(Usage);
                return 0;
            }

            if (args.Length == 0)
            {
                WriteList(stdout);
                return 0;
            }

            if (args.Length > 1 || args[0].StartsWith("-"))
            {
                stderr.WriteLine("nanoirq boards: expected at most one board name, got '" + string.Join(" ", args) + "'.");
                stderr.WriteLine(Usage);
                return 2;
            }

            BoardProfile profile;
            if (!BoardCatalog.TryFind(args[0], out profile))
            {
                stderr.WriteLine("nanoirq boards: unknown board '" + args[0] + "'; valid names: " + BoardCatalog.NameList() + ".");
                return 2;
            }

            WriteProfile(profile, stdout);
            return 0;
        }

        private static void WriteList(TextWriter o)
        {
            o.WriteLine(Row("NAME", "CHIP", "ON-BOARD LED", "DEMO BUTTON", "DEMO LED", "NANOFF --target"));
            foreach (BoardProfile p in BoardCatalog.All)
            {
                DemoWiring d = p.Demo;
                o.WriteLine(Row(
                    p.Name,
                    p.Chip,
                    ShortLed(p),
                    "GPIO " + d.ButtonPin + (d.ButtonOnBoard ? " (BOOT)" : " (ext)"),
                    "GPIO " + d.LedPin + (d.LedOnBoard ? " (on-board)" : " (ext)"),
                    string.Join(", ", p.NanoffTargets)));
            }

            o.WriteLine();
            o.WriteLine("Button: to GND, internal pull-up, pressed = low. (ext) = wire it yourself: LED + 330 Ω resistor to GND, push button to GND.");
            o.WriteLine("Details and pin table: nanoirq boards NAME");
        }

        private static string Row(string name, string chip, string led, string button, string ledPin, string targets)
        {
            return name.PadRight(22) + chip.PadRight(10) + led.PadRight(23) + button.PadRight(15) + ledPin.PadRight(20) + targets;
        }

        private static string ShortLed(BoardProfile p)
        {
            switch (p.Led)
            {
                case LedKind.Gpio:
                    return "GPIO " + p.LedPin + (p.LedActiveHigh ? " (high=on)" : " (low=on)");
                case LedKind.AddressableRgb:
                    return "RGB WS2812 on GPIO " + p.LedPin;
                case LedKind.WirelessChip:
                    return "on CYW43439 (no GPIO)";
                default:
                    return "none";
            }
        }

        private static void WriteProfile(BoardProfile p, TextWriter o)
        {
            o.WriteLine(p.Name + ": " + p.Description);
            o.WriteLine("  chip:            " + p.Chip + ", GPIOs " + p.ExistingPinRanges());
            o.WriteLine("  on-board LED:    " + p.LedDescription);
            o.WriteLine("  on-board button: " + p.ButtonDescription);
            o.WriteLine("  demo wiring:     " + p.Demo);
            o.WriteLine("  nanoff targets:  " + string.Join(", ", p.NanoffTargets) + "   (nanoff --update --target " + p.NanoffTargets[0] + " ...)");
            string[] notes = p.Notes;
            if (notes.Length > 0)
            {
                o.WriteLine("  notes:");
                foreach (string note in notes)
                {
                    o.WriteLine("    - " + note);
                }
            }

            o.WriteLine();
            o.WriteLine("GPIO  IN   OUT  PULL-UP  PULL-DOWN  IRQ  NOTES");
            for (int pin = 0; pin < p.GpioCount; pin++)
            {
                string notesText = p.DescribePin(pin);
                if (!p.Exists(pin))
                {
                    o.WriteLine(pin.ToString().PadLeft(4) + "  " + "-".PadRight(5) + "-".PadRight(5) + "-".PadRight(9) + "-".PadRight(11) + "-".PadRight(5) + notesText);
                    continue;
                }

                bool usable = p.IsUsable(pin);
                o.WriteLine(
                    pin.ToString().PadLeft(4) + "  " +
                    YesNo(usable).PadRight(5) +
                    YesNo(usable && !p.IsInputOnly(pin)).PadRight(5) +
                    YesNo(usable && p.HasPullUp(pin)).PadRight(9) +
                    YesNo(usable && p.HasPullDown(pin)).PadRight(11) +
                    YesNo(usable && p.CanInterrupt(pin)).PadRight(5) +
                    notesText);
            }
        }

        private static string YesNo(bool value)
        {
            return value ? "yes" : "no";
        }
    }
}
