using System;
using System.Globalization;
using System.IO;
using System.Threading;
using NanoIrq.ButtonCounter;

namespace NanoIrq.Cli
{
    /// <summary>
    /// <c>nanoirq demo</c>: runs ButtonCounter's firmware logic, unchanged, on a simulated board whose button
    /// bounces like a real one, and prints what a person at the bench would see (count and LED), then a
    /// summary. Exit 0 when every expectation held, 1 when one did not or a recording cannot be read (unreadable
    /// file, several signals and no --signal), 2 for a usage error (unknown option or board, bad value).
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Runs the verb with <paramref name="args"/> (the words after "demo").</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            string error;
            DemoOptions options = DemoOptions.Parse(args, out error);
            if (options == null)
            {
                stderr.WriteLine("nanoirq demo: " + error);
                stderr.WriteLine(DemoOptions.Usage);
                return 2;
            }

            if (options.Help)
            {
                stdout.WriteLine(DemoOptions.Usage);
                return 0;
            }

            Waveform recording = null;
            if (options.Replay != null)
            {
                try
                {
                    recording = options.Replay.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                        ? CsvWaveformReader.ReadFile(options.Replay, options.Signal)
                        : VcdReader.ReadFile(options.Replay, options.Signal);
                }
                catch (WaveformFormatException e)
                {
                    stderr.WriteLine("nanoirq demo: " + options.Replay + ": " + e.Message);
                    return 1;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine("nanoirq demo: cannot read " + options.Replay + ": " + e.Message);
                    return 1;
                }

                if (recording.EndNanos / 1000 > int.MaxValue - 1000000)
                {
                    stderr.WriteLine("nanoirq demo: " + options.Replay + " is longer than the 35 minutes a replay can cover.");
                    return 1;
                }
            }

            DemoBench bench;
            try
            {
                bool initialLevel = recording == null || (recording.InitialLevel != options.ActiveHigh);
                bench = new DemoBench(options.Board, options.Seed, initialLevel, options);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("nanoirq demo: " + e.Message);
                return 2;
            }

            if (options.Interactive)
            {
                return RunInteractive(bench, options.Seed, stdout, stderr);
            }

            bool pace = !options.Json && !options.Fast && object.ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            TextWriter display = options.Json ? TextWriter.Null : stdout;
            DemoReport report = recording != null
                ? RunReplay(bench, options, recording, display)
                : RunScenario(bench, options, display, pace);
            if (options.VcdOut != null)
            {
                try
                {
                    using (StreamWriter w = new StreamWriter(options.VcdOut))
                    {
                        bench.WriteVcd(w, "nanoirq demo on a simulated " + bench.BoardName + " (" + report.Source + ", seed " + options.Seed.ToString(CultureInfo.InvariantCulture)
                            + "): button = raw button line (pressed low), debounced = the Irq's edges after the debounce+gesture filter, led = LED lit");
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine("nanoirq demo: cannot write " + options.VcdOut + ": " + e.Message);
                    return 1;
                }

                display.WriteLine("wrote " + options.VcdOut + " (signals button, debounced, led; 1 us timescale)");
            }

            if (options.Json)
            {
                report.WriteJson(stdout);
            }
            else
            {
                report.WriteSummary(stdout);
            }

            return report.Ok ? 0 : 1;
        }

        private static DemoReport RunScenario(DemoBench bench, DemoOptions options, TextWriter display, bool pace)
        {
            DemoScenario scenario = options.Presses > 0
                ? DemoScenario.Random(options.Presses, options.Seed)
                : DemoScenario.Tour(options.Seed);
            string source = options.Presses > 0 ? "random" : "tour";
            WriteHeader(bench, display, source == "tour"
                ? "10 presses with bounce: 4 clicks, a double click (blinks the count), a click, a long press (reset), 2 clicks; expect count 2, LED off"
                : scenario.Presses.ToString(CultureInfo.InvariantCulture) + " random presses with bounce (seed " + options.Seed.ToString(CultureInfo.InvariantCulture) + ")");
            bench.Display = display;
            bench.PaceMillisPerLine = pace ? Math.Max(5, 1500 / Math.Max(1, scenario.Presses * 2)) : 0;
            for (int i = 0; i < scenario.Presses; i++)
            {
                bench.RunUntil(scenario.StartMillis[i] * 1000L);
                bench.Press(Ticks.FromMillis(scenario.HoldMillis[i]));
            }

            bench.RunUntil(scenario.EndMillis * 1000L);
            bench.RunUntilIdle(60000000);
            DemoReport report = bench.Report(options.Seed, source);
            report.PressesSimulated = scenario.Presses;
            report.ExpectedFinalCount = scenario.ExpectedFinalCount;
            report.ExpectedResets = scenario.ExpectedResets;
            report.ExpectedBlinkOuts = scenario.ExpectedBlinkOuts;
            return report;
        }

        private static DemoReport RunReplay(DemoBench bench, DemoOptions options, Waveform recording, TextWriter display)
        {
            WriteHeader(bench, display, "replaying " + Path.GetFileName(options.Replay) + " signal " + recording.Name + " (" + recording.Count.ToString(CultureInfo.InvariantCulture)
                + " edges, " + (recording.EndNanos / 1000000000.0).ToString("0.000", CultureInfo.InvariantCulture) + " s, pressed "
                + (options.ActiveHigh ? "high: inverted onto the active-low pin" : "low") + ")");
            bench.Display = display;
            int[] offsets = new int[recording.Count];
            bool[] levels = new bool[recording.Count];
            for (int i = 0; i < offsets.Length; i++)
            {
                offsets[i] = (int)(recording.TimeNanos(i) / 1000);
                levels[i] = recording.Level(i) != options.ActiveHigh;
            }

            bench.Play(offsets, levels);
            bench.RunUntil(recording.EndNanos / 1000 + 1000);
            bench.RunUntilIdle(60000000);
            return bench.Report(options.Seed, "replay");
        }

        private static int RunInteractive(DemoBench bench, int seed, TextWriter stdout, TextWriter stderr)
        {
            if (Console.IsInputRedirected)
            {
                stderr.WriteLine("nanoirq demo: --interactive needs a terminal on stdin (stdin is redirected); run it in a terminal, or drop --interactive.");
                return 2;
            }

            WriteHeader(bench, stdout, "interactive: any key is a 120 ms press with bounce, l a 1.5 s press (reset), two keys quickly a double click; q quits");
            bench.Display = stdout;
            HostClock wall = new HostClock();
            uint last = wall.NowMicros;
            int queued = 0;
            bool queuedLong = false;
            while (true)
            {
                Thread.Sleep(10);
                uint now = wall.NowMicros;
                bench.RunUntil(bench.ElapsedMicros + Ticks.Diff(now, last));
                last = now;
                while (Console.KeyAvailable)
                {
                    ConsoleKeyInfo key = Console.ReadKey(true);
                    if (key.KeyChar == 'q' || key.KeyChar == 'Q')
                    {
                        bench.Report(seed, "interactive").WriteSummary(stdout);
                        return 0;
                    }

                    queued++;
                    queuedLong |= key.KeyChar == 'l' || key.KeyChar == 'L';
                }

                // One press at a time: a key typed while the previous press still plays waits for it (two quick keys make a double click).
                if (queued > 0 && !bench.IsPressPlaying)
                {
                    bench.Press(queuedLong && queued == 1 ? 1500000 : 120000);
                    queued--;
                    if (queued == 0)
                    {
                        queuedLong = false;
                    }
                }
            }
        }

        private static void WriteHeader(DemoBench bench, TextWriter display, string what)
        {
            display.WriteLine("ButtonCounter on a simulated " + bench.BoardName + ": " + bench.WiringText + "; debounce " + bench.Debounce);
            display.WriteLine(what);
            display.WriteLine("Each press counts 1 and toggles the LED; a long press resets; a double click blinks the count out.");
            display.WriteLine();
        }
    }
}
