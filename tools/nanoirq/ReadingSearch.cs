using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Finds the <see cref="PressReading"/> of a capture: the one with a given number of presses that separates most
    /// clearly, the clearest one of all (when the number is not given), or the clear one nearest a number.
    /// </summary>
    /// <remarks>
    /// <para>The presses a pair of thresholds gives never increase as either threshold rises. Holding the release
    /// threshold, the press thresholds that give the same presses form a range, from just above the longest pressed
    /// stretch that would add a press to the shortest one that would lose one; its <i>step</i> is the ratio of those two
    /// (see <see cref="StretchLadder.StepOf"/>); likewise for the release threshold. A reading's step is the smaller of
    /// the two, each threshold taken at the geometric middle of its range.</para>
    /// <para>A reading is <i>clear</i> when its step is at least <see cref="ClearStep"/>. Below that no window keeps a margin
    /// on both sides (a window 1.22 times the noise is then 1.22 times shorter than the presses): a setting that counts
    /// such a capture exactly does so by luck, and the next press will differ. A debouncer sees only lengths, so a press,
    /// release or gap no longer than the switch's own re-openings cannot be counted by any setting.</para>
    /// </remarks>
    public static class ReadingSearch
    {
        /// <summary>
        /// Shortest press and release an inferred reading may assume the user made on purpose: 20,000 µs (20 ms). Without it
        /// the clearest step is often the one between bounce and the switch's re-openings, which would count every
        /// re-opening as a press. Readings that need shorter ones are taken only when no other exists.
        /// </summary>
        public const long MinIntendedMicros = 20000;

        /// <summary>Smallest step of a clear reading: 1.5.</summary>
        public const double ClearStep = 1.5;

        /// <summary>The reading with exactly <paramref name="presses"/> presses whose step is largest; null when no
        /// threshold pair gives that many (a tie in lengths, or more presses than press edges).</summary>
        public static PressReading ForPresses(ButtonCapture capture, int presses)
        {
            var t = new CountTable(capture);
            Pick best = null;
            for (int jr = 0; jr <= t.Release.Count; jr++)
            {
                int[] a = t.PressCounts(jr);
                if (Range(a, 0, t.Press.Count - 1, presses, out int lo, out int hi))
                {
                    best = Better(best, t.Evaluate(jr, lo, hi, presses));
                }
            }

            return best?.Reading(t);
        }

        /// <summary>
        /// The clearest reading of all (largest step; ties: more presses) whose shortest press and release last at least
        /// <see cref="MinIntendedMicros"/>, keeping at least one released stretch: how calibrate reads the presses when
        /// their number is not given.
        /// </summary>
        public static PressReading Inferred(ButtonCapture capture)
        {
            var t = new CountTable(capture);
            Pick best = null;
            Pick bestHuman = null;
            for (int jr = 0; jr < Math.Max(t.Release.Count, 1); jr++)
            {
                int[] a = t.PressCounts(jr);
                for (int lo = 0; lo < t.Press.Count;)
                {
                    int hi = lo;
                    while (hi + 1 < t.Press.Count && a[hi + 1] == a[lo])
                    {
                        hi++;
                    }

                    double step = t.Press.Step(lo, hi);
                    if (a[lo] > 0 && (best == null || step >= best.Step || bestHuman == null || step >= bestHuman.Step))
                    {
                        Pick p = t.Evaluate(jr, lo, hi, a[lo]);
                        best = Better(best, p);
                        if (p != null && t.Press.ShortestKept(p.PressHi) >= MinIntendedMicros && t.Release.ShortestKept(p.ReleaseHi) >= MinIntendedMicros)
                        {
                            bestHuman = Better(bestHuman, p);
                        }
                    }

                    lo = hi + 1;
                }
            }

            return (bestHuman ?? best)?.Reading(t);
        }

        /// <summary>Among the clear readings, the one whose press count is nearest <paramref name="presses"/> (ties: the
        /// larger step); null when the capture has no clear reading.</summary>
        public static PressReading NearestClear(ButtonCapture capture, int presses)
        {
            var t = new CountTable(capture);
            Pick best = null;
            for (int jr = 0; jr <= t.Release.Count; jr++)
            {
                int[] a = t.PressCounts(jr);
                for (int lo = 0; lo < t.Press.Count;)
                {
                    int hi = lo;
                    while (hi + 1 < t.Press.Count && a[hi + 1] == a[lo])
                    {
                        hi++;
                    }

                    if (a[lo] > 0 && t.Press.Step(lo, hi) >= ClearStep)
                    {
                        Pick p = t.Evaluate(jr, lo, hi, a[lo]);
                        if (p.Step >= ClearStep && (best == null || Math.Abs(p.Count - presses) < Math.Abs(best.Count - presses) ||
                            (Math.Abs(p.Count - presses) == Math.Abs(best.Count - presses) && p.Step > best.Step)))
                        {
                            best = p;
                        }
                    }

                    lo = hi + 1;
                }
            }

            return best?.Reading(t);
        }

        private static Pick Better(Pick best, Pick p)
        {
            if (p == null)
            {
                return best;
            }

            return best == null || p.Step > best.Step || (p.Step == best.Step && p.Count > best.Count) ? p : best;
        }

        // The range [lo, hi] within [from, to] of a non-increasing array equal to n.
        private static bool Range(int[] a, int from, int to, int n, out int lo, out int hi)
        {
            lo = from;
            while (lo <= to && a[lo] > n)
            {
                lo++;
            }

            hi = lo;
            if (lo > to || a[lo] != n)
            {
                return false;
            }

            while (hi + 1 <= to && a[hi + 1] == n)
            {
                hi++;
            }

            return true;
        }

        private sealed class Pick
        {
            public int PressPosition;
            public int ReleasePosition;
            public int PressLo;
            public int PressHi;
            public int ReleaseLo;
            public int ReleaseHi;
            public int Count;
            public double Step;

            public PressReading Reading(CountTable t) => new PressReading(t.Capture, t.Press, t.Release, t.Rank, PressPosition, ReleasePosition,
                t.Press.LongestIgnored(PressLo), t.Press.ShortestKept(PressHi), t.Release.LongestIgnored(ReleaseLo), t.Release.ShortestKept(ReleaseHi));
        }

        /// <summary>Press counts of every threshold position, one level at a time (linear in the edges).</summary>
        private sealed class CountTable
        {
            public CountTable(ButtonCapture capture)
            {
                Capture = capture;
                Rank = new int[Math.Max(capture.Count - 1, 0)];
                Press = new StretchLadder(capture, true, Rank);
                Release = new StretchLadder(capture, false, Rank);
            }

            public ButtonCapture Capture { get; }

            public int[] Rank { get; }

            public StretchLadder Press { get; }

            public StretchLadder Release { get; }

            // Presses for every press position 0..Press.Count at release position jr: the kept released stretches cut the
            // line into segments, and a segment is a press when its longest pressed stretch is kept.
            public int[] PressCounts(int jr)
            {
                var counts = new int[Press.Count + 2];
                int best = -1;
                for (int i = 0; i < Capture.Count - 1; i++)
                {
                    if (Capture.Pressed(i))
                    {
                        best = Math.Max(best, Rank[i]);
                    }
                    else if (Rank[i] >= jr)
                    {
                        Close(counts, ref best);
                    }
                }

                Close(counts, ref best);
                for (int j = Press.Count - 1; j >= 0; j--)
                {
                    counts[j] += counts[j + 1];
                }

                return counts;
            }

            // Presses for every release position 0..Release.Count at press position jp: one press per run of kept pressed
            // stretches, a new run wherever a kept released stretch lies between two of them.
            public int[] ReleaseCounts(int jp)
            {
                var counts = new int[Release.Count + 2];
                bool any = false;
                int between = -1;
                for (int i = 0; i < Capture.Count - 1; i++)
                {
                    if (!Capture.Pressed(i))
                    {
                        between = Math.Max(between, Rank[i]);
                    }
                    else if (Rank[i] >= jp)
                    {
                        if (any)
                        {
                            counts[between]++;
                        }

                        any = true;
                        between = -1;
                    }
                }

                for (int j = Release.Count - 1; j >= 0; j--)
                {
                    counts[j] += counts[j + 1];
                }

                for (int j = 0; j <= Release.Count; j++)
                {
                    counts[j] += any ? 1 : 0;
                }

                return counts;
            }

            // The reading at release position jr with the press range [lo, hi]: press threshold in its middle, then the
            // release range that gives the same count at that press threshold.
            public Pick Evaluate(int jr, int lo, int hi, int count)
            {
                int jp = Press.Middle(lo, hi);
                int[] b = ReleaseCounts(jp);
                if (!Range(b, 0, Release.Count, count, out int rlo, out int rhi))
                {
                    return null;
                }

                // Settle the release threshold in the middle of its range, then take the press range there (it holds jp).
                int jr2 = Math.Min(Release.Middle(rlo, rhi), Release.Count);
                if (jr2 != jr && Range(PressCounts(jr2), 0, Press.Count - 1, count, out int lo2, out int hi2))
                {
                    lo = lo2;
                    hi = hi2;
                }

                return new Pick
                {
                    PressPosition = jp,
                    ReleasePosition = jr2,
                    PressLo = lo,
                    PressHi = hi,
                    ReleaseLo = rlo,
                    ReleaseHi = rhi,
                    Count = count,
                    Step = Math.Min(Press.Step(lo, hi), Release.Step(rlo, rhi)),
                };
            }

            private static void Close(int[] counts, ref int best)
            {
                if (best >= 0)
                {
                    counts[best]++;
                }

                best = -1;
            }
        }
    }
}
