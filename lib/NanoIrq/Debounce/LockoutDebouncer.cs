namespace NanoIrq
{
    /// <summary>
    /// Lockout debouncer: the first edge that changes the level is passed on at once, then edges are ignored
    /// for the window.
    /// </summary>
    /// <remarks>
    /// <para><b>Lockout.</b> Lowest latency: zero (the press is reported at its first raw edge). At the end of
    /// the window the raw level is compared with the reported one; if they differ (the button was released, or
    /// the bounce ended on the other level) the raw level is reported at that moment and a new window starts, so
    /// the output never stays stuck. Failure modes: any glitch on an idle line is reported as a press followed by
    /// a release one window later (a phantom click); a bounce longer than the window (an old switch, or release
    /// bounce after a long hold that outlasts the window) is reported as extra press/release pairs, one per
    /// window the bounce spans. Use it when latency matters more than immunity and the line is clean.</para>
    /// <para>Emitted edges: an edge passed at once keeps its own time, sequence, pin and stamp flag; a correction
    /// at the end of a window carries the window end as <see cref="EdgeRecord.TimeMicros"/> (the decision time) and
    /// the sequence of the last raw edge absorbed. One instance serves one pin. Allocates nothing after
    /// construction.</para>
    /// </remarks>
    public sealed class LockoutDebouncer : IEdgeFilter
    {
        private readonly int _window;
        private readonly DebouncedLevel _state;
        private bool _locked;
        private uint _lockStart;

        /// <summary>Lockout with the default 20 ms window (<see cref="DebounceDefaults.LockoutMicros"/>).</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        public LockoutDebouncer(bool initialLevel)
            : this(initialLevel, DebounceDefaults.LockoutMicros)
        {
        }

        /// <summary>Lockout with the given window.</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        /// <param name="lockoutMicros">Window in µs during which edges are ignored, [1, 10,000,000].</param>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="lockoutMicros"/> is out of range.</exception>
        public LockoutDebouncer(bool initialLevel, int lockoutMicros)
        {
            _window = DebounceDefaults.CheckWindow(lockoutMicros, "lockoutMicros");
            _state = new DebouncedLevel(initialLevel);
        }

        /// <summary>The debounced physical level (true = high).</summary>
        public bool Level
        {
            get { return _state.Level; }
        }

        /// <summary>Lockout window in µs.</summary>
        public int LockoutMicros
        {
            get { return _window; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            while (_locked && !Ticks.IsBefore(edge._time, Ticks.Add(_lockStart, _window)))
            {
                Unlock(output);
            }

            _state.Note(edge);
            if (!_locked && _state.Differs)
            {
                _locked = true;
                _lockStart = edge._time;
                _state.Report(edge._time, output);
            }
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            while (_locked && !Ticks.IsBefore(nowMicros, Ticks.Add(_lockStart, _window)))
            {
                Unlock(output);
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _locked ? Ticks.Add(_lockStart, _window) : 0;
            return _locked;
        }

        private void Unlock(IEdgeSink output)
        {
            uint at = Ticks.Add(_lockStart, _window);
            _locked = _state.Differs;
            _lockStart = at;
            _state.Report(at, output);
        }
    }
}
