using System;
using System.Collections.Generic;
using System.IO;

namespace NanoIrq
{
    /// <summary>
    /// Writes 1-bit signals as an IEEE 1364 VCD with a 1 µs timescale, for PulseView (sigrok) and GTKWave. Host only.
    /// </summary>
    /// <remarks>
    /// Add signals with <see cref="AddSignal"/> (an initial level and the times of later changes, µs), then
    /// <see cref="Write"/>. The file has one scope named by the constructor, one <c>wire 1</c> per signal with
    /// identifier codes <c>!</c>, <c>"</c>, <c>#</c>... in the order added, a <c>$dumpvars</c> block at #0 with the
    /// initial levels, then the changes of all signals merged in time order (one <c>#time</c> per distinct time).
    /// Changes that repeat the current level are skipped. <see cref="VcdReader"/> reads the result back to the same
    /// edges. No <c>$date</c> is written, so the output is the same for the same input.
    /// </remarks>
    public sealed class VcdWriter
    {
        private readonly string _scope;
        private readonly List<(string Name, bool Initial, long[] Times, bool[] Levels)> _signals = new List<(string, bool, long[], bool[])>();

        /// <summary>Creates a writer whose signals sit in the scope <paramref name="scope"/> (letters, digits, underscore).</summary>
        public VcdWriter(string scope)
        {
            _scope = Clean(scope, "scope");
        }

        /// <summary>Adds a 1-bit signal: its level at time 0 and its later changes (µs, not decreasing, at least 0).</summary>
        /// <exception cref="ArgumentException">Bad name, lengths differ, or times decrease or are negative.</exception>
        public void AddSignal(string name, bool initialLevel, long[] timesMicros, bool[] levels)
        {
            if (timesMicros == null || levels == null || timesMicros.Length != levels.Length)
            {
                throw new ArgumentException("timesMicros and levels must be non-null and of the same length.", nameof(levels));
            }

            for (int i = 0; i < timesMicros.Length; i++)
            {
                if (timesMicros[i] < 0 || (i > 0 && timesMicros[i] < timesMicros[i - 1]))
                {
                    throw new ArgumentException("times must be >= 0 and must not decrease (index " + i + ").", nameof(timesMicros));
                }
            }

            if (_signals.Count >= 94)
            {
                throw new ArgumentException("at most 94 signals (one-character identifier codes).", nameof(name));
            }

            _signals.Add((Clean(name, nameof(name)), initialLevel, (long[])timesMicros.Clone(), (bool[])levels.Clone()));
        }

        /// <summary>Writes the VCD text; <paramref name="comment"/> (optional) goes into a header $comment.</summary>
        public void Write(TextWriter output, string comment)
        {
            var nl = "\n";
            output.Write("$version NanoIrq $end" + nl);
            if (!string.IsNullOrEmpty(comment))
            {
                output.Write("$comment " + comment.Replace("$end", "(end)") + " $end" + nl);
            }

            output.Write("$timescale 1 us $end" + nl);
            output.Write("$scope module " + _scope + " $end" + nl);
            for (int i = 0; i < _signals.Count; i++)
            {
                output.Write("$var wire 1 " + Id(i) + " " + _signals[i].Name + " $end" + nl);
            }

            output.Write("$upscope $end" + nl + "$enddefinitions $end" + nl + "#0" + nl + "$dumpvars" + nl);
            var current = new bool[_signals.Count];
            for (int i = 0; i < _signals.Count; i++)
            {
                current[i] = _signals[i].Initial;
                output.Write((current[i] ? "1" : "0") + Id(i) + nl);
            }

            output.Write("$end" + nl);
            var next = new int[_signals.Count];
            long written = 0;
            while (true)
            {
                long t = long.MaxValue;
                for (int i = 0; i < _signals.Count; i++)
                {
                    if (next[i] < _signals[i].Times.Length && _signals[i].Times[next[i]] < t)
                    {
                        t = _signals[i].Times[next[i]];
                    }
                }

                if (t == long.MaxValue)
                {
                    break;
                }

                bool stamped = false;
                for (int i = 0; i < _signals.Count; i++)
                {
                    while (next[i] < _signals[i].Times.Length && _signals[i].Times[next[i]] == t)
                    {
                        bool level = _signals[i].Levels[next[i]];
                        next[i]++;
                        if (level == current[i])
                        {
                            continue;
                        }

                        if (!stamped && t != written)
                        {
                            output.Write("#" + t + nl);
                            written = t;
                        }

                        stamped = true;
                        current[i] = level;
                        output.Write((level ? "1" : "0") + Id(i) + nl);
                    }
                }
            }
        }

        private static string Id(int index)
        {
            return ((char)(33 + index)).ToString();
        }

        private static string Clean(string name, string param)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("must not be empty.", param);
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    throw new ArgumentException("'" + name + "' must hold only letters, digits and '_'.", param);
                }
            }

            return name;
        }
    }
}
