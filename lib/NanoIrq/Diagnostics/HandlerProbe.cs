using System;

namespace NanoIrq
{
    /// <summary>
    /// Measures one handler each time it runs: the latency from when it was due (a timer's ideal time, an
    /// edge's stamp) to handler entry, the handler's own duration, and optionally a debug pin driven high
    /// for exactly the time the handler runs.
    /// </summary>
    /// <remarks>
    /// <para>Call <see cref="Enter"/> just before the handler and <see cref="Exit"/> just after it (in a
    /// <c>finally</c>). Each pair reads the clock twice, adds one sample to <see cref="Latency"/> and one to
    /// <see cref="Duration"/>, and writes the debug pin twice; nothing is allocated.</para>
    /// <para>The debug pin rises after the entry time is read and falls before the exit time is read, so on
    /// a scope the pulse width is the handler's time plus two pin writes, and its rising edge lags the
    /// interrupt by the latency shown in <see cref="Latency"/>.</para>
    /// <para>Used by one thread at a time (the dispatcher thread).</para>
    /// </remarks>
    public sealed class HandlerProbe
    {
        private readonly IClock _clock;
        private readonly LatencyStats _latency;
        private readonly LatencyStats _duration;
        private uint _entryMicros;

        /// <summary>Creates a probe reading <paramref name="clock"/>, whose statistics are named "<paramref name="name"/> latency" and "<paramref name="name"/> duration" (default histograms).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        public HandlerProbe(IClock clock, string name)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            string label = string.IsNullOrEmpty(name) ? "" : name;
            _latency = new LatencyStats(label + " latency");
            _duration = new LatencyStats(label + " duration");
        }

        /// <summary>Delay in µs from the due time passed to <see cref="Enter"/> to handler entry.</summary>
        public LatencyStats Latency
        {
            get { return _latency; }
        }

        /// <summary>Time in µs from <see cref="Enter"/> to <see cref="Exit"/>.</summary>
        public LatencyStats Duration
        {
            get { return _duration; }
        }

        /// <summary>Optional line driven high during the handler (null: none). Set it before the handler can run.</summary>
        public IDigitalOutput DebugPin { get; set; }

        /// <summary>The handler is about to run for something due at <paramref name="dueMicros"/> (µs, wrapping): records the latency and raises the debug pin.</summary>
        /// <returns>The entry time read from the clock (µs).</returns>
        public uint Enter(uint dueMicros)
        {
            uint now = _clock.NowMicros;
            _entryMicros = now;
            _latency.Add(Ticks.Diff(now, dueMicros));
            IDigitalOutput pin = DebugPin;
            if (pin != null)
            {
                pin.Write(true);
            }

            return now;
        }

        /// <summary>The handler has returned (or thrown): lowers the debug pin and records the duration since <see cref="Enter"/>.</summary>
        /// <returns>The exit time read from the clock (µs).</returns>
        public uint Exit()
        {
            IDigitalOutput pin = DebugPin;
            if (pin != null)
            {
                pin.Write(false);
            }

            uint now = _clock.NowMicros;
            _duration.Add(Ticks.Diff(now, _entryMicros));
            return now;
        }

        /// <summary>Clears both statistics.</summary>
        public void Reset()
        {
            _latency.Reset();
            _duration.Reset();
        }

        /// <summary>Two lines: the latency report then the duration report (see <see cref="LatencyStats.Report"/>). Allocates.</summary>
        public string Report()
        {
            return _latency.Report() + "\n" + _duration.Report();
        }
    }
}
