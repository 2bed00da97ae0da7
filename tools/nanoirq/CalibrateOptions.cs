using System;
using System.Globalization;

namespace NanoIrq.Cli
{
    /// <summary>The parsed command line of <c>nanoirq calibrate</c>; <see cref="Parse"/> throws <see cref="CalibrationInputException"/> on the first bad option.</summary>
    public sealed class CalibrateOptions
    {
        /// <summary>Most presses <c>--presses</c> accepts: 10,000.</summary>
        public const int MaxPresses = 10000;

        /// <summary>The verb's help text.</summary>
        public const string Usage =
            "usage: nanoirq calibrate FILE [--signal NAME] [--active-low] [--presses N] [--json] [--svg OUT]\n" +
            "Reads a capture of your button (press it N times as you normally would, fastest double click included) and\n" +
            "finds the debounce settings that count every press exactly, with their margin and cost.\n" +
            "  FILE            a VCD (.vcd) or CSV (.csv) capture, the formats 'replay' reads\n" +
            "  --signal NAME   the button's signal (optional when the file has one)\n" +
            "  --active-low    pressed is low (button to GND with a pull-up); default: pressed is high\n" +
            "  --presses N     how many times you pressed, 1..10000 (default: inferred from the capture, and said how)\n" +
            "  --json          print one JSON object; recommended.debounce (and recommended.glitch) are replay's arguments\n" +
            "  --svg OUT       draw every press and release burst, re-openings and the recommended windows as an SVG\n" +
            "exit code: 0 a setting counts exactly, 1 none does (the presses that cannot be separated are named), 2 bad input.";

        /// <summary>The capture file.</summary>
        public string File;

        /// <summary>Signal name, or null for the only one.</summary>
        public string Signal;

        /// <summary>Pressed is low.</summary>
        public bool ActiveLow;

        /// <summary>Presses the user made, or 0 to infer.</summary>
        public int Presses;

        /// <summary>One JSON object on stdout.</summary>
        public bool Json;

        /// <summary>SVG output path, or null.</summary>
        public string SvgOut;

        /// <summary>--help was given.</summary>
        public bool Help;

        /// <summary>Parses <paramref name="args"/> (after the verb).</summary>
        /// <exception cref="CalibrationInputException">An unknown option, a missing value, a bad --presses, no FILE or two.</exception>
        public static CalibrateOptions Parse(string[] args)
        {
            var o = new CalibrateOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "-h":
                    case "--help":
                        o.Help = true;
                        return o;
                    case "--active-low":
                        o.ActiveLow = true;
                        break;
                    case "--json":
                        o.Json = true;
                        break;
                    case "--signal":
                        o.Signal = Value(args, ref i);
                        break;
                    case "--svg":
                        o.SvgOut = Value(args, ref i);
                        break;
                    case "--presses":
                        string text = Value(args, ref i);
                        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out o.Presses) || o.Presses < 1 || o.Presses > MaxPresses)
                        {
                            throw new CalibrationInputException("--presses must be an integer in [1, " + MaxPresses.ToString(CultureInfo.InvariantCulture) + "] (how many times you pressed), not '" + text + "'.");
                        }

                        break;
                    default:
                        if (a.StartsWith("-", StringComparison.Ordinal) && a.Length > 1)
                        {
                            throw new CalibrationInputException("unknown option '" + a + "'.");
                        }

                        if (o.File != null)
                        {
                            throw new CalibrationInputException("more than one FILE ('" + o.File + "' and '" + a + "').");
                        }

                        o.File = a;
                        break;
                }
            }

            if (o.File == null)
            {
                throw new CalibrationInputException("missing FILE (a VCD or CSV capture of the button).");
            }

            return o;
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                throw new CalibrationInputException("option '" + args[i] + "' needs a value.");
            }

            i++;
            return args[i];
        }
    }
}
