using System.Collections.Generic;
using System.IO;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Writes a replay as a VCD: <c>raw</c> (the input), <c>debounced</c> (the filter's output), <c>long_press</c>
    /// (high from LongPressStart to LongPressEnd) and one 1-bit pulse signal per other gesture kind (press, release,
    /// click, double_click, multi_click, hold_repeat: high for 1 ms, or until 1 µs before the next event of that kind).
    /// </summary>
    public static class ReplayVcdExport
    {
        /// <summary>Pulse width of a gesture event in the export, µs.</summary>
        public const long PulseMicros = 1000;

        /// <summary>Writes the export.</summary>
        public static void Write(TextWriter output, Waveform wave, ReplayPipeline p, bool activeLow, string source)
        {
            var writer = new VcdWriter("nanoirq");
            AddEdges(writer, "raw", wave.InitialLevel, p.Raw);
            AddEdges(writer, "debounced", wave.InitialLevel, p.Debounced);
            var longTimes = new List<long>();
            var longLevels = new List<bool>();
            foreach (var g in p.Gestures)
            {
                if (g.Event.Kind == GestureKind.LongPressStart || g.Event.Kind == GestureKind.LongPressEnd)
                {
                    longTimes.Add(g.TimeMicros);
                    longLevels.Add(g.Event.Kind == GestureKind.LongPressStart);
                }
            }

            writer.AddSignal("long_press", false, longTimes.ToArray(), longLevels.ToArray());
            AddPulses(writer, "press", p, GestureKind.Press);
            AddPulses(writer, "release", p, GestureKind.Release);
            AddPulses(writer, "click", p, GestureKind.Click);
            AddPulses(writer, "double_click", p, GestureKind.DoubleClick);
            AddPulses(writer, "multi_click", p, GestureKind.MultiClick);
            AddPulses(writer, "hold_repeat", p, GestureKind.HoldRepeat);
            writer.Write(output, "nanoirq replay of " + Path.GetFileName(source) + " signal " + wave.Name + (activeLow ? " (active-low)" : " (active-high)"));
        }

        private static void AddEdges(VcdWriter writer, string name, bool initial, List<(long TimeMicros, bool Level)> edges)
        {
            var t = new long[edges.Count];
            var l = new bool[edges.Count];
            for (int i = 0; i < t.Length; i++)
            {
                t[i] = edges[i].TimeMicros;
                l[i] = edges[i].Level;
            }

            writer.AddSignal(name, initial, t, l);
        }

        private static void AddPulses(VcdWriter writer, string name, ReplayPipeline p, GestureKind kind)
        {
            var at = new List<long>();
            foreach (var g in p.Gestures)
            {
                if (g.Event.Kind == kind)
                {
                    at.Add(g.TimeMicros);
                }
            }

            var t = new List<long>();
            var l = new List<bool>();
            for (int i = 0; i < at.Count; i++)
            {
                long end = at[i] + PulseMicros;
                if (i + 1 < at.Count && end >= at[i + 1])
                {
                    end = at[i + 1] - 1;
                }

                if (end <= at[i] || (t.Count > 0 && at[i] <= t[t.Count - 1]))
                {
                    continue; // two events in the same µs: one pulse shows both.
                }

                t.Add(at[i]);
                l.Add(true);
                t.Add(end);
                l.Add(false);
            }

            writer.AddSignal(name, false, t.ToArray(), l.ToArray());
        }
    }
}
