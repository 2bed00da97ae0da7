namespace NanoIrq
{
    /// <summary>
    /// Quiet-time debouncer, the default for buttons: a new level is accepted once the input has been
    /// stable (no edge at all) for the window after its last edge.
    /// </summary>
    /// <remarks>
    /// <para><b>Quiet-time.</b> Every raw edge restarts a timer; when the window passes with no further edge,
    /// the raw level at that moment becomes the debounced level, and one edge is emitted if it changed. A burst
    /// that ends on the level it started from (a glitch, or a press shorter than the window) emits nothing.
    /// Decision latency: the bounce length plus the window (20 ms default: 21.6 ms for Ganssle's mean 1.6 ms
    /// bounce, 26.2 ms for his worst 6.2 ms). Failure modes: a bounce whose gaps between edges exceed the window
    /// (an old switch chattering slowly for 150 ms) is reported as several presses; a line that never stays quiet
    /// for the window (a continuous oscillation) never reports; pulses shorter than the window (fast encoders,
    /// tacho pulses) are swallowed, so use the <see cref="GlitchFilter"/> for those.</para>
    /// <para><b>Separate press and release windows.</b> The four-argument constructor takes one window for
    /// settling on the pressed level and another for settling on the released level (the window is chosen by the
    /// raw level after the last edge), so a quick press response can be paired with a longer window for a switch
    /// that bounces more on release. Latency is then bounce + the window of the level being settled on.</para>
    /// <para>Emitted edges: <see cref="EdgeRecord.Pin"/> and <see cref="EdgeRecord.StampIsLate"/> of the last raw
    /// edge; <see cref="EdgeRecord.TimeMicros"/> is the decision time, exactly the last raw edge time plus the
    /// window (not the time Tick was called), so the original edge time is the emitted time minus the window;
    /// <see cref="EdgeRecord.Sequence"/> is that of the last raw edge absorbed, so the gap between two emitted
    /// sequences counts the raw edges the debouncer swallowed. One instance serves one pin. Allocates nothing
    /// after construction.</para>
    /// </remarks>
    public sealed class QuietTimeDebouncer : IEdgeFilter
    {
        private readonly int _pressWindow;
        private readonly int _releaseWindow;
        private readonly bool _activeLow;
        private readonly DebouncedLevel _state;
        private bool _busy;
        private uint _deadline; // last edge + its window, while busy

        /// <summary>Quiet-time with the default 20 ms window (<see cref="DebounceDefaults.QuietTimeMicros"/>).</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high); the debounced level starts here.</param>
        public QuietTimeDebouncer(bool initialLevel)
            : this(initialLevel, DebounceDefaults.QuietTimeMicros)
        {
        }

        /// <summary>Quiet-time with one window for both levels.</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        /// <param name="quietMicros">Window in µs, [1, 10,000,000].</param>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="quietMicros"/> is out of range.</exception>
        public QuietTimeDebouncer(bool initialLevel, int quietMicros)
            : this(initialLevel, false, quietMicros, quietMicros)
        {
        }

        /// <summary>Quiet-time with separate windows for settling on the pressed and on the released level.</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        /// <param name="activeLow">True when the pressed level is low (button to GND with a pull-up).</param>
        /// <param name="pressQuietMicros">Window in µs before a press is accepted, [1, 10,000,000].</param>
        /// <param name="releaseQuietMicros">Window in µs before a release is accepted, [1, 10,000,000].</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A window is out of range.</exception>
        public QuietTimeDebouncer(bool initialLevel, bool activeLow, int pressQuietMicros, int releaseQuietMicros)
        {
            _pressWindow = DebounceDefaults.CheckWindow(pressQuietMicros, "pressQuietMicros");
            _releaseWindow = DebounceDefaults.CheckWindow(releaseQuietMicros, "releaseQuietMicros");
            _activeLow = activeLow;
            _state = new DebouncedLevel(initialLevel);
        }

        /// <summary>The debounced physical level (true = high).</summary>
        public bool Level
        {
            get { return _state.Level; }
        }

        /// <summary>Window in µs used before accepting the pressed level.</summary>
        public int PressQuietMicros
        {
            get { return _pressWindow; }
        }

        /// <summary>Window in µs used before accepting the released level.</summary>
        public int ReleaseQuietMicros
        {
            get { return _releaseWindow; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            // A late Tick must not change the outcome: settle what was due at or before this edge first. (Tick
            // arithmetic is written out on this path, as each call costs on the interpreter: (int)(d - t) <= 0 is
            // !Ticks.IsBefore(t, d).)
            uint time = edge._time;
            if (_busy && (int)(_deadline - time) <= 0)
            {
                Decide(output);
            }

            _state.Note(edge);
            _deadline = time + (uint)(edge._level != _activeLow ? _pressWindow : _releaseWindow);
            _busy = true;
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            if (_busy && (int)(_deadline - nowMicros) <= 0)
            {
                Decide(output);
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _busy ? _deadline : 0;
            return _busy;
        }

        private void Decide(IEdgeSink output)
        {
            uint at = _deadline;
            _busy = false;
            _state.Report(at, output);
        }
    }
}
