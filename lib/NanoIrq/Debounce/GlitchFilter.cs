namespace NanoIrq
{
    /// <summary>
    /// Glitch filter: rejects pulses shorter than a minimum width, passes every longer pulse edge for edge.
    /// </summary>
    /// <remarks>
    /// <para><b>Glitch.</b> An edge that changes the level is held for the minimum width; if the level returns
    /// before that (a pulse narrower than the width) both edges are dropped and <see cref="RejectedPulses"/> counts
    /// one; otherwise the edge is passed on exactly the width after it happened. Decision latency: exactly the
    /// width (100 µs default), for every edge. Unlike a debouncer it does not merge a bounce burst whose pulses are
    /// wider than the width: put it before a debouncer (glitch then quiet-time, with <see cref="FilterChain"/>) to
    /// clean a noisy line, or use it alone for fast clean signals (encoders, tacho pulses) where a debouncer's
    /// millisecond window would swallow real pulses. Failure modes: real pulses narrower than the width are lost;
    /// noise wider than the width passes.</para>
    /// <para>Emitted edges keep pin, level, sequence and stamp flag of the accepted raw edge;
    /// <see cref="EdgeRecord.TimeMicros"/> is the decision time, the raw edge time plus the width (subtract
    /// <see cref="MinWidthMicros"/> for the original time). One instance serves one pin. Allocates nothing after
    /// construction.</para>
    /// </remarks>
    public sealed class GlitchFilter : IEdgeFilter
    {
        private readonly int _width;
        private bool _output;
        private bool _pending;
        private readonly EdgeRecord _held = new EdgeRecord();
        private readonly EdgeRecord _out = new EdgeRecord();
        private int _rejected;

        /// <summary>Glitch filter with the default 100 µs width (<see cref="DebounceDefaults.GlitchMicros"/>).</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        public GlitchFilter(bool initialLevel)
            : this(initialLevel, DebounceDefaults.GlitchMicros)
        {
        }

        /// <summary>Glitch filter with the given minimum pulse width.</summary>
        /// <param name="initialLevel">Physical level of the pin now (true = high).</param>
        /// <param name="minWidthMicros">Narrowest pulse passed, in µs, [1, 10,000,000]; narrower pulses are dropped.</param>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="minWidthMicros"/> is out of range.</exception>
        public GlitchFilter(bool initialLevel, int minWidthMicros)
        {
            _width = DebounceDefaults.CheckWindow(minWidthMicros, "minWidthMicros");
            _output = initialLevel;
        }

        /// <summary>The filtered physical level (true = high).</summary>
        public bool Level
        {
            get { return _output; }
        }

        /// <summary>Minimum pulse width in µs.</summary>
        public int MinWidthMicros
        {
            get { return _width; }
        }

        /// <summary>Pulses dropped because they were narrower than the width (wraps after 2^31 - 1).</summary>
        public int RejectedPulses
        {
            get { return _rejected; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            Tick(edge._time, output);
            if (_pending)
            {
                if (edge._level != _held._level)
                {
                    _pending = false;
                    _rejected = unchecked(_rejected + 1);
                }
            }
            else if (edge._level != _output)
            {
                _held.CopyFrom(edge);
                _pending = true;
            }
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            EdgeRecord held = _held;
            if (_pending && !Ticks.IsBefore(nowMicros, Ticks.Add(held._time, _width)))
            {
                _pending = false;
                _output = held._level;
                output.Emit(_out.Set(held._pin, held._level, Ticks.Add(held._time, _width), held._sequence, held._late));
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _pending ? Ticks.Add(_held._time, _width) : 0;
            return _pending;
        }
    }
}
