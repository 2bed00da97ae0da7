using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>
    /// A button capture written by <see cref="BounceModel"/> with known presses: each press's first edge and first
    /// release edge, as a CSV text (<c>time_us,button</c>, active-low) that <c>replay</c> and <c>calibrate</c> read.
    /// </summary>
    internal sealed class GeneratedCapture
    {
        private readonly List<long> _times = new List<long>();
        private readonly List<bool> _levels = new List<bool>();

        /// <summary>Press starts (first press edge), µs.</summary>
        public readonly List<long> PressStarts = new List<long>();

        /// <summary>Release starts (first release edge), µs.</summary>
        public readonly List<long> ReleaseStarts = new List<long>();

        /// <summary>Longest re-opening the model wrote inside a press (first open to first close edge), µs.</summary>
        public long LongestReopen;

        /// <summary>Longest re-closing the model wrote inside a release, µs.</summary>
        public long LongestReclose;

        /// <summary>Presses written.</summary>
        public int Presses => PressStarts.Count;

        /// <summary>Edges written.</summary>
        public int Edges => _times.Count;

        /// <summary>
        /// Writes one press per entry of <paramref name="holds"/>: press i starts <paramref name="gaps"/>[i] after the
        /// previous press's edges ended (the first one after 500 ms of idle line) and is held <paramref name="holds"/>[i].
        /// </summary>
        public static GeneratedCapture Write(BounceModel model, int[] holds, int[] gaps)
        {
            var c = new GeneratedCapture();
            var t = new uint[BounceModel.MaxEdgesPerPress];
            var l = new bool[BounceModel.MaxEdgesPerPress];
            uint start = 500000;
            for (int i = 0; i < holds.Length; i++)
            {
                if (i > 0)
                {
                    start = model.LastEndMicros + (uint)gaps[i];
                }

                int n = model.WritePress(start, holds[i], t, l, 0);
                c.PressStarts.Add(start);
                c.ReleaseStarts.Add(model.LastReleaseStartMicros);
                c.LongestReopen = Math.Max(c.LongestReopen, model.LastPressReopenMicros);
                c.LongestReclose = Math.Max(c.LongestReclose, model.LastReleaseRecloseMicros);
                for (int k = 0; k < n; k++)
                {
                    c._times.Add(t[k]);
                    c._levels.Add(l[k]);
                }
            }

            return c;
        }

        /// <summary>Holds and gaps drawn from <paramref name="seed"/>: holds in [minHold, maxHold], gaps (release settled to next press) in [minGap, maxGap], µs.</summary>
        public static GeneratedCapture Random(BounceModel model, int seed, int presses, int minHold, int maxHold, int minGap, int maxGap)
        {
            var rng = new Random(seed);
            var holds = new int[presses];
            var gaps = new int[presses];
            for (int i = 0; i < presses; i++)
            {
                holds[i] = minHold + rng.Next(maxHold - minHold + 1);
                gaps[i] = minGap + rng.Next(maxGap - minGap + 1);
            }

            return Write(model, holds, gaps);
        }

        /// <summary>The capture as CSV text: header <c>time_us,button</c>, a row at 0 with the idle level (1), one row per edge, a last row 500 ms after the last edge.</summary>
        public string Csv()
        {
            var sb = new StringBuilder("time_us,button\n0,1\n");
            for (int i = 0; i < _times.Count; i++)
            {
                sb.Append(_times[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(_levels[i] ? '1' : '0').Append('\n');
            }

            sb.Append((_times[_times.Count - 1] + 500000).ToString(CultureInfo.InvariantCulture)).Append(",1\n");
            return sb.ToString();
        }

        /// <summary>Writes <see cref="Csv"/> to a new temporary file and returns its path.</summary>
        public string SaveTemp()
        {
            string path = Path.Combine(Path.GetTempPath(), "nanoirq-cal-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, Csv());
            return path;
        }
    }
}
