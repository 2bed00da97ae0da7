using System;
using System.Collections.Generic;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Runs a recorded <see cref="Waveform"/> through a debouncer (optionally after a glitch filter) and a
    /// <see cref="GestureDetector"/>, the way the Irq dispatcher would: every deadline is ticked exactly when due,
    /// before the next raw edge. Collects the raw edges, the debounced edges and the gestures.
    /// </summary>
    public sealed class ReplayPipeline : IEdgeSink
    {
        /// <summary>Debounce mode names accepted by --debounce: quiet, lockout, sample, glitch, none.</summary>
        public static readonly string[] Modes = { "quiet", "lockout", "sample", "glitch", "none" };

        private readonly List<EdgeRecord> _debounced = new List<EdgeRecord>();
        private readonly List<GestureEvent> _gestures = new List<GestureEvent>();
        private uint _baseMicros;
        private long _baseLong;

        /// <summary>Debounced edges, times in µs from the recording's zero.</summary>
        public List<(long TimeMicros, bool Level)> Debounced { get; } = new List<(long, bool)>();

        /// <summary>Raw edges, times in µs from the recording's zero.</summary>
        public List<(long TimeMicros, bool Level)> Raw { get; } = new List<(long, bool)>();

        /// <summary>Gestures with times in µs from the recording's zero.</summary>
        public List<(long TimeMicros, GestureEvent Event)> Gestures { get; } = new List<(long, GestureEvent)>();

        /// <summary>Builds the debouncer for <paramref name="mode"/> (see <see cref="Modes"/>); null for "none".</summary>
        public static IEdgeFilter CreateDebouncer(string mode, bool initialLevel, bool activeLow, int pressMicros, int releaseMicros)
        {
            switch (mode)
            {
                case "quiet": return new QuietTimeDebouncer(initialLevel, activeLow, pressMicros, releaseMicros);
                case "lockout": return new LockoutDebouncer(initialLevel, pressMicros);
                case "sample": return new SampleAfterDelayDebouncer(initialLevel, pressMicros);
                case "glitch": return new GlitchFilter(initialLevel, pressMicros);
                case "none": return null;
                default: throw new ArgumentException("unknown debounce mode '" + mode + "'.", nameof(mode));
            }
        }

        /// <summary>
        /// The filter <c>--debounce MODE:PRESS/RELEASE</c> and <c>--glitch GLITCH</c> stand for: the debouncer of
        /// <see cref="CreateDebouncer"/>, behind a <see cref="GlitchFilter"/> of <paramref name="glitchMicros"/> when that is
        /// above 0 (null for mode "none" without a glitch).
        /// </summary>
        public static IEdgeFilter CreateFilter(string mode, bool initialLevel, bool activeLow, int pressMicros, int releaseMicros, int glitchMicros)
        {
            IEdgeFilter debouncer = CreateDebouncer(mode, initialLevel, activeLow, pressMicros, releaseMicros);
            if (glitchMicros > 0)
            {
                var g = new GlitchFilter(initialLevel, glitchMicros);
                debouncer = debouncer == null ? g : new FilterChain(g, debouncer);
            }

            return debouncer;
        }

        /// <summary>
        /// Feeds <paramref name="count"/> edges (times µs, kept modulo 2^32 as a NanoIrq clock keeps them; sequence 1, 2,
        /// 3...) into <paramref name="filter"/> the way the Irq dispatcher does: every deadline is ticked exactly when due,
        /// before the next edge; then ticks up to <paramref name="endMicros"/>. The fed record is lent (one record, refilled
        /// for each edge), so <paramref name="sink"/> copies what it keeps.
        /// </summary>
        public static void Drive(IEdgeFilter filter, long[] timesMicros, bool[] levels, int count, long endMicros, IEdgeSink sink)
        {
            var fed = new EdgeRecord();
            for (int i = 0; i < count; i++)
            {
                uint t = unchecked((uint)timesMicros[i]);
                TickUntil(filter, t, sink);
                filter.Feed(fed.Set(0, levels[i], t, unchecked((uint)(i + 1)), false), sink);
            }

            TickUntil(filter, unchecked((uint)endMicros), sink);
        }

        /// <summary>Runs the waveform through <paramref name="debouncer"/> (may be null) then a gesture detector with
        /// <paramref name="options"/>; ticks until the end of the recording plus <paramref name="settleMicros"/>.</summary>
        public void Run(Waveform wave, IEdgeFilter debouncer, bool activeLow, GestureOptions options, int settleMicros)
        {
            var detector = new GestureDetector(activeLow, e => _gestures.Add(e.Clone()), options);
            IEdgeFilter chain = debouncer == null ? (IEdgeFilter)detector : new FilterChain(debouncer, detector);
            var times = new long[wave.Count];
            var levels = new bool[wave.Count];
            _baseMicros = 0;
            _baseLong = 0;
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = wave.TimeNanos(i) / 1000;
                levels[i] = wave.Level(i);
                Raw.Add((times[i], levels[i]));
            }

            Drive(chain, times, levels, times.Length, wave.EndNanos / 1000 + settleMicros, this);
            foreach (var e in _debounced)
            {
                Debounced.Add((Unwrap(e.TimeMicros), e.Level));
            }

            _baseMicros = 0;
            _baseLong = 0;
            foreach (var g in _gestures)
            {
                Gestures.Add((Unwrap(g.TimeMicros), g));
            }
        }

        /// <inheritdoc />
        public void Emit(EdgeRecord edge)
        {
            _debounced.Add(edge.Clone());
        }

        private static void TickUntil(IEdgeFilter chain, uint until, IEdgeSink sink)
        {
            uint due;
            while (chain.TryGetDeadline(out due) && !Ticks.IsBefore(until, due))
            {
                chain.Tick(due, sink);
            }
        }

        // Times come out in wrapping µs; recordings longer than 71 minutes are unwrapped by following them in order.
        private long Unwrap(uint t)
        {
            long result = _baseLong + Ticks.Diff(t, _baseMicros);
            _baseLong = result;
            _baseMicros = t;
            return result;
        }
    }
}
