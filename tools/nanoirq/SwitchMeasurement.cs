using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// What a <see cref="PressReading"/> says about the switch and the user, measured from the raw edges: every press and
    /// release burst's bounce, the re-openings inside presses and re-closings inside releases, the shortest press and
    /// release. All times µs from the recording's zero.
    /// </summary>
    public sealed class SwitchMeasurement
    {
        private readonly List<PressFacts> _presses = new List<PressFacts>();

        /// <summary>Measures the presses of <paramref name="reading"/>.</summary>
        public SwitchMeasurement(PressReading reading)
        {
            Reading = reading;
            ButtonCapture c = reading.Capture;
            int n = reading.Presses;
            LongestReopening = new Stretch(-1, -1, -1);
            LongestReclosing = new Stretch(-1, -1, -1);
            ShortestPress = new Stretch(-1, long.MaxValue, -1);
            ShortestRelease = new Stretch(-1, long.MaxValue, -1);
            for (int k = 0; k < n; k++)
            {
                var f = new PressFacts
                {
                    Index = k,
                    Start = c.Time(reading.PressFirst(k)),
                    PressBounce = c.Time(reading.PressLast(k)) - c.Time(reading.PressFirst(k)),
                    ReleaseStart = c.Time(reading.ReleaseFirst(k)),
                    ReleaseBounce = c.Time(reading.ReleaseLast(k)) - c.Time(reading.ReleaseFirst(k)),
                    GapAfter = k + 1 < n ? c.Time(reading.PressFirst(k + 1)) - c.Time(reading.ReleaseFirst(k)) : -1,
                };
                f.Duration = f.ReleaseStart - f.Start;
                f.LongestOpen = Longest(c, reading.PressFirst(k), reading.ReleaseFirst(k), false, k);
                int releaseEnd = k + 1 < n ? reading.PressFirst(k + 1) : c.Count - 1;
                f.LongestClosedAfter = Longest(c, reading.ReleaseFirst(k), releaseEnd, true, k);
                _presses.Add(f);
                if (f.LongestOpen.Length > LongestReopening.Length)
                {
                    LongestReopening = f.LongestOpen;
                }

                if (f.LongestClosedAfter.Length > LongestReclosing.Length)
                {
                    LongestReclosing = f.LongestClosedAfter;
                }

                if (f.Duration < ShortestPress.Length)
                {
                    ShortestPress = new Stretch(k, f.Duration, reading.PressFirst(k));
                }

                if (f.GapAfter >= 0 && f.GapAfter < ShortestRelease.Length)
                {
                    ShortestRelease = new Stretch(k, f.GapAfter, reading.ReleaseFirst(k));
                }
            }

            // Anything pressed before the first press (a glitch on the idle line) is inside the leading release.
            if (n > 0)
            {
                Stretch before = Longest(c, 0, reading.PressFirst(0), true, -1);
                if (before.Length > LongestReclosing.Length)
                {
                    LongestReclosing = before;
                }
            }

            foreach (Excursion e in reading.Excursions)
            {
                if (e.InsidePress)
                {
                    Reopenings++;
                    _presses[e.Index].Excursions++;
                }
                else
                {
                    Reclosings++;
                }
            }
        }

        /// <summary>The reading measured.</summary>
        public PressReading Reading { get; }

        /// <summary>One entry per press, in time order.</summary>
        public IReadOnlyList<PressFacts> Presses => _presses;

        /// <summary>Longest stretch of open contact inside a press (bounce gaps included), with the press index.</summary>
        public Stretch LongestReopening { get; }

        /// <summary>Longest stretch of closed contact inside a release (bounce included), with the index of the press before it (-1: before the first press).</summary>
        public Stretch LongestReclosing { get; }

        /// <summary>Shortest press, first press edge to first release edge.</summary>
        public Stretch ShortestPress { get; }

        /// <summary>Shortest release between two presses, first release edge to the next first press edge (Length long.MaxValue with one press).</summary>
        public Stretch ShortestRelease { get; }

        /// <summary>Re-openings (excursions inside presses).</summary>
        public int Reopenings { get; }

        /// <summary>Re-closings (excursions inside releases, glitches on the idle line included).</summary>
        public int Reclosings { get; }

        /// <summary>Longest press bounce, µs.</summary>
        public long LongestPressBounce => Max(f => f.PressBounce);

        /// <summary>Longest release bounce, µs.</summary>
        public long LongestReleaseBounce => Max(f => f.ReleaseBounce);

        /// <summary>Median press bounce, µs.</summary>
        public long MedianPressBounce => Median(f => f.PressBounce);

        /// <summary>Median release bounce, µs.</summary>
        public long MedianReleaseBounce => Median(f => f.ReleaseBounce);

        /// <summary>Press with the longest press bounce.</summary>
        public int WorstPressBurst => ArgMax(f => f.PressBounce);

        /// <summary>Press with the longest release bounce.</summary>
        public int WorstReleaseBurst => ArgMax(f => f.ReleaseBounce);

        private long Max(Func<PressFacts, long> value)
        {
            long m = 0;
            foreach (PressFacts f in _presses)
            {
                m = Math.Max(m, value(f));
            }

            return m;
        }

        private int ArgMax(Func<PressFacts, long> value)
        {
            int best = 0;
            for (int k = 1; k < _presses.Count; k++)
            {
                if (value(_presses[k]) > value(_presses[best]))
                {
                    best = k;
                }
            }

            return best;
        }

        private long Median(Func<PressFacts, long> value)
        {
            if (_presses.Count == 0)
            {
                return 0;
            }

            var all = new List<long>();
            foreach (PressFacts f in _presses)
            {
                all.Add(value(f));
            }

            all.Sort();
            return all[all.Count / 2];
        }

        // Longest stretch at the pressed (or released) level among the stretches starting at edges [from, to).
        private static Stretch Longest(ButtonCapture c, int from, int to, bool pressed, int press)
        {
            var best = new Stretch(press, -1, -1);
            for (int i = from; i < to && i < c.Count - 1; i++)
            {
                if (c.Pressed(i) == pressed && c.Stretch(i) > best.Length)
                {
                    best = new Stretch(press, c.Stretch(i), i);
                }
            }

            return best;
        }
    }

    /// <summary>One press as measured: times µs.</summary>
    public sealed class PressFacts
    {
        /// <summary>0-based press index.</summary>
        public int Index;

        /// <summary>First press edge.</summary>
        public long Start;

        /// <summary>Press bounce: first to last edge of the press burst.</summary>
        public long PressBounce;

        /// <summary>First release edge.</summary>
        public long ReleaseStart;

        /// <summary>Release bounce: first to last edge of the release burst.</summary>
        public long ReleaseBounce;

        /// <summary>First press edge to first release edge.</summary>
        public long Duration;

        /// <summary>First release edge to the next press's first edge; -1 after the last press.</summary>
        public long GapAfter;

        /// <summary>Longest open-contact stretch inside the press (bounce gaps and re-openings).</summary>
        public Stretch LongestOpen;

        /// <summary>Longest closed-contact stretch inside the release that follows (release bounce and re-closings).</summary>
        public Stretch LongestClosedAfter;

        /// <summary>Re-openings inside the press.</summary>
        public int Excursions;
    }

    /// <summary>A length with where it is: <see cref="Edge"/> starts it (-1 when there is none), <see cref="Press"/> is a press index where that applies.</summary>
    public readonly struct Stretch
    {
        /// <summary>Creates a stretch.</summary>
        public Stretch(int press, long length, int edge)
        {
            Press = press;
            Length = length;
            Edge = edge;
        }

        /// <summary>Press index, or -1.</summary>
        public int Press { get; }

        /// <summary>Length, µs (-1 when there is none).</summary>
        public long Length { get; }

        /// <summary>Edge that starts it, or -1.</summary>
        public int Edge { get; }
    }
}
