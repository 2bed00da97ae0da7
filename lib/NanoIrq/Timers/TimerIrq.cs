using System;

namespace NanoIrq
{
    /// <summary>
    /// A timer interrupt in the manner of MicroPython's <c>machine.Timer</c>: calls a handler once after a
    /// delay (one-shot) or on a fixed, drift-free schedule (periodic), on the same dispatcher, clock,
    /// critical-section rules and fault handling as pin Irqs.
    /// </summary>
    /// <remarks>
    /// <para><b>Dispatch.</b> Attach it to the dispatcher (<see cref="IrqDispatcher.Attach"/>), which runs it on its
    /// thread once the clock reaches the due time.
    /// The handler therefore never runs in ISR context and never while a critical section is held.</para>
    /// <para><b>Schedule.</b> Periodic fire n is due at exactly <c>start + n * period</c> (µs, wrapping
    /// modulo 2^32), however late earlier fires were served: lateness never accumulates into drift. A
    /// frequency whose period is not a whole number of µs keeps its exact average rate (see
    /// <see cref="PeriodSchedule"/>). When a fire is served a whole period late or more, the due times that
    /// already passed are skipped, not replayed, and counted in <see cref="Skipped"/>.</para>
    /// <para><b>Ranges.</b> Periodic: <see cref="MinPeriodMicros"/> (100 µs, i.e. <see cref="MaxFrequencyHertz"/>
    /// = 10 kHz) to <see cref="MaxPeriodMicros"/> (1,000 s). One-shot delay: 1 µs to 1,000 s. Outside these an
    /// <see cref="ArgumentOutOfRangeException"/> names the parameter and the timer keeps its previous state.
    /// These are limits of the API; what a target achieves is set by its wake-up source: on ESP32 the
    /// high-resolution timer counts 1 µs but the managed handler is delivered through nanoFramework's event
    /// queue, elsewhere <c>System.Threading.Timer</c> resolves 1 ms; see docs/timers.md for the numbers.</para>
    /// <para><b>Faults.</b> A handler that throws is counted in <see cref="Faults"/>, the timer stops
    /// (unless <see cref="StopOnFault"/> is false) and the exception propagates to the dispatcher,
    /// so that the dispatcher records it in its fault log.</para>
    /// <para><b>Instrumentation.</b> Every fire adds its lateness against the ideal schedule to
    /// <see cref="Lateness"/> and the handler's duration to <see cref="Duration"/>; <see cref="DebugPin"/> is
    /// driven high while the handler runs. A fire allocates nothing.</para>
    /// <para><b>Threads.</b> Start, Stop, Rearm and Dispose may be called from any thread, including the
    /// handler itself; they take effect for the next fire. After a change from another thread, the
    /// dispatcher must be woken to re-read the deadline (see the dispatcher's documentation).</para>
    /// </remarks>
    public sealed class TimerIrq : IDispatchTarget, IDisposable
    {
        /// <summary>Shortest period of a periodic timer: 100 µs.</summary>
        public const int MinPeriodMicros = 100;

        /// <summary>Longest period, and longest one-shot delay: 1,000,000,000 µs (1,000 s, 16 min 40 s).</summary>
        public const int MaxPeriodMicros = 1000000000;

        /// <summary>Longest period in ms: 1,000,000 ms.</summary>
        public const int MaxPeriodMillis = MaxPeriodMicros / 1000;

        /// <summary>Highest frequency accepted: 10,000 Hz (a 100 µs period).</summary>
        public const int MaxFrequencyHertz = 10000;

        private const int MicrosPerSecond = 1000000;
        private const int ModeNone = 0;
        private const int ModeOneShot = 1;
        private const int ModePeriodic = 2;

        private readonly object _sync = new object();
        private readonly IClock _clock;
        private readonly TimerIrqHandler _handler;
        private readonly PeriodSchedule _schedule = new PeriodSchedule();
        private readonly HandlerProbe _probe;
        private int _mode;
        private int _cycleMicros;
        private int _pointsPerCycle;
        private bool _running;
        private bool _disposed;
        private int _fires;
        private int _skipped;
        private int _overruns;
        private int _faults;

        /// <summary>Creates a stopped timer that will call <paramref name="handler"/>; time comes from <paramref name="clock"/>.</summary>
        /// <param name="clock">The dispatcher's clock.</param>
        /// <param name="handler">Called on each fire with this timer; may be a bound instance method.</param>
        /// <param name="name">Label for reports, e.g. "red LED"; null or empty is read as "timer".</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="handler"/> is null.</exception>
        public TimerIrq(IClock clock, TimerIrqHandler handler, string name)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            _clock = clock;
            _handler = handler;
            Name = string.IsNullOrEmpty(name) ? "timer" : name;
            _probe = new HandlerProbe(clock, Name);
            StopOnFault = true;
        }

        /// <summary>Creates a stopped timer named "timer".</summary>
        public TimerIrq(IClock clock, TimerIrqHandler handler)
            : this(clock, handler, null)
        {
        }

        /// <summary>Label for reports.</summary>
        public string Name { get; private set; }

        /// <summary>True while the timer waits for its next fire (a one-shot becomes false when it fires).</summary>
        public bool IsRunning
        {
            get { return _running; }
        }

        /// <summary>True when the last start was a one-shot.</summary>
        public bool IsOneShot
        {
            get { return _mode == ModeOneShot; }
        }

        /// <summary>The period (periodic) or delay (one-shot) in whole µs, rounded down for frequencies such as 3 Hz; 0 before the first start.</summary>
        public int PeriodMicros
        {
            get { return _pointsPerCycle == 0 ? 0 : _cycleMicros / _pointsPerCycle; }
        }

        /// <summary>Handler calls since construction (wraps after 2^31 - 1).</summary>
        public int Fires
        {
            get { return _fires; }
        }

        /// <summary>Periodic due times skipped because a fire was served one or more whole periods late.</summary>
        public int Skipped
        {
            get { return _skipped; }
        }

        /// <summary>Fires whose handler returned at or after the next due time: the handler plus its lateness took a whole period or more.</summary>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <summary>Handler calls that threw.</summary>
        public int Faults
        {
            get { return _faults; }
        }

        /// <summary>True (default): a handler that throws stops the timer. False: it keeps its schedule.</summary>
        public bool StopOnFault { get; set; }

        /// <summary>Lateness of each fire against its ideal due time, in µs (the timer's jitter).</summary>
        public LatencyStats Lateness
        {
            get { return _probe.Latency; }
        }

        /// <summary>Duration of each handler call, in µs.</summary>
        public LatencyStats Duration
        {
            get { return _probe.Duration; }
        }

        /// <summary>Optional output driven high while the handler runs, for a logic analyser (null: none).</summary>
        public IDigitalOutput DebugPin
        {
            get { return _probe.DebugPin; }
            set { _probe.DebugPin = value; }
        }

        /// <summary>Starts (or restarts) periodic firing every <paramref name="periodMicros"/> µs; the first fire is due one period from now.</summary>
        /// <param name="periodMicros"><see cref="MinPeriodMicros"/> (100) to <see cref="MaxPeriodMicros"/> (1,000,000,000) µs.</param>
        /// <exception cref="ArgumentOutOfRangeException">The period is out of range; the timer is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void StartPeriodic(int periodMicros)
        {
            if (periodMicros < MinPeriodMicros || periodMicros > MaxPeriodMicros)
            {
                throw new ArgumentOutOfRangeException("periodMicros", "must be in [100, 1000000000] µs (at most 10 kHz).");
            }

            Begin(ModePeriodic, periodMicros, 1);
        }

        /// <summary>Starts (or restarts) periodic firing every <paramref name="periodMillis"/> ms; the first fire is due one period from now.</summary>
        /// <param name="periodMillis">1 to <see cref="MaxPeriodMillis"/> (1,000,000) ms.</param>
        /// <exception cref="ArgumentOutOfRangeException">The period is out of range; the timer is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void StartPeriodicMillis(int periodMillis)
        {
            if (periodMillis < 1 || periodMillis > MaxPeriodMillis)
            {
                throw new ArgumentOutOfRangeException("periodMillis", "must be in [1, 1000000] ms.");
            }

            Begin(ModePeriodic, periodMillis * Ticks.MicrosPerMilli, 1);
        }

        /// <summary>
        /// Starts (or restarts) periodic firing at <paramref name="hertz"/> Hz: fire n is due at
        /// <c>start + floor(n * 1,000,000 / hertz)</c> µs, so the average rate is exact even when the period
        /// is not a whole number of µs.
        /// </summary>
        /// <param name="hertz">1 to <see cref="MaxFrequencyHertz"/> (10,000) Hz.</param>
        /// <exception cref="ArgumentOutOfRangeException">The frequency is out of range; the timer is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void StartFrequency(int hertz)
        {
            if (hertz < 1 || hertz > MaxFrequencyHertz)
            {
                throw new ArgumentOutOfRangeException("hertz", "must be in [1, 10000] Hz.");
            }

            Begin(ModePeriodic, MicrosPerSecond, hertz);
        }

        /// <summary>Starts (or restarts) a single fire <paramref name="delayMicros"/> µs from now; the timer stops before its handler runs.</summary>
        /// <param name="delayMicros">1 to <see cref="MaxPeriodMicros"/> (1,000,000,000) µs.</param>
        /// <exception cref="ArgumentOutOfRangeException">The delay is out of range; the timer is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void StartOneShot(int delayMicros)
        {
            if (delayMicros < 1 || delayMicros > MaxPeriodMicros)
            {
                throw new ArgumentOutOfRangeException("delayMicros", "must be in [1, 1000000000] µs.");
            }

            Begin(ModeOneShot, delayMicros, 1);
        }

        /// <summary>Starts (or restarts) a single fire <paramref name="delayMillis"/> ms from now.</summary>
        /// <param name="delayMillis">1 to <see cref="MaxPeriodMillis"/> (1,000,000) ms.</param>
        /// <exception cref="ArgumentOutOfRangeException">The delay is out of range; the timer is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void StartOneShotMillis(int delayMillis)
        {
            if (delayMillis < 1 || delayMillis > MaxPeriodMillis)
            {
                throw new ArgumentOutOfRangeException("delayMillis", "must be in [1, 1000000] ms.");
            }

            Begin(ModeOneShot, delayMillis * Ticks.MicrosPerMilli, 1);
        }

        /// <summary>
        /// Restarts the last mode and period from now, whether or not the timer is running: a one-shot is
        /// pushed back to a full delay from now (a watchdog kick, a retriggerable monostable); a periodic
        /// timer is re-phased so that its next fire is one period from now.
        /// </summary>
        /// <exception cref="InvalidOperationException">The timer was never started, so there is nothing to re-arm.</exception>
        /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
        public void Rearm()
        {
            if (_mode == ModeNone)
            {
                ThrowIfDisposed();
                throw new InvalidOperationException("TimerIrq '" + Name + "' was never started: call StartPeriodic, StartFrequency or StartOneShot first.");
            }

            Begin(_mode, _cycleMicros, _pointsPerCycle);
        }

        /// <summary>Stops the timer: no further fire until the next start. Safe to call inside the handler, when stopped, and after <see cref="Dispose"/>.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _running = false;
            }
        }

        /// <summary>Stops the timer for good: any later start throws <see cref="ObjectDisposedException"/>. Detach it from the dispatcher as well.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                _running = false;
                _disposed = true;
            }
        }

        /// <summary>Clears <see cref="Lateness"/> and <see cref="Duration"/> (counters are kept).</summary>
        public void ResetStatistics()
        {
            _probe.Reset();
        }

        /// <summary>
        /// Three lines: "<c>name: fires=.. skipped=.. overruns=.. faults=..</c>", then the lateness and the
        /// duration reports (see <see cref="LatencyStats.Report"/>). Allocates: call it from the main loop.
        /// </summary>
        public string Report()
        {
            return Name + ": fires=" + _fires.ToString() + " skipped=" + _skipped.ToString()
                + " overruns=" + _overruns.ToString() + " faults=" + _faults.ToString()
                + "\n" + _probe.Latency.Report() + "\n" + _probe.Duration.Report();
        }

        bool IDispatchTarget.TryGetDeadline(out uint deadlineMicros)
        {
            return TryGetDeadline(out deadlineMicros);
        }

        void IDispatchTarget.Service(uint nowMicros)
        {
            Service(nowMicros);
        }

        // True and the due time while running (what the dispatcher waits for).
        internal bool TryGetDeadline(out uint deadlineMicros)
        {
            lock (_sync)
            {
                deadlineMicros = _schedule.DueMicros;
                return _running;
            }
        }

        /// <summary>
        /// Fires the handler if the timer is running and <paramref name="nowMicros"/> has reached the due
        /// time (an early call does nothing). A periodic timer's next due time is computed before the
        /// handler runs, so the handler may stop, re-arm or restart the timer. Allocates nothing.
        /// </summary>
        /// <exception cref="Exception">Whatever the handler threw, after counting it as a fault.</exception>
        internal void Service(uint nowMicros)
        {
            uint due;
            uint nextDue;
            bool periodic;
            lock (_sync)
            {
                if (!_running)
                {
                    return;
                }

                due = _schedule.DueMicros;
                if (Ticks.Diff(nowMicros, due) < 0)
                {
                    return;
                }

                periodic = _mode == ModePeriodic;
                if (periodic)
                {
                    _skipped += _schedule.Advance(nowMicros);
                }
                else
                {
                    _running = false;
                }

                nextDue = _schedule.DueMicros;
                _fires++;
            }

            _probe.Enter(due);
            bool threw = true;
            try
            {
                _handler(this);
                threw = false;
            }
            catch
            {
                lock (_sync)
                {
                    _faults++;
                    if (StopOnFault)
                    {
                        _running = false;
                    }
                }

                throw;
            }
            finally
            {
                uint exit = _probe.Exit();
                if (!threw && periodic && Ticks.Diff(exit, nextDue) >= 0)
                {
                    _overruns++;
                }
            }
        }

        private void Begin(int mode, int cycleMicros, int pointsPerCycle)
        {
            lock (_sync)
            {
                ThrowIfDisposed();
                _schedule.Start(_clock.NowMicros, cycleMicros, pointsPerCycle);
                _mode = mode;
                _cycleMicros = cycleMicros;
                _pointsPerCycle = pointsPerCycle;
                _running = true;
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("TimerIrq '" + Name + "' was disposed: create a new timer.");
            }
        }
    }
}
