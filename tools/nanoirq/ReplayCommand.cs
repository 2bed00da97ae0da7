using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace NanoIrq.Cli
{
    /// <summary>
    /// <c>nanoirq replay FILE --signal NAME [--active-low] [--debounce MODE:TIME] [--json] [--vcd OUT]</c>: runs a
    /// recorded waveform (VCD or CSV) through the debounce and gesture pipeline and prints what it saw.
    /// </summary>
    public static class ReplayCommand
    {
        /// <summary>The verb's help text.</summary>
        public const string Usage =
            "usage: nanoirq replay FILE [--signal NAME] [options]\n" +
            "  FILE                 a VCD (.vcd: PulseView/sigrok, GTKWave...) or CSV (.csv: header time_s|time_ms|time_us|time_ns,NAME...)\n" +
            "  --signal NAME        the signal to replay (full dotted name or reference; optional when the file has one)\n" +
            "  --active-low         pressed is low (button to GND with a pull-up); default: pressed is high\n" +
            "  --debounce MODE:TIME quiet|lockout|sample|glitch|none, TIME like 20ms, 500us, 0.02s (default quiet:20ms);\n" +
            "                       quiet:PRESS/RELEASE gives separate windows, e.g. quiet:5ms/30ms\n" +
            "  --glitch TIME        put a glitch filter of TIME before the debouncer\n" +
            "  --long-press TIME    long-press time (default 1s)     --gap TIME  multi-click gap (default 400ms)\n" +
            "  --repeat TIME        hold-repeat interval (default off)\n" +
            "  --immediate-clicks   report Click at each release (default: wait for the gap, report the final count)\n" +
            "  --json               print one JSON object instead of text\n" +
            "  --vcd OUT            write raw input, debounced output and gesture pulses as a VCD for PulseView/GTKWave";

        /// <summary>Runs the verb; 0 on success, 2 on a usage error, 1 when the file cannot be used.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            string file = null;
            string signal = null;
            string vcdOut = null;
            string mode = "quiet";
            int press = DebounceDefaults.QuietTimeMicros;
            int release = press;
            int glitch = 0;
            bool activeLow = false;
            bool json = false;
            var options = new GestureOptions { WaitForMultiClick = true };
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string a = args[i];
                    switch (a)
                    {
                        case "-h":
                        case "--help":
                            stdout.WriteLine(Usage);
                            return 0;
                        case "--signal":
                            signal = Value(args, ref i);
                            break;
                        case "--active-low":
                            activeLow = true;
                            break;
                        case "--json":
                            json = true;
                            break;
                        case "--immediate-clicks":
                            options.WaitForMultiClick = false;
                            break;
                        case "--vcd":
                            vcdOut = Value(args, ref i);
                            break;
                        case "--glitch":
                            glitch = ParseTime(Value(args, ref i), "--glitch");
                            break;
                        case "--long-press":
                            options.LongPressMicros = ParseTime(Value(args, ref i), "--long-press");
                            break;
                        case "--gap":
                            options.MultiClickGapMicros = ParseTime(Value(args, ref i), "--gap");
                            break;
                        case "--repeat":
                            options.HoldRepeatIntervalMicros = ParseTime(Value(args, ref i), "--repeat");
                            break;
                        case "--debounce":
                            ParseDebounce(Value(args, ref i), out mode, out press, out release);
                            break;
                        default:
                            if (a.StartsWith("-", StringComparison.Ordinal))
                            {
                                throw new UsageException("unknown option '" + a + "'.");
                            }

                            if (file != null)
                            {
                                throw new UsageException("more than one FILE ('" + file + "' and '" + a + "').");
                            }

                            file = a;
                            break;
                    }
                }

                if (file == null)
                {
                    throw new UsageException("missing FILE.");
                }
            }
            catch (UsageException e)
            {
                stderr.WriteLine("nanoirq replay: " + e.Message);
                stderr.WriteLine(Usage);
                return 2;
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("nanoirq replay: " + e.Message);
                return 2;
            }

            Waveform wave;
            try
            {
                wave = Read(file, signal);
            }
            catch (WaveformFormatException e)
            {
                stderr.WriteLine("nanoirq replay: " + file + ": " + e.Message);
                return 1;
            }
            catch (IOException e)
            {
                stderr.WriteLine("nanoirq replay: cannot read " + file + ": " + e.Message);
                return 1;
            }
            catch (UnauthorizedAccessException e)
            {
                stderr.WriteLine("nanoirq replay: cannot read " + file + ": " + e.Message);
                return 1;
            }

            IEdgeFilter debouncer = ReplayPipeline.CreateFilter(mode, wave.InitialLevel, activeLow, press, release, glitch);

            var pipeline = new ReplayPipeline();
            int settle = Math.Max(Math.Max(press, release), options.MultiClickGapMicros) + glitch + 1;
            pipeline.Run(wave, debouncer, activeLow, options, settle);

            if (vcdOut != null)
            {
                try
                {
                    using (var w = new StreamWriter(vcdOut))
                    {
                        ReplayVcdExport.Write(w, wave, pipeline, activeLow, file);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine("nanoirq replay: cannot write " + vcdOut + ": " + e.Message);
                    return 1;
                }
            }

            string debounceText = mode == "none" ? "none" : mode + " " + (press == release ? press + " us" : press + "/" + release + " us (press/release)");
            if (json)
            {
                WriteJson(stdout, file, wave, pipeline, activeLow, mode, press, release, glitch);
            }
            else
            {
                WriteText(stdout, file, wave, pipeline, activeLow, debounceText, glitch, vcdOut);
            }

            return 0;
        }

        private static Waveform Read(string file, string signal)
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return CsvWaveformReader.ReadFile(file, signal);
            }

            return VcdReader.ReadFile(file, signal);
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException("option '" + args[i] + "' needs a value.");
            }

            i++;
            return args[i];
        }

        internal static void ParseDebounce(string text, out string mode, out int press, out int release)
        {
            int colon = text.IndexOf(':');
            mode = (colon < 0 ? text : text.Substring(0, colon)).ToLowerInvariant();
            if (Array.IndexOf(ReplayPipeline.Modes, mode) < 0)
            {
                throw new UsageException("--debounce: unknown mode '" + mode + "' (expected quiet, lockout, sample, glitch or none).");
            }

            press = mode == "glitch" ? DebounceDefaults.GlitchMicros : DebounceDefaults.QuietTimeMicros;
            release = press;
            if (colon < 0 || mode == "none")
            {
                return;
            }

            string times = text.Substring(colon + 1);
            int slash = times.IndexOf('/');
            if (slash >= 0 && mode != "quiet")
            {
                throw new UsageException("--debounce: separate press/release windows exist only for quiet.");
            }

            press = ParseTime(slash < 0 ? times : times.Substring(0, slash), "--debounce");
            release = slash < 0 ? press : ParseTime(times.Substring(slash + 1), "--debounce");
            DebounceDefaults.CheckWindow(press, "--debounce");
            DebounceDefaults.CheckWindow(release, "--debounce");
        }

        /// <summary>Parses "20ms", "500us", "0.02s", "1500" (ms) into µs.</summary>
        public static int ParseTime(string text, string option)
        {
            string t = text.Trim().ToLowerInvariant();
            decimal factor = 1000m;
            string number = t;
            if (t.EndsWith("us", StringComparison.Ordinal) || t.EndsWith("µs", StringComparison.Ordinal))
            {
                factor = 1m;
                number = t.Substring(0, t.Length - 2);
            }
            else if (t.EndsWith("ms", StringComparison.Ordinal))
            {
                number = t.Substring(0, t.Length - 2);
            }
            else if (t.EndsWith("s", StringComparison.Ordinal))
            {
                factor = 1000000m;
                number = t.Substring(0, t.Length - 1);
            }

            decimal value;
            if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || value < 0 || value * factor > int.MaxValue)
            {
                throw new UsageException(option + ": '" + text + "' is not a time (use e.g. 20ms, 500us, 0.5s).");
            }

            return (int)Math.Round(value * factor);
        }

        private static void WriteText(TextWriter o, string file, Waveform wave, ReplayPipeline p, bool activeLow, string debounce, int glitch, string vcdOut)
        {
            o.WriteLine("replay " + file + "  signal " + wave.Name + "  " + (activeLow ? "active-low" : "active-high") + "  debounce " + debounce + (glitch > 0 ? "  glitch " + glitch + " us" : ""));
            o.WriteLine("initial level " + (wave.InitialLevel ? 1 : 0) + ", recording ends at " + wave.EndNanos / 1000 + " us");
            o.WriteLine("raw edges (" + p.Raw.Count + "):");
            foreach (var e in p.Raw)
            {
                o.WriteLine("  " + e.TimeMicros.ToString(CultureInfo.InvariantCulture).PadLeft(12) + " us  " + (e.Level ? "1" : "0"));
            }

            o.WriteLine("debounced edges (" + p.Debounced.Count + "):");
            foreach (var e in p.Debounced)
            {
                o.WriteLine("  " + e.TimeMicros.ToString(CultureInfo.InvariantCulture).PadLeft(12) + " us  " + (e.Level ? "1" : "0") + (e.Level != activeLow ? "  press" : "  release"));
            }

            o.WriteLine("gestures (" + p.Gestures.Count + "):");
            foreach (var g in p.Gestures)
            {
                GestureEvent e = g.Event;
                string extra = e.Kind == GestureKind.Press ? "" : (e.Count > 0 && e.Kind != GestureKind.Release ? " x" + e.Count : "") + " held " + e.DurationMicros + " us";
                o.WriteLine("  " + g.TimeMicros.ToString(CultureInfo.InvariantCulture).PadLeft(12) + " us  " + GestureEvent.KindName(e.Kind) + extra);
            }

            o.WriteLine("summary: " + Count(p, GestureKind.Press) + " presses, " + Count(p, GestureKind.Release) + " releases, " +
                Count(p, GestureKind.Click) + " clicks, " + (Count(p, GestureKind.DoubleClick) + Count(p, GestureKind.MultiClick)) + " multi-clicks, " +
                Count(p, GestureKind.LongPressStart) + " long presses (" + p.Raw.Count + " raw edges -> " + p.Debounced.Count + " debounced)");
            if (vcdOut != null)
            {
                o.WriteLine("wrote " + vcdOut);
            }
        }

        private static int Count(ReplayPipeline p, GestureKind kind)
        {
            int n = 0;
            foreach (var g in p.Gestures)
            {
                if (g.Event.Kind == kind)
                {
                    n++;
                }
            }

            return n;
        }

        private static void WriteJson(TextWriter o, string file, Waveform wave, ReplayPipeline p, bool activeLow, string mode, int press, int release, int glitch)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteString("file", file);
                    w.WriteString("signal", wave.Name);
                    w.WriteBoolean("active_low", activeLow);
                    w.WriteStartObject("debounce");
                    w.WriteString("mode", mode);
                    w.WriteNumber("press_window_us", mode == "none" ? 0 : press);
                    w.WriteNumber("release_window_us", mode == "none" ? 0 : release);
                    w.WriteNumber("glitch_us", glitch);
                    w.WriteEndObject();
                    w.WriteNumber("end_us", wave.EndNanos / 1000);
                    Edges(w, "raw_edges", p.Raw);
                    Edges(w, "edges", p.Debounced);
                    w.WriteStartArray("presses");
                    foreach (var g in p.Gestures)
                    {
                        if (g.Event.Kind == GestureKind.Press)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("time_us", g.TimeMicros);
                            w.WriteEndObject();
                        }
                    }

                    w.WriteEndArray();
                    Gestures(w, "releases", p, GestureKind.Release, GestureKind.Release);
                    Gestures(w, "clicks", p, GestureKind.Click, GestureKind.Click);
                    Gestures(w, "multi_clicks", p, GestureKind.DoubleClick, GestureKind.MultiClick);
                    w.WriteStartArray("long_presses");
                    long start = -1;
                    foreach (var g in p.Gestures)
                    {
                        if (g.Event.Kind == GestureKind.LongPressStart)
                        {
                            start = g.TimeMicros - g.Event.DurationMicros;
                        }
                        else if (g.Event.Kind == GestureKind.LongPressEnd)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("press_us", start);
                            w.WriteNumber("release_us", g.TimeMicros);
                            w.WriteNumber("duration_us", g.Event.DurationMicros);
                            w.WriteEndObject();
                            start = -1;
                        }
                    }

                    if (start >= 0)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("press_us", start);
                        w.WriteNull("release_us");
                        w.WriteNull("duration_us");
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    Gestures(w, "hold_repeats", p, GestureKind.HoldRepeat, GestureKind.HoldRepeat);
                    w.WriteEndObject();
                }

                o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            }
        }

        private static void Edges(Utf8JsonWriter w, string name, List<(long TimeMicros, bool Level)> edges)
        {
            w.WriteStartArray(name);
            foreach (var e in edges)
            {
                w.WriteStartObject();
                w.WriteNumber("time_us", e.TimeMicros);
                w.WriteNumber("level", e.Level ? 1 : 0);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void Gestures(Utf8JsonWriter w, string name, ReplayPipeline p, GestureKind a, GestureKind b)
        {
            w.WriteStartArray(name);
            foreach (var g in p.Gestures)
            {
                if (g.Event.Kind == a || g.Event.Kind == b)
                {
                    w.WriteStartObject();
                    w.WriteNumber("time_us", g.TimeMicros);
                    w.WriteNumber("count", g.Event.Count);
                    w.WriteNumber("held_us", g.Event.DurationMicros);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        internal sealed class UsageException : Exception
        {
            public UsageException(string message)
                : base(message)
            {
            }
        }
    }
}
