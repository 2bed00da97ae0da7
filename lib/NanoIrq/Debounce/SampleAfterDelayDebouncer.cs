namespace NanoIrq
{
    /// <summary>
    /// Sample-after-delay debouncer, the behaviour of nanoFramework's native <c>GpioPin.DebounceTimeout</c>:
    /// the first edge starts a timer, edges meanwhile are ignored, and the level is sampled once when the timer
    /// expires.
    /// </summary>
    /// <remarks>
    /// <para><b>Sample-after-delay.</b> An edge on a quiet input arms a one-shot timer of the window; edges during
    /// the window only update the (virtual) pin level; when the window ends the level is read once and reported
    /// if it differs from the last reported level. Decision latency: exactly the window after the first edge,
    /// whatever the bounce (on ESP32 the native timer is also rounded to the 10 ms RTOS tick). Failure modes: if the
    /// bounce, or a glitch, is still in progress at the sampling instant the wrong level is read and reported, and
    /// the next edge starts another window that reports the level back: a phantom release/press pair (a glitch
    /// inside the window, or release bounce longer than the window after a long hold); a press shorter than the
    /// window is missed entirely. Kept for comparison and compatibility: prefer <see cref="QuietTimeDebouncer"/>.</para>
    /// <para>Emitted edges carry the sampling time as <see cref="EdgeRecord.TimeMicros"/> (first edge of the
    /// window plus the window: the decision time), and the sequence, pin and stamp flag of the last raw edge
    /// absorbed. One instance serves one pin. Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class SampleAfterDelayDebouncer : IEdgeFilter
    {
        private readonly int _window;
        private readonly DebouncedLevel _state;
        private bool _waiting;
        private uint _windowStart;

        /// <summary>Sample-after-delay with the default 20 ms window (<see cref="DebounceDefaults.SampleDelayMicros"/>).</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        public SampleAfterDelayDebouncer(bool initialLevel)
            : this(initialLevel, DebounceDefaults.SampleDelayMicros)
        {
        }

        /// <summary>Sample-after-delay with the given window.</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        /// <param name="delayMicros">Delay in µs between the first edge and the sample, [1, 10,000,000].</param>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="delayMicros"/> is out of range.</exception>
        public SampleAfterDelayDebouncer(bool initialLevel, int delayMicros)
        {
            _window = DebounceDefaults.CheckWindow(delayMicros, "delayMicros");
            _state = new DebouncedLevel(initialLevel);
        }

        /// <summary>The debounced physical level (true = high).</summary>
        public bool Level
        {
            get { return _state.Level; }
        }

        /// <summary>Delay in µs between the first edge and the sample.</summary>
        public int DelayMicros
        {
            get { return _window; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            if (_waiting && !Ticks.IsBefore(edge._time, Ticks.Add(_windowStart, _window)))
            {
                Sample(output);
            }

            _state.Note(edge);
            if (!_waiting)
            {
                _waiting = true;
                _windowStart = edge._time;
            }
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            if (_waiting && !Ticks.IsBefore(nowMicros, Ticks.Add(_windowStart, _window)))
            {
                Sample(output);
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _waiting ? Ticks.Add(_windowStart, _window) : 0;
            return _waiting;
        }

        private void Sample(IEdgeSink output)
        {
            uint at = Ticks.Add(_windowStart, _window);
            _waiting = false;
            _state.Report(at, output);
        }
    }
}
