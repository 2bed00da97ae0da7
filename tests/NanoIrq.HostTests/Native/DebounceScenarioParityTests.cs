using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// Scenario parity: every scenario of firmware/native/tests/scenarios/debounce.txt (the table the native GoogleTest
    /// suite reads) runs through (a) the C# debouncers (LockoutDebouncer, QuietTimeDebouncer, GlitchFilter) and (b) the
    /// native core through the whole bridge (host port ISR → ring → native debouncer → nirq_api → NativeEdgeSource →
    /// IrqDispatcher → Irq handler), each ticked per the file's driving rule and never ticked; all four must give the
    /// expected column.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class DebounceScenarioParityTests : NativeModuleTest
    {
        private const int Pin = 4;

        [TestMethod]
        public void TheTableHasEveryModeAndWrapCases()
        {
            List<Scenario> all = Scenario.Load();
            Assert.IsTrue(all.Count >= 19, "scenarios read: " + all.Count);
            foreach (string mode in new[] { "none", "lockout", "quiet", "glitch" })
            {
                Assert.IsTrue(all.Exists(s => s.Mode == mode), mode);
            }

            Assert.IsTrue(all.Exists(s => s.Name.Contains("wrap")), "scenarios across the 2^32 wrap");
        }

        [TestMethod]
        public void CSharpDebouncersTickedOnTimeGiveTheExpectedRecords()
        {
            RunAll(s => RunCSharp(s, true));
        }

        [TestMethod]
        public void CSharpDebouncersNeverTickedGiveTheExpectedRecords()
        {
            RunAll(s => RunCSharp(s, false));
        }

        [TestMethod]
        public void NativeCoreThroughTheBridgeTickedOnTimeGivesTheExpectedRecords()
        {
            RunAll(s => RunNative(s, true));
        }

        [TestMethod]
        public void NativeCoreThroughTheBridgeNeverTickedGivesTheExpectedRecords()
        {
            RunAll(s => RunNative(s, false));
        }

        private static void RunAll(Func<Scenario, string> run)
        {
            StringBuilder failures = new StringBuilder();
            int count = 0;
            foreach (Scenario s in Scenario.Load())
            {
                string got = run(s);
                count++;
                if (got != s.Expected)
                {
                    failures.AppendLine(s.Name + ": expected " + s.Expected + ", got " + got);
                }
            }

            Assert.AreEqual(string.Empty, failures.ToString(), count + " scenarios");
        }

        private static string RunCSharp(Scenario s, bool onTime)
        {
            FakeClock clock = new FakeClock();
            Collector sink = new Collector();
            IEdgeFilter filter = s.Mode switch
            {
                "none" => null,
                "lockout" => new LockoutDebouncer(s.Initial, (int)s.Window),
                "quiet" => new QuietTimeDebouncer(s.Initial, (int)s.Window),
                "glitch" => new GlitchFilter(s.Initial, (int)s.Window),
                _ => throw new InvalidDataException("mode " + s.Mode),
            };
            for (int i = 0; i < s.Times.Length; i++)
            {
                EdgeRecord e = new EdgeRecord(Pin, s.Levels[i], s.Times[i], (uint)(i + 1), false);
                if (onTime)
                {
                    TickUntil(filter, clock, sink, e.TimeMicros);
                }

                clock.Set(e.TimeMicros);
                if (filter == null)
                {
                    sink.Emit(e);
                }
                else
                {
                    filter.Feed(e, sink);
                }
            }

            TickUntil(filter, clock, sink, s.End);
            return sink.ToString();
        }

        private static void TickUntil(IEdgeFilter filter, FakeClock clock, Collector sink, uint until)
        {
            uint d;
            while (filter != null && filter.TryGetDeadline(out d) && Ticks.Diff(until, d) >= 0)
            {
                clock.Set(d);
                filter.Tick(clock.NowMicros, sink);
            }
        }

        private static string RunNative(Scenario s, bool onTime)
        {
            NativeHost.Reset();
            NativeHost.SetNow(s.Times.Length > 0 ? s.Times[0] : 0);
            NativeHost.SetLevel(Pin, s.Initial ? 1 : 0);
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            NativeDebounce mode = s.Mode switch
            {
                "none" => NativeDebounce.None,
                "lockout" => NativeDebounce.Lockout,
                "quiet" => NativeDebounce.QuietTime,
                "glitch" => NativeDebounce.Glitch,
                _ => throw new InvalidDataException("mode " + s.Mode),
            };
            source.SetDebounce(Pin, mode, (int)s.Window);
            Collector sink = new Collector();
            IrqPin pin = new IrqPin(source, Pin, PinPull.None, false);
            Assert.AreEqual(s.Initial, pin.Level, s.Name + ": initial level");
            pin.Irq((irq, e) => sink.Emit(e), IrqTrigger.Both);
            for (int i = 0; i < s.Times.Length; i++)
            {
                if (onTime)
                {
                    PumpUntil(source, dispatcher, s.Times[i]);
                }

                NativeHost.EdgeAt(s.Times[i], Pin, s.Levels[i]);
                if (onTime)
                {
                    source.Pump();
                    dispatcher.Poll();
                }
            }

            if (onTime)
            {
                PumpUntil(source, dispatcher, s.End);
            }
            else
            {
                NativeHost.SetNow(s.End);
                source.Pump();
                dispatcher.Poll();
            }

            return sink.ToString();
        }

        /// <summary>The driving rule on the native side: a read at each native deadline up to <paramref name="until"/>.</summary>
        private static void PumpUntil(NativeEdgeSource source, IrqDispatcher dispatcher, uint until)
        {
            long d;
            while ((d = NativeHost.NextDeadline()) >= 0 && Ticks.Diff(until, (uint)d) >= 0)
            {
                NativeHost.SetNow((uint)d);
                source.Pump();
                dispatcher.Poll();
            }
        }

        private sealed class Collector : IEdgeSink
        {
            private readonly List<string> _records = new List<string>();

            public void Emit(EdgeRecord edge)
            {
                Assert.AreEqual(Pin, edge.Pin);
                _records.Add(edge.TimeMicros.ToString(CultureInfo.InvariantCulture) + ":" + (edge.Level ? "1" : "0") + "#" + edge.Sequence.ToString(CultureInfo.InvariantCulture));
            }

            public override string ToString()
            {
                return _records.Count == 0 ? "-" : string.Join(" ", _records);
            }
        }

        private sealed class Scenario
        {
            public string Name;
            public string Mode;
            public uint Window;
            public bool Initial;
            public uint[] Times;
            public bool[] Levels;
            public uint End;
            public string Expected;

            public static List<Scenario> Load()
            {
                List<Scenario> list = new List<Scenario>();
                foreach (string raw in File.ReadAllLines(FindTable()))
                {
                    string line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string[] f = line.Split('|');
                    if (f.Length != 7)
                    {
                        throw new InvalidDataException("7 fields expected: " + line);
                    }

                    Scenario s = new Scenario
                    {
                        Name = f[0].Trim(),
                        Mode = f[1].Trim(),
                        Window = uint.Parse(f[2].Trim(), CultureInfo.InvariantCulture),
                        Initial = f[3].Trim() == "1",
                        End = uint.Parse(f[5].Trim(), CultureInfo.InvariantCulture),
                        Expected = string.Join(" ", f[6].Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                    };
                    string[] edges = f[4].Trim() == "-" ? new string[0] : f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    s.Times = new uint[edges.Length];
                    s.Levels = new bool[edges.Length];
                    for (int i = 0; i < edges.Length; i++)
                    {
                        string[] tl = edges[i].Split(':');
                        s.Times[i] = uint.Parse(tl[0], CultureInfo.InvariantCulture);
                        s.Levels[i] = tl[1] == "1";
                    }

                    list.Add(s);
                }

                return list;
            }

            private static string FindTable()
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null)
                {
                    string candidate = Path.Combine(dir, "firmware", "native", "tests", "scenarios", "debounce.txt");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }

                    dir = Path.GetDirectoryName(dir);
                }

                throw new FileNotFoundException("firmware/native/tests/scenarios/debounce.txt above " + AppContext.BaseDirectory);
            }
        }
    }
}
