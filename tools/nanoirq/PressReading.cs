using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// One reading of a <see cref="ButtonCapture"/>: pressed stretches from the length at <see cref="PressPosition"/> up
    /// and released stretches from the length at <see cref="ReleasePosition"/> up are the user's (<i>kept</i>); every
    /// shorter stretch is the switch's own (bounce, re-openings, re-closings, glitches). The kept stretches give the presses.
    /// </summary>
    /// <remarks>
    /// <para>Edges between two kept stretches form a <i>burst</i>. Between a kept released and a kept pressed stretch it
    /// is press <c>k</c>'s press burst (the press starts at its first edge, its bounce lasts to its last edge); the other
    /// way round a release burst. Between two kept stretches of the same level it is an <see cref="Excursion"/>: a
    /// re-opening inside a press or a re-closing inside a release. Press <c>k</c> spans from its first press edge to its
    /// first release edge; release <c>k</c> from there to the next press's first edge (the last one to the end).</para>
    /// <para>This is the reading a quiet-time debouncer with windows just above the longest ignored stretch of each level
    /// makes; calibration uses it as the presses the user meant and judges every setting against it.</para>
    /// </remarks>
    public sealed class PressReading
    {
        private readonly int[] _rank;
        private readonly List<int> _pressFirst = new List<int>();
        private readonly List<int> _pressLast = new List<int>();
        private readonly List<int> _releaseFirst = new List<int>();
        private readonly List<int> _releaseLast = new List<int>();
        private readonly List<Excursion> _excursions = new List<Excursion>();

        internal PressReading(ButtonCapture capture, StretchLadder pressLadder, StretchLadder releaseLadder, int[] rank, int pressPosition, int releasePosition,
            long pressNoise, long pressSignal, long releaseNoise, long releaseSignal)
        {
            Capture = capture;
            PressLadder = pressLadder;
            ReleaseLadder = releaseLadder;
            _rank = rank;
            PressPosition = pressPosition;
            ReleasePosition = releasePosition;
            PressNoise = pressNoise;
            PressSignal = pressSignal;
            ReleaseNoise = releaseNoise;
            ReleaseSignal = releaseSignal;
            Build();
        }

        /// <summary>The capture read.</summary>
        public ButtonCapture Capture { get; }

        /// <summary>Lengths of the pressed stretches.</summary>
        public StretchLadder PressLadder { get; }

        /// <summary>Lengths of the released stretches.</summary>
        public StretchLadder ReleaseLadder { get; }

        /// <summary>Threshold position on <see cref="PressLadder"/>.</summary>
        public int PressPosition { get; }

        /// <summary>Threshold position on <see cref="ReleaseLadder"/>.</summary>
        public int ReleasePosition { get; }

        /// <summary>
        /// Longest pressed stretch whose keeping would add a press (a closed contact between two of the user's releases),
        /// µs; -1 when keeping every pressed stretch gives the same presses. A press window must be longer.
        /// </summary>
        public long PressNoise { get; }

        /// <summary>Shortest pressed stretch whose dropping would lose a press (the shortest press's longest steady
        /// stretch), µs. A press window must not be longer.</summary>
        public long PressSignal { get; }

        /// <summary>Longest released stretch whose keeping would split a press (an open contact inside a press), µs; -1
        /// when none. A release window must be longer.</summary>
        public long ReleaseNoise { get; }

        /// <summary>Shortest released stretch whose dropping would merge two presses, µs (<see cref="long.MaxValue"/>
        /// with one press). A release window must not be longer.</summary>
        public long ReleaseSignal { get; }

        /// <summary><see cref="PressSignal"/> over <see cref="PressNoise"/> (or over <see cref="StretchLadder.NoiseFloorMicros"/>
        /// when that is longer): how clearly the presses stand out.</summary>
        public double PressStep => StretchLadder.StepOf(PressNoise, PressSignal);

        /// <summary><see cref="ReleaseSignal"/> over <see cref="ReleaseNoise"/> (or the floor): how clearly the releases stand out.</summary>
        public double ReleaseStep => StretchLadder.StepOf(ReleaseNoise, ReleaseSignal);

        /// <summary>The smaller of the two steps: the reading is clear when it is at least <see cref="ReadingSearch.ClearStep"/>.</summary>
        public double Step => Math.Min(PressStep, ReleaseStep);

        /// <summary>Number of presses in this reading.</summary>
        public int Presses => _pressFirst.Count;

        /// <summary>First edge of press <paramref name="k"/>'s press burst (the press starts here).</summary>
        public int PressFirst(int k) => _pressFirst[k];

        /// <summary>Last edge of press <paramref name="k"/>'s press burst (the contact settled).</summary>
        public int PressLast(int k) => _pressLast[k];

        /// <summary>First edge of press <paramref name="k"/>'s release burst (the release starts here).</summary>
        public int ReleaseFirst(int k) => _releaseFirst[k];

        /// <summary>Last edge of press <paramref name="k"/>'s release burst.</summary>
        public int ReleaseLast(int k) => _releaseLast[k];

        /// <summary>Re-openings and re-closings, in time order.</summary>
        public IReadOnlyList<Excursion> Excursions => _excursions;

        /// <summary>True when stretch <paramref name="i"/> is kept as the user's.</summary>
        public bool IsKept(int i) => _rank[i] >= (Capture.Pressed(i) ? PressPosition : ReleasePosition);

        private void Build()
        {
            ButtonCapture c = Capture;
            bool level = false; // the leading stretch: released, kept
            int after = 0; // first edge after the last kept stretch
            int stretches = c.Count - 1;
            for (int i = 0; i <= stretches; i++)
            {
                // i == stretches is the trailing stretch: released, kept.
                bool p = i < stretches ? c.Pressed(i) : false;
                if (i < stretches && !IsKept(i))
                {
                    continue;
                }

                if (p != level)
                {
                    (p ? _pressFirst : _releaseFirst).Add(after);
                    (p ? _pressLast : _releaseLast).Add(i);
                }
                else if (after < i)
                {
                    _excursions.Add(new Excursion(c, level, level ? _pressFirst.Count - 1 : _pressFirst.Count, after, i));
                }

                level = p;
                after = i + 1;
            }
        }
    }

    /// <summary>
    /// Edges between two kept stretches of the same level: inside a press the contact re-opens for a while, inside a
    /// release it touches again (a re-closing), or a glitch.
    /// </summary>
    public sealed class Excursion
    {
        internal Excursion(ButtonCapture c, bool insidePress, int index, int firstEdge, int lastEdge)
        {
            InsidePress = insidePress;
            Index = index;
            FirstEdge = firstEdge;
            LastEdge = lastEdge;
            LongestStretchEdge = -1;
            for (int i = firstEdge; i < lastEdge; i++)
            {
                if (c.Pressed(i) != insidePress && c.Stretch(i) > LongestStretch)
                {
                    LongestStretch = c.Stretch(i);
                    LongestStretchEdge = i;
                }
            }

            Start = c.Time(firstEdge);
            Span = c.Time(lastEdge) - Start;
        }

        /// <summary>True for a re-opening inside a press, false for a re-closing inside a release.</summary>
        public bool InsidePress { get; }

        /// <summary>Inside a press: the press index (0-based). Inside a release: the number of presses before it.</summary>
        public int Index { get; }

        /// <summary>Its first edge.</summary>
        public int FirstEdge { get; }

        /// <summary>Its last edge.</summary>
        public int LastEdge { get; }

        /// <summary>Time of its first edge, µs.</summary>
        public long Start { get; }

        /// <summary>First to last edge, µs.</summary>
        public long Span { get; }

        /// <summary>Longest stretch at the other level inside it (contact open in a press, closed in a release), µs.</summary>
        public long LongestStretch { get; }

        /// <summary>Edge starting <see cref="LongestStretch"/>.</summary>
        public int LongestStretchEdge { get; }
    }
}
