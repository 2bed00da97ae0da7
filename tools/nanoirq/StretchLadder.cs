using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// The distinct lengths of one level's stretches in a <see cref="ButtonCapture"/>, shortest first. A threshold
    /// <i>position</i> <c>j</c> keeps the stretches at least <c>Lengths[j]</c> long as the user's and ignores the
    /// shorter ones as the switch's; <c>j = Count</c> keeps none.
    /// </summary>
    /// <remarks>
    /// The <i>step</i> of a range of positions that all give the same presses is how clearly they separate: the shortest
    /// length kept at the top of the range over the longest ignored at its bottom, both limited below by
    /// <see cref="NoiseFloorMicros"/> (no user presses for less than a millisecond, and ratios of microsecond bounce
    /// pieces mean nothing); keeping none is an endless step.
    /// </remarks>
    public sealed class StretchLadder
    {
        /// <summary>What the shortest kept stretch is compared with when nothing is ignored: 1,000 µs (1 ms).</summary>
        public const long NoiseFloorMicros = 1000;

        private readonly long[] _lengths;

        /// <summary>Builds the ladder of the stretches of <paramref name="capture"/> at the pressed (true) or released level;
        /// <paramref name="rank"/> receives, for each stretch of that level, the index of its length (others untouched).</summary>
        public StretchLadder(ButtonCapture capture, bool pressed, int[] rank)
        {
            var set = new SortedSet<long>();
            for (int i = 0; i < capture.Count - 1; i++)
            {
                if (capture.Pressed(i) == pressed)
                {
                    set.Add(capture.Stretch(i));
                }
            }

            _lengths = new long[set.Count];
            set.CopyTo(_lengths);
            for (int i = 0; i < capture.Count - 1; i++)
            {
                if (capture.Pressed(i) == pressed)
                {
                    rank[i] = Array.BinarySearch(_lengths, capture.Stretch(i));
                }
            }
        }

        /// <summary>Number of distinct lengths; positions run from 0 to Count.</summary>
        public int Count => _lengths.Length;

        /// <summary>Shortest kept length at position <paramref name="j"/>, µs; <see cref="long.MaxValue"/> when none is kept.</summary>
        public long ShortestKept(int j) => j < _lengths.Length ? _lengths[j] : long.MaxValue;

        /// <summary>Longest ignored length at position <paramref name="j"/>, µs; -1 when none is ignored.</summary>
        public long LongestIgnored(int j) => j > 0 ? _lengths[j - 1] : -1;

        /// <summary><paramref name="signal"/> over the larger of <paramref name="noise"/> and <see cref="NoiseFloorMicros"/>;
        /// endless when <paramref name="signal"/> is <see cref="long.MaxValue"/> (nothing has to be kept).</summary>
        public static double StepOf(long noise, long signal)
        {
            if (signal == long.MaxValue)
            {
                return double.PositiveInfinity;
            }

            return signal / (double)Math.Max(noise, NoiseFloorMicros);
        }

        /// <summary>The step of the positions [<paramref name="lo"/>, <paramref name="hi"/>]: the shortest length kept at
        /// <paramref name="hi"/> over the longest ignored at <paramref name="lo"/> (see <see cref="StepOf"/>).</summary>
        public double Step(int lo, int hi) => StepOf(LongestIgnored(lo), ShortestKept(hi));

        /// <summary>The position in [<paramref name="lo"/>, <paramref name="hi"/>] whose length is nearest the geometric middle
        /// of the noise (or the floor) and the signal: the threshold a reading uses.</summary>
        public int Middle(int lo, int hi)
        {
            if (hi >= _lengths.Length)
            {
                return hi;
            }

            double target = Math.Sqrt(Math.Max(LongestIgnored(lo), NoiseFloorMicros) * (double)_lengths[hi]);
            int best = lo;
            for (int j = lo; j <= hi; j++)
            {
                if (Math.Abs(Math.Log(Math.Max(_lengths[j], 1) / target)) < Math.Abs(Math.Log(Math.Max(_lengths[best], 1) / target)))
                {
                    best = j;
                }
            }

            return best;
        }
    }
}
