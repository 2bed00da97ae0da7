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
    /// summary. Exit 0 when every expectation held, 1 when one did not, 2 for a usage error.
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

            if (options.Replay != null || options.VcdOut != null)
            {
                stderr.WriteLine("nanoirq demo: --replay and --vcd are not wired into the demo yet; use 'nanoirq replay' for recordings.");
                return 2;
            }

            DemoBench bench;
            try
            {
                bench = new DemoBench(options.Board, options.Seed);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("nanoirq demo: " + e.Message);
                return 2;
            }

            if (options.Interactive)
            {
                return RunInteractive(bench, stdout, stderr);
            }

            bool pace = !options.Json && !options.Fast && object.ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            TextWriter display = options.Json ? TextWriter.Null : stdout;
            DemoReport report = RunScenario(bench, options, display, pace);
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
                bench.RunUntil(Ticks.Add(bench.Origin, Ticks.FromMillis(scenario.StartMillis[i])));
                bench.Press(Ticks.FromMillis(scenario.HoldMillis[i]));
            }

            bench.RunUntil(Ticks.Add(bench.Origin, Ticks.FromMillis(scenario.EndMillis)));
            DemoReport report = bench.Report(options.Seed, source);
            report.PressesSimulated = scenario.Presses;
            report.ExpectedFinalCount = scenario.ExpectedFinalCount;
            report.ExpectedResets = scenario.ExpectedResets;
            report.ExpectedBlinkOuts = scenario.ExpectedBlinkOuts;
            return report;
        }

        private static int RunInteractive(DemoBench bench, TextWriter stdout, TextWriter stderr)
        {
            if (Console.IsInputRedirected)
            {
                stderr.WriteLine("nanoirq demo: --interactive needs a terminal on stdin (stdin is redirected); run it in a terminal, or drop --interactive.");
                return 2;
            }

            WriteHeader(bench, stdout, "interactive: any key is a 120 ms press with bounce, q quits");
            bench.Display = stdout;
            HostClock wall = new HostClock();
            uint last = wall.NowMicros;
            uint simulated = bench.Origin;
            while (true)
            {
                Thread.Sleep(10);
                uint now = wall.NowMicros;
                simulated = Ticks.Add(simulated, Ticks.Diff(now, last));
                last = now;
                bench.RunUntil(simulated);
                while (Console.KeyAvailable)
                {
                    ConsoleKeyInfo key = Console.ReadKey(true);
                    if (key.KeyChar == 'q' || key.KeyChar == 'Q')
                    {
                        bench.Report(0, "interactive").WriteSummary(stdout);
                        return 0;
                    }

                    bench.Press(120000);
                }
            }
        }

        private static void WriteHeader(DemoBench bench, TextWriter display, string what)
        {
            display.WriteLine("ButtonCounter on a simulated " + bench.BoardName + ": " + bench.WiringText);
            display.WriteLine(what);
            display.WriteLine("Each press counts 1 and toggles the LED; a long press resets; a double click blinks the count out.");
            display.WriteLine();
        }
    }
}
