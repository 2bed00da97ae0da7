using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Tries the debounce settings the library offers on a capture and keeps those that count the reading's presses
    /// exactly, each with its margin and cost; ranks them by press latency and picks the recommended one.
    /// </summary>
    /// <remarks>
    /// <para><b>Tried.</b> Windows from a ladder of 0.5 ms to 500 ms plus a few fitted to the capture (for each level just
    /// above its noise, the longer of the reading's noise and the longest contrary stretch inside a press or release, 1.5
    /// times that, and the geometric middle up to the reading's signal): quiet-time
    /// with every press/release window pair, lockout and sample-after-delay with every window, and a glitch filter of
    /// 100 µs to 5 ms in front of lockout, sample-after-delay and single-window quiet-time.</para>
    /// <para><b>Margin</b> (how much worse the switch may get): every ignored stretch (bounce, re-openings, re-closings) is
    /// made longer by a factor (1.1 to 3 in steps of 0.1, then 3.25 to 5 by 0.25, then 5.5 to 10 by 0.5), up to <see cref="MaxMargin"/>, and the longest
    /// closed-contact stretch inside a release and open-contact stretch inside a press, that much longer, are also played
    /// alone (closed contact on the idle line, open contact in the middle of a hold); the margin is the largest factor at which all of these still count exactly. <b>Cost</b>: the worst press latency on the capture, and the shortest click (first press edge to
    /// first release edge) and shortest gap (first release edge to next first press edge) the setting still counts as
    /// one press and as two, built from the capture's worst press and release bursts (halving search to 10 µs).
    /// <b>Spike-proof</b>: a 50 µs pulse on the idle line and one during a hold change nothing.</para>
    /// <para><b>Recommended</b>: the lowest worst-case press latency among the spike-proof settings with a margin of at
    /// least <see cref="RobustMargin"/>; ties go to the larger of margin and slack (how much shorter the user's shortest
    /// press and release may get), then to quiet-time windows nearer the geometric middle of noise and signal, then to
    /// fewer stages. With no such setting, the exact one with the largest
    /// min(margin, slack), spike-proof first.</para>
    /// </remarks>
    public sealed class SettingSearch
    {
        /// <summary>Largest margin factor tried: 10.</summary>
        public const double MaxMargin = 10;

        /// <summary>Margin a recommended setting needs: the switch may bounce and re-open 1.5 times longer.</summary>
        public const double RobustMargin = 1.5;

        /// <summary>Width of the spike the spike-proof check sends: 50 µs (the bounce model's widest glitch).</summary>
        public const int SpikeMicros = 50;

        private const long ProbeLead = 1000000;
        private const long ProbeHold = 1000000;
        private const long ProbeMax = 2000000;

        private static readonly int[] LadderMicros =
        {
            500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000,
            60000, 80000, 100000, 120000, 150000, 200000, 250000, 300000, 400000, 500000,
        };

        private static readonly int[] GlitchMicros = { 100, 200, 500, 1000, 2000, 5000 };

        private readonly PressReading _reading;
        private readonly SwitchMeasurement _measurement;
        private readonly long[] _pressStarts;
        private readonly long[] _releaseStarts;
        private readonly List<SettingResult> _exact = new List<SettingResult>();

        /// <summary>Runs the search on <paramref name="measurement"/>'s reading (a clear one with at least one press).</summary>
        public SettingSearch(SwitchMeasurement measurement)
        {
            _measurement = measurement;
            _reading = measurement.Reading;
            SettingTrial.Starts(_reading, _reading.Capture, out _pressStarts, out _releaseStarts);
            List<DebounceSetting> candidates = Candidates();
            Tried = candidates.Count;
            foreach (DebounceSetting s in candidates)
            {
                TrialResult t = SettingTrial.Run(s, _reading.Capture, _pressStarts, _releaseStarts);
                if (t.Exact)
                {
                    _exact.Add(Cost(s, t));
                }
            }

            _exact.Sort(Compare);
            Recommended = Pick();
        }

        /// <summary>Settings tried.</summary>
        public int Tried { get; }

        /// <summary>The settings that count exactly, by worst press latency (ties: see the type remarks).</summary>
        public IReadOnlyList<SettingResult> Exact => _exact;

        /// <summary>The recommended setting, or null when none counts exactly.</summary>
        public SettingResult Recommended { get; }

        /// <summary>For each family (mode, glitch or not, quiet with one window or two), its first robust setting in the
        /// ranking, or its first one when none is robust; by latency.</summary>
        public List<SettingResult> BestPerFamily()
        {
            var best = new Dictionary<string, SettingResult>();
            var order = new List<string>();
            foreach (SettingResult r in _exact)
            {
                string family = Family(r.Setting);
                if (!best.TryGetValue(family, out SettingResult have))
                {
                    best[family] = r;
                    order.Add(family);
                }
                else if (!have.Robust && r.Robust)
                {
                    best[family] = r;
                }
            }

            var list = new List<SettingResult>();
            foreach (string f in order)
            {
                list.Add(best[f]);
            }

            list.Sort(Compare);
            return list;
        }

        /// <summary>"quiet", "quiet press/release", "lockout", "sample", each with "glitch + " in front when it has one.</summary>
        public static string Family(DebounceSetting s) =>
            (s.GlitchMicros > 0 ? "glitch + " : "") + s.Mode + (s.Mode == "quiet" && s.PressMicros != s.ReleaseMicros ? " press/release" : "");

        private List<DebounceSetting> Candidates()
        {
            var windows = new SortedSet<int>(LadderMicros);
            long bounce = Math.Max(_measurement.LongestPressBounce, _measurement.LongestReleaseBounce);
            Fit(windows, Math.Max(_reading.PressNoise, ClosedNoise), _reading.PressSignal);
            Fit(windows, Math.Max(_reading.ReleaseNoise, OpenNoise), _reading.ReleaseSignal);
            Add(windows, RoundUp((long)(1.5 * bounce) + 1, 500));
            var list = new List<DebounceSetting>();
            foreach (int p in windows)
            {
                foreach (int r in windows)
                {
                    list.Add(new DebounceSetting("quiet", p, r, 0));
                }
            }

            foreach (int w in windows)
            {
                list.Add(new DebounceSetting("lockout", w, w, 0));
                list.Add(new DebounceSetting("sample", w, w, 0));
            }

            foreach (int g in GlitchMicros)
            {
                foreach (int w in windows)
                {
                    list.Add(new DebounceSetting("lockout", w, w, g));
                    list.Add(new DebounceSetting("sample", w, w, g));
                    list.Add(new DebounceSetting("quiet", w, w, g));
                }
            }

            return list;
        }

        // The switch's longest closed-contact stretch inside a release and open-contact stretch inside a press (bounce
        // included), µs, at least 0.
        private long ClosedNoise => Math.Max(_measurement.LongestReclosing.Length, 0);

        private long OpenNoise => Math.Max(_measurement.LongestReopening.Length, 0);

        private static void Fit(SortedSet<int> windows, long ignored, long kept)
        {
            long lo = ignored + 1;
            Add(windows, RoundUp(lo, 100));
            Add(windows, RoundUp((long)(RobustMargin * ignored) + 1, 100));
            if (kept != long.MaxValue && kept > lo)
            {
                Add(windows, RoundUp((long)Math.Sqrt((double)lo * kept), 100));
            }
        }

        private static void Add(SortedSet<int> windows, long micros)
        {
            if (micros >= DebounceDefaults.MinWindowMicros && micros <= DebounceDefaults.MaxWindowMicros)
            {
                windows.Add((int)micros);
            }
        }

        private static long RoundUp(long micros, long step) => (micros + step - 1) / step * step;

        private SettingResult Cost(DebounceSetting s, TrialResult t)
        {
            var r = new SettingResult { Setting = s, Trial = t };
            r.Margin = Margin(s);
            r.ShortestClick = ShortestClick(s);
            r.ShortestGap = ShortestGap(s);
            r.SpikeProof = SpikeProof(s);
            double pressSlack = r.ShortestClick > 0 ? (double)_measurement.ShortestPress.Length / r.ShortestClick : 0;
            double gapSlack = _measurement.ShortestRelease.Length == long.MaxValue ? double.PositiveInfinity
                : r.ShortestGap > 0 ? (double)_measurement.ShortestRelease.Length / r.ShortestGap : 0;
            r.Slack = Math.Min(pressSlack, gapSlack);
            r.Robust = r.SpikeProof && r.Margin >= RobustMargin;
            if (s.Mode == "quiet")
            {
                r.OffCentre = OffCentre(s.PressMicros, Math.Max(_reading.PressNoise, ClosedNoise), _reading.PressSignal) +
                    OffCentre(s.ReleaseMicros, Math.Max(_reading.ReleaseNoise, OpenNoise), _reading.ReleaseSignal);
            }

            return r;
        }

        // How far (log ratio) a window is from the geometric middle of its noise and signal; 0 without a signal.
        private static double OffCentre(int window, long noise, long signal)
        {
            if (signal == long.MaxValue || signal <= 0)
            {
                return 0;
            }

            return Math.Abs(Math.Log(window / Math.Sqrt(Math.Max(noise, 1) * (double)signal)));
        }

        // Largest factor (steps of 1.1, at most MaxMargin) by which every ignored stretch may grow with the count still exact.
        private double Margin(DebounceSetting s)
        {
            ButtonCapture c = _reading.Capture;
            double passed = 1.0;
            for (double f = NextFactor(1.0); f <= MaxMargin + 1e-9; f = NextFactor(f))
            {
                long[] times = c.CopyTimes();
                for (int i = 0; i < c.Count - 1; i++)
                {
                    long length = c.Stretch(i);
                    times[i + 1] = times[i] + (_reading.IsKept(i) ? length : (long)Math.Round(length * f));
                }

                ButtonCapture worse = c.WithTimes(times);
                SettingTrial.Starts(_reading, worse, out long[] p, out long[] r);
                if (!SettingTrial.Run(s, worse, p, r).Exact || !Transplanted(s, f))
                {
                    return passed;
                }

                passed = f;
            }

            return MaxMargin;
        }

        // Factors tried for the margin: 1.1 to 3 by 0.1, to 5 by 0.25, to 10 by 0.5.
        private static double NextFactor(double f) => Math.Round(f < 2.95 ? f + 0.1 : f < 4.95 ? f + 0.25 : f + 0.5, 2);

        // The switch's longest ignored pressed stretch, f times longer, alone on the idle line; its longest ignored
        // released stretch, f times longer, alone in the middle of a hold: neither may change the count.
        private bool Transplanted(DebounceSetting s, double f)
        {
            bool activeLow = _reading.Capture.ActiveLow;
            long closed = (long)Math.Round(ClosedNoise * f);
            if (closed > 0)
            {
                var idle = new ProbeBuilder();
                idle.Edge(ProbeLead, true);
                idle.Edge(ProbeLead + closed, false);
                if (!idle.Exact(s, activeLow, new long[0], new long[0]))
                {
                    return false;
                }
            }

            long open = (long)Math.Round(OpenNoise * f);
            if (open > 0)
            {
                long hold = 2 * open + ProbeHold;
                var held = new ProbeBuilder();
                held.Edge(ProbeLead, true);
                held.Edge(ProbeLead + hold / 2, false);
                held.Edge(ProbeLead + hold / 2 + open, true);
                held.Edge(ProbeLead + hold + open, false);
                if (!held.Exact(s, activeLow, new[] { ProbeLead }, new[] { ProbeLead + hold + open }))
                {
                    return false;
                }
            }

            return true;
        }

        private long ShortestClick(DebounceSetting s)
        {
            Burst press = Pattern(_reading.PressFirst(_measurement.WorstPressBurst), _reading.PressLast(_measurement.WorstPressBurst));
            Burst release = Pattern(_reading.ReleaseFirst(_measurement.WorstReleaseBurst), _reading.ReleaseLast(_measurement.WorstReleaseBurst));
            long hold = Smallest(h =>
            {
                var b = new ProbeBuilder();
                long p0 = b.Add(press, ProbeLead);
                long r0 = b.Add(release, b.Last + h);
                return b.Exact(s, _reading.Capture.ActiveLow, new[] { p0 }, new[] { r0 });
            });
            return hold < 0 ? -1 : press.Span + hold;
        }

        private long ShortestGap(DebounceSetting s)
        {
            Burst press = Pattern(_reading.PressFirst(_measurement.WorstPressBurst), _reading.PressLast(_measurement.WorstPressBurst));
            Burst release = Pattern(_reading.ReleaseFirst(_measurement.WorstReleaseBurst), _reading.ReleaseLast(_measurement.WorstReleaseBurst));
            long gap = Smallest(g =>
            {
                var b = new ProbeBuilder();
                long p0 = b.Add(press, ProbeLead);
                long r0 = b.Add(release, b.Last + ProbeHold);
                long p1 = b.Add(press, b.Last + g);
                long r1 = b.Add(release, b.Last + ProbeHold);
                return b.Exact(s, _reading.Capture.ActiveLow, new[] { p0, p1 }, new[] { r0, r1 });
            });
            return gap < 0 ? -1 : release.Span + gap;
        }

        private bool SpikeProof(DebounceSetting s)
        {
            bool activeLow = _reading.Capture.ActiveLow;
            var idle = new ProbeBuilder();
            idle.Edge(ProbeLead, true);
            idle.Edge(ProbeLead + SpikeMicros, false);
            if (!idle.Exact(s, activeLow, new long[0], new long[0]))
            {
                return false;
            }

            var hold = new ProbeBuilder();
            hold.Edge(ProbeLead, true);
            hold.Edge(ProbeLead + ProbeHold / 2, false);
            hold.Edge(ProbeLead + ProbeHold / 2 + SpikeMicros, true);
            hold.Edge(ProbeLead + ProbeHold, false);
            return hold.Exact(s, activeLow, new[] { ProbeLead }, new[] { ProbeLead + ProbeHold });
        }

        // Smallest x in [1, ProbeMax] with ok(x), by halving to 10 µs (assumes ok stays true above it); -1 when ok(ProbeMax) fails.
        private static long Smallest(Func<long, bool> ok)
        {
            if (ok(1))
            {
                return 1;
            }

            if (!ok(ProbeMax))
            {
                return -1;
            }

            long lo = 1;
            long hi = ProbeMax;
            while (hi - lo > 10)
            {
                long mid = (lo + hi) / 2;
                if (ok(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return hi;
        }

        private Burst Pattern(int first, int last)
        {
            ButtonCapture c = _reading.Capture;
            var b = new Burst { Offsets = new long[last - first + 1], Pressed = new bool[last - first + 1] };
            for (int i = first; i <= last; i++)
            {
                b.Offsets[i - first] = c.Time(i) - c.Time(first);
                b.Pressed[i - first] = c.Pressed(i);
            }

            b.Span = b.Offsets[b.Offsets.Length - 1];
            return b;
        }

        private SettingResult Pick()
        {
            foreach (SettingResult r in _exact)
            {
                if (r.Robust)
                {
                    return r;
                }
            }

            SettingResult best = null;
            foreach (SettingResult r in _exact)
            {
                if (best == null || (r.SpikeProof && !best.SpikeProof) || (r.SpikeProof == best.SpikeProof && r.Balance > best.Balance))
                {
                    best = r;
                }
            }

            return best;
        }

        private static int Compare(SettingResult a, SettingResult b)
        {
            int c = a.Trial.WorstPressLatency.CompareTo(b.Trial.WorstPressLatency);
            if (c != 0)
            {
                return c;
            }

            c = b.Balance.CompareTo(a.Balance);
            if (c != 0)
            {
                return c;
            }

            c = a.OffCentre.CompareTo(b.OffCentre);
            if (c != 0)
            {
                return c;
            }

            c = (a.Setting.GlitchMicros > 0).CompareTo(b.Setting.GlitchMicros > 0);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Setting.Mode, b.Setting.Mode);
            if (c != 0)
            {
                return c;
            }

            c = a.Setting.ReleaseMicros.CompareTo(b.Setting.ReleaseMicros);
            return c != 0 ? c : a.Setting.GlitchMicros.CompareTo(b.Setting.GlitchMicros);
        }

        private sealed class Burst
        {
            public long[] Offsets;
            public bool[] Pressed;
            public long Span;
        }

        private sealed class ProbeBuilder
        {
            private readonly List<long> _times = new List<long>();
            private readonly List<bool> _pressed = new List<bool>();

            public long Last => _times.Count == 0 ? 0 : _times[_times.Count - 1];

            public void Edge(long time, bool pressed)
            {
                _times.Add(time);
                _pressed.Add(pressed);
            }

            // Appends the burst starting at 'at'; returns 'at'.
            public long Add(Burst b, long at)
            {
                for (int i = 0; i < b.Offsets.Length; i++)
                {
                    Edge(at + b.Offsets[i], b.Pressed[i]);
                }

                return at;
            }

            public bool Exact(DebounceSetting s, bool activeLow, long[] p, long[] r)
            {
                ButtonCapture c = ButtonCapture.FromEdges(activeLow, _times.ToArray(), _pressed.ToArray(), Last + ProbeLead);
                return SettingTrial.Run(s, c, p, r).Exact;
            }
        }
    }

    /// <summary>One setting that counts a capture exactly, with its margin and costs.</summary>
    public sealed class SettingResult
    {
        /// <summary>The setting.</summary>
        public DebounceSetting Setting;

        /// <summary>Its run over the capture (latencies).</summary>
        public TrialResult Trial;

        /// <summary>How many times longer every bounce, re-opening and re-closing may get before it miscounts (1 to <see cref="SettingSearch.MaxMargin"/>).</summary>
        public double Margin;

        /// <summary>Shortest click it counts, with the capture's worst bursts, µs (-1: none up to 2 s).</summary>
        public long ShortestClick;

        /// <summary>Shortest gap between two clicks it counts as two, with the capture's worst bursts, µs (-1: none up to 2 s).</summary>
        public long ShortestGap;

        /// <summary>True when a 50 µs spike on the idle line or during a hold changes nothing.</summary>
        public bool SpikeProof;

        /// <summary>How much shorter the user's shortest press and release may get: min(shortest press / shortest click, shortest release / shortest gap).</summary>
        public double Slack;

        /// <summary>Spike-proof with a margin of at least <see cref="SettingSearch.RobustMargin"/>.</summary>
        public bool Robust;

        /// <summary>Quiet-time: how far (sum of log ratios) its windows sit from the geometric middle of each level's noise
        /// and signal; 0 for the other modes. The last tie-break: a window in the middle keeps room on both sides.</summary>
        public double OffCentre;

        /// <summary>min(<see cref="Margin"/>, <see cref="Slack"/>).</summary>
        public double Balance => Math.Min(Margin, Slack);

        /// <summary>Fastest clicking it follows: one click and one gap per period, clicks per second (0 when unknown).</summary>
        public double ClicksPerSecond => ShortestClick > 0 && ShortestGap > 0 ? 1e6 / (ShortestClick + ShortestGap) : 0;
    }
}
