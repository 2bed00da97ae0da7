using System;
using System.Collections.Generic;

namespace NanoIrq
{
    /// <summary>
    /// One recorded digital signal: its level at the start of the recording and every later level change, with
    /// times in nanoseconds from the recording's zero. Host only (read from VCD or CSV files).
    /// </summary>
    public sealed class Waveform
    {
        private readonly long[] _times;
        private readonly bool[] _levels;

        /// <summary>Creates a waveform; <paramref name="timesNanos"/> must not decrease and each level must differ from the one before.</summary>
        /// <exception cref="ArgumentException">The arrays differ in length, a time decreases or is negative, or a level repeats.</exception>
        public Waveform(string name, bool initialLevel, long[] timesNanos, bool[] levels, long endNanos)
        {
            if (timesNanos == null)
            {
                throw new ArgumentNullException(nameof(timesNanos));
            }

            if (levels == null || levels.Length != timesNanos.Length)
            {
                throw new ArgumentException("levels must have one entry per time.", nameof(levels));
            }

            bool level = initialLevel;
            long last = 0;
            for (int i = 0; i < timesNanos.Length; i++)
            {
                if (timesNanos[i] < last)
                {
                    throw new ArgumentException("times must be >= 0 and must not decrease (index " + i + ").", nameof(timesNanos));
                }

                if (levels[i] == level)
                {
                    throw new ArgumentException("each level must differ from the previous one (index " + i + ").", nameof(levels));
                }

                last = timesNanos[i];
                level = levels[i];
            }

            Name = name ?? "";
            InitialLevel = initialLevel;
            _times = (long[])timesNanos.Clone();
            _levels = (bool[])levels.Clone();
            EndNanos = Math.Max(endNanos, last);
        }

        /// <summary>Signal name as found in the file (full hierarchical name for VCD, e.g. "top.btn").</summary>
        public string Name { get; }

        /// <summary>Level before the first change (the first value recorded).</summary>
        public bool InitialLevel { get; }

        /// <summary>Number of level changes.</summary>
        public int Count => _times.Length;

        /// <summary>Last time the recording covers, ns (the last timestamp in the file, at least the last change).</summary>
        public long EndNanos { get; }

        /// <summary>Time of change <paramref name="index"/>, ns.</summary>
        public long TimeNanos(int index) => _times[index];

        /// <summary>Level after change <paramref name="index"/> (true = high).</summary>
        public bool Level(int index) => _levels[index];

        /// <summary>
        /// The changes as edge records on <paramref name="pin"/>: times in µs (ns / 1000, truncated; kept modulo
        /// 2^32 as a NanoIrq clock would), sequence 1, 2, 3..., interrupt-time stamps (StampIsLate false).
        /// </summary>
        public EdgeRecord[] ToEdges(int pin)
        {
            var edges = new EdgeRecord[_times.Length];
            for (int i = 0; i < edges.Length; i++)
            {
                edges[i] = new EdgeRecord(pin, _levels[i], unchecked((uint)(_times[i] / 1000)), unchecked((uint)(i + 1)), false);
            }

            return edges;
        }

        /// <summary>Builds a waveform from a list of (time ns, level) samples that may repeat levels: only changes are kept.</summary>
        public static Waveform FromSamples(string name, IList<long> timesNanos, IList<bool> levels, long endNanos)
        {
            if (timesNanos.Count == 0)
            {
                throw new ArgumentException("the signal has no values.", nameof(timesNanos));
            }

            var t = new List<long>();
            var l = new List<bool>();
            bool current = levels[0];
            for (int i = 1; i < timesNanos.Count; i++)
            {
                if (levels[i] != current)
                {
                    current = levels[i];
                    t.Add(timesNanos[i]);
                    l.Add(current);
                }
            }

            return new Waveform(name, levels[0], t.ToArray(), l.ToArray(), endNanos);
        }
    }
}
