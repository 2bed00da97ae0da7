using System;
using System.Collections.Generic;
using System.Globalization;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Why no setting can count a capture's presses: the presses (or releases) the user made are no longer than the
    /// switch's own re-openings, so a debouncer, which sees only lengths, cannot keep the one and drop the other. Names
    /// the stretches that cannot be told apart and the presses around them.
    /// </summary>
    /// <remarks>
    /// Built against the clear reading (<see cref="ReadingSearch.ClearStep"/>) whose press count is nearest the given one.
    /// When it has fewer presses, the missing ones hide among its excursions: each re-opening inside a press may be the
    /// user's release (the press is then two presses), each re-closing inside a release may be a short press. When it has
    /// more, some of its presses are the switch's: its shortest presses and releases are listed.
    /// </remarks>
    public sealed class SeparationProblem
    {
        private readonly List<Candidate> _candidates = new List<Candidate>();

        /// <summary>Explains why <paramref name="presses"/> presses (0: inferred) cannot be counted on <paramref name="capture"/>;
        /// <paramref name="best"/> is the best reading with that many presses (null when none), <paramref name="clear"/> the
        /// nearest clear reading (null when none).</summary>
        public SeparationProblem(ButtonCapture capture, int presses, PressReading best, PressReading clear)
        {
            GivenPresses = presses;
            Best = best;
            Clear = clear;
            string wanted = presses > 0 ? presses.ToString(CultureInfo.InvariantCulture) + " presses" : "the presses";
            Advice = "Capture again with firm, deliberate presses, or check --signal and --active-low.";
            if (clear == null)
            {
                Headline = "no setting counts " + wanted + " reliably: the capture has no clear step between the switch's noise and the presses " +
                    "(no length step of " + ReadingSearch.ClearStep.ToString("0.0", CultureInfo.InvariantCulture) + "x on both levels); the longest stretches are alike.";
            }
            else if (presses == 0 || clear.Presses < presses)
            {
                int missing = presses - clear.Presses;
                foreach (Excursion e in clear.Excursions)
                {
                    if (IsCandidate(e))
                    {
                        _candidates.Add(FromExcursion(capture, clear, e));
                    }
                }

                if (_candidates.Count == 0)
                {
                    Headline = "no setting counts " + wanted + " reliably: only " + clear.Presses + " presses stand out clearly, and nothing between the switch's bounce and those presses " +
                        "could be " + (missing == 1 ? "another one" : "the other " + missing) + ". Check --presses (did you press " + clear.Presses + " times?) and --signal.";
                    Advice = "If you pressed " + clear.Presses + " times, run again with --presses " + clear.Presses + ".";
                }
                else
                {
                    Headline = "no setting counts " + wanted + " reliably: only " + clear.Presses + " stand out clearly, so " +
                        (missing == 1 ? "one of your releases (or presses) is" : missing + " of your releases (or presses) are") +
                        " no longer than the switch's own re-openings (" + Longest(clear, true) + " open inside a press, " + Longest(clear, false) +
                        " closed inside a release). A debouncer sees only lengths: it cannot keep " + (missing == 1 ? "that one" : "those") +
                        " and drop the others. Candidates (one or more is yours):";
                    Advice = "What helps: a better switch, a hardware RC filter, or pressing and releasing more slowly than the switch re-opens; then capture again.";
                }
            }
            else
            {
                var measured = new SwitchMeasurement(clear);
                foreach (PressFacts f in measured.Presses)
                {
                    _candidates.Add(new Candidate("press", f.Start, f.Duration, new[] { f.Start },
                        "press " + (f.Index + 1) + " lasts " + Format.Ms(f.Duration)));
                    if (f.GapAfter >= 0)
                    {
                        _candidates.Add(new Candidate("release", f.ReleaseStart, f.GapAfter, new[] { f.Start, f.Start + f.Duration + f.GapAfter },
                            "release after press " + (f.Index + 1) + " lasts " + Format.Ms(f.GapAfter)));
                    }
                }

                _candidates.Sort((a, b) => a.Length.CompareTo(b.Length));
                if (_candidates.Count > 2 * (clear.Presses - presses) + 4)
                {
                    _candidates.RemoveRange(2 * (clear.Presses - presses) + 4, _candidates.Count - 2 * (clear.Presses - presses) - 4);
                }

                Headline = "no setting counts " + wanted + " reliably: " + clear.Presses + " presses stand out clearly, so " + (clear.Presses - presses) +
                    " of them would have to be the switch's, and they are as long as your presses. Shortest presses and releases:";
                Advice = "If you pressed " + clear.Presses + " times, run again with --presses " + clear.Presses + ".";
            }

            if (best != null)
            {
                bool pressSide = best.PressStep <= best.ReleaseStep;
                long kept = pressSide ? best.PressSignal : best.ReleaseSignal;
                long ignored = pressSide ? best.PressNoise : best.ReleaseNoise;
                string level = pressSide ? "pressed" : "released";
                Detail = "Counting " + best.Presses + " means reading a " + Format.Ms(kept) + " " + level + " stretch (at " + Format.Seconds(Where(capture, pressSide, kept)) +
                    ") as yours and a " + Format.Ms(Math.Max(ignored, 0)) + " one" + (ignored >= 0 ? " (at " + Format.Seconds(Where(capture, pressSide, ignored)) + ")" : "") +
                    " as the switch's: " + best.Step.ToString("0.00", CultureInfo.InvariantCulture) + "x apart, less than the " +
                    ReadingSearch.ClearStep.ToString("0.0", CultureInfo.InvariantCulture) + "x a window needs to keep a margin on both sides.";
            }
            else if (presses > 0)
            {
                Detail = "No pair of windows gives exactly " + presses + " presses on this capture (some stretches tie in length).";
            }
        }

        /// <summary>Presses given with --presses (0 when inferred).</summary>
        public int GivenPresses { get; }

        /// <summary>The best reading with the given number of presses (null when none).</summary>
        public PressReading Best { get; }

        /// <summary>The clear reading nearest the given number (null when the capture has none).</summary>
        public PressReading Clear { get; }

        /// <summary>One-paragraph answer.</summary>
        public string Headline { get; }

        /// <summary>What the user can do, one sentence.</summary>
        public string Advice { get; }

        /// <summary>What counting the given number would take, or null.</summary>
        public string Detail { get; }

        /// <summary>The stretches that cannot be told apart, in the order listed.</summary>
        public IReadOnlyList<Candidate> Candidates => _candidates;

        /// <summary>True when <paramref name="e"/> could be a press or release the user made: its contrary stretch lasts at
        /// least <see cref="StretchLadder.NoiseFloorMicros"/> (a sub-millisecond pulse is bounce or a glitch).</summary>
        public static bool IsCandidate(Excursion e) => e.LongestStretch >= StretchLadder.NoiseFloorMicros;

        private static Candidate FromExcursion(ButtonCapture c, PressReading clear, Excursion e)
        {
            long at = e.LongestStretchEdge >= 0 ? c.Time(e.LongestStretchEdge) : e.Start;
            long after = e.LongestStretchEdge >= 0 ? c.Time(e.LongestStretchEdge + 1) : e.Start + e.Span;
            if (e.InsidePress)
            {
                long start = c.Time(clear.PressFirst(e.Index));
                long end = c.Time(clear.ReleaseFirst(e.Index));
                return new Candidate("released inside press", at, e.LongestStretch, new[] { start, after },
                    "open " + Format.Ms(e.LongestStretch) + " inside press " + (e.Index + 1) + " (" + Format.Seconds(start) + " to " + Format.Seconds(end) +
                    "): two presses at " + Format.Seconds(start) + " and " + Format.Seconds(after) + ", or one press that re-opened");
            }

            string where = e.Index == 0 ? "before press 1" : e.Index >= clear.Presses ? "after press " + clear.Presses : "between press " + e.Index + " and " + (e.Index + 1);
            return new Candidate("pressed inside release", at, e.LongestStretch, new[] { at },
                "closed " + Format.Ms(e.LongestStretch) + " " + where + ": a press at " + Format.Seconds(at) + ", or the contact touching again");
        }

        private static string Longest(PressReading r, bool insidePress)
        {
            long best = -1;
            foreach (Excursion e in r.Excursions)
            {
                if (e.InsidePress == insidePress)
                {
                    best = Math.Max(best, e.LongestStretch);
                }
            }

            return best < 0 ? "none" : "up to " + Format.Ms(best);
        }

        private static long Where(ButtonCapture c, bool pressed, long length)
        {
            for (int i = 0; i < c.Count - 1; i++)
            {
                if (c.Pressed(i) == pressed && c.Stretch(i) == length)
                {
                    return c.Time(i);
                }
            }

            return 0;
        }
    }

    /// <summary>A stretch that cannot be told apart from the switch's noise, and the presses it concerns.</summary>
    public sealed class Candidate
    {
        /// <summary>Creates a candidate.</summary>
        public Candidate(string kind, long time, long length, long[] presses, string text)
        {
            Kind = kind;
            Time = time;
            Length = length;
            PressTimes = presses;
            Text = text;
        }

        /// <summary>"released inside press", "pressed inside release", "press" or "release".</summary>
        public string Kind { get; }

        /// <summary>Where it starts, µs.</summary>
        public long Time { get; }

        /// <summary>How long, µs.</summary>
        public long Length { get; }

        /// <summary>Start times of the presses it would make or separate, µs.</summary>
        public long[] PressTimes { get; }

        /// <summary>One line in words.</summary>
        public string Text { get; }
    }
}
