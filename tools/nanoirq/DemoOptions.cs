using System;
using System.Globalization;
using System.IO;

namespace NanoIrq.Cli
{
    /// <summary>The parsed command line of <c>nanoirq demo</c>; <see cref="Parse"/> reports the first problem in words.</summary>
    public sealed class DemoOptions
    {
        /// <summary>The options text printed by <c>nanoirq demo --help</c> and after a usage error.</summary>
        public const string Usage =
            "usage: nanoirq demo [options]\n" +
            "Runs the ButtonCounter firmware logic on a simulated board with bouncing presses.\n" +
            "  --board NAME     board profile (default esp32-devkitc; 'nanoirq boards' lists them)\n" +
            "  --presses N      N seeded random presses, 1..10000 (default: the 10-press tour:\n" +
            "                   clicks, one double click, one long press)\n" +
            "  --seed S         seed of the press timing and the bounce, 0..2147483647 (default 1)\n" +
            "  --replay FILE    drive the button from a VCD (.vcd) or CSV (.csv) recording instead\n" +
            "  --signal NAME    with --replay: the signal to use (optional when the file has one)\n" +
            "  --active-high    with --replay: the recording's button is pressed when high (default:\n" +
            "                   pressed low, like the demo's button to GND with a pull-up)\n" +
            "  --debounce MODE:TIME  the button's debouncer, as replay and calibrate write it: quiet|lockout|sample|glitch,\n" +
            "                   TIME like 20ms, 500us, quiet with PRESS/RELEASE (default quiet:20ms)\n" +
            "  --glitch TIME    a glitch filter of TIME before the debouncer\n" +
            "  --vcd OUT        write the button line, the debounced button and the LED to a VCD file\n" +
            "  --json           print one JSON object with the results and nothing else\n" +
            "  --interactive    a key press in this terminal is a button press (q quits)\n" +
            "  --fast           do not pace the display (always the case with --json or no terminal)";

        /// <summary>Board short name.</summary>
        public string Board = "esp32-devkitc";

        /// <summary>Number of random presses, or 0 for the default tour.</summary>
        public int Presses;

        /// <summary>Seed of press timing and bounce.</summary>
        public int Seed = 1;

        /// <summary>The --debounce argument as given, or null for the demo's default (quiet-time 20 ms).</summary>
        public string Debounce;

        /// <summary>Debounce mode (quiet, lockout, sample, glitch, none) and its windows in µs, from <see cref="Debounce"/>.</summary>
        public string DebounceMode = "quiet";

        /// <summary>Press window in µs.</summary>
        public int PressMicros = DebounceDefaults.QuietTimeMicros;

        /// <summary>Release window in µs (differs from the press window only for quiet).</summary>
        public int ReleaseMicros = DebounceDefaults.QuietTimeMicros;

        /// <summary>Glitch filter in front of the debouncer, µs; 0 for none.</summary>
        public int GlitchMicros;

        /// <summary>Recording that drives the button, or null.</summary>
        public string Replay;

        /// <summary>VCD signal name for <see cref="Replay"/>, or null for the first.</summary>
        public string Signal;

        /// <summary>With <see cref="Replay"/>: the recording's pressed level is high (it is inverted onto the demo's active-low pin).</summary>
        public bool ActiveHigh;

        /// <summary>VCD output path, or null.</summary>
        public string VcdOut;

        /// <summary>One JSON object on stdout.</summary>
        public bool Json;

        /// <summary>Keyboard-driven presses.</summary>
        public bool Interactive;

        /// <summary>No display pacing.</summary>
        public bool Fast;

        /// <summary>--help was given.</summary>
        public bool Help;

        /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> on the first bad option.</summary>
        public static DemoOptions Parse(string[] args, out string error)
        {
            DemoOptions o = new DemoOptions();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                string value = null;
                int eq = a.IndexOf('=');
                if (a.StartsWith("--", StringComparison.Ordinal) && eq > 2)
                {
                    value = a.Substring(eq + 1);
                    a = a.Substring(0, eq);
                }

                switch (a)
                {
                    case "--json": o.Json = true; break;
                    case "--interactive": o.Interactive = true; break;
                    case "--fast": o.Fast = true; break;
                    case "--active-high": o.ActiveHigh = true; break;
                    case "--active-low": o.ActiveHigh = false; break;
                    case "-h":
                    case "--help": o.Help = true; break;
                    case "--board":
                    case "--presses":
                    case "--seed":
                    case "--replay":
                    case "--signal":
                    case "--debounce":
                    case "--glitch":
                    case "--vcd":
                        if (value == null)
                        {
                            if (i + 1 >= args.Length)
                            {
                                error = "option " + a + " needs a value.";
                                return null;
                            }

                            value = args[++i];
                        }

                        if (!o.Set(a, value, out error))
                        {
                            return null;
                        }

                        break;
                    default:
                        error = "unknown option '" + args[i] + "'.";
                        return null;
                }
            }

            if (o.Interactive && o.Replay != null)
            {
                error = "--interactive and --replay cannot be combined: the button is driven by the keyboard or by the file.";
                return null;
            }

            if (o.Interactive && o.Json)
            {
                error = "--interactive and --json cannot be combined: the interactive display needs the terminal.";
                return null;
            }

            if (o.Replay != null && o.Presses > 0)
            {
                error = "--presses and --replay cannot be combined: the recording decides the presses.";
                return null;
            }

            if (o.Signal != null && o.Replay == null)
            {
                error = "--signal needs --replay FILE.";
                return null;
            }

            if (o.ActiveHigh && o.Replay == null)
            {
                error = "--active-high needs --replay FILE (the simulated button is always active-low).";
                return null;
            }

            if (o.Interactive && o.VcdOut != null)
            {
                error = "--interactive and --vcd cannot be combined.";
                return null;
            }

            return o;
        }

        private bool Set(string name, string value, out string error)
        {
            error = null;
            switch (name)
            {
                case "--board":
                    Board = value;
                    return true;
                case "--presses":
                    return ParseInt(name, value, 1, 10000, out Presses, out error);
                case "--seed":
                    return ParseInt(name, value, 0, int.MaxValue, out Seed, out error);
                case "--replay":
                    if (!File.Exists(value))
                    {
                        error = "--replay: file '" + value + "' does not exist.";
                        return false;
                    }

                    Replay = value;
                    return true;
                case "--signal":
                    Signal = value;
                    return true;
                case "--debounce":
                case "--glitch":
                    try
                    {
                        if (name == "--debounce")
                        {
                            ReplayCommand.ParseDebounce(value, out DebounceMode, out PressMicros, out ReleaseMicros);
                            if (DebounceMode == "none")
                            {
                                error = "--debounce none: the demo's gestures need a debounce stage; the lightest is glitch:TIME.";
                                return false;
                            }

                            Debounce = value;
                        }
                        else
                        {
                            GlitchMicros = ReplayCommand.ParseTime(value, "--glitch");
                            DebounceDefaults.CheckWindow(GlitchMicros, "--glitch");
                        }
                    }
                    catch (Exception e) when (e is ArgumentException || e is ReplayCommand.UsageException)
                    {
                        error = e.Message;
                        return false;
                    }

                    return true;
                default:
                    VcdOut = value;
                    return true;
            }
        }

        private static bool ParseInt(string name, string value, int min, int max, out int result, out string error)
        {
            error = null;
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) || result < min || result > max)
            {
                error = name + " must be an integer in [" + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "], not '" + value + "'.";
                return false;
            }

            return true;
        }
    }
}
