using System;

namespace NanoIrq
{
    /// <summary>
    /// The soft real-time loop: runs a callback every N ms (or µs) from the main loop, without blocking and
    /// without drift, counting the runs that overran their period.
    /// </summary>
    /// <remarks>
    /// <para>This is the non-blocking task pattern (<c>if ticks_diff(now, due) &gt;= 0: due = ticks_add(due,
    /// period); work()</c>) packaged: call <see cref="Poll"/> as often as you like from the main loop; it
    /// runs the callback when the clock has reached the due time and returns at once otherwise. Run n is due
    /// at exactly <c>start + n * period</c> µs (wrap-safe), whatever the lateness of earlier runs.</para>
    /// <para>When a run is served a whole period late or more, the due times that passed are skipped, not
    /// replayed back to back, and counted in <see cref="Skipped"/>. A run whose callback returns at or after
    /// the next due time counts as an <see cref="Overruns">overrun</see>: the work does not fit its period.</para>
    /// <para>To idle between runs, sleep for <see cref="MillisUntilDue"/> ms (the task itself never sleeps).
    /// Everything runs on the thread that calls <see cref="Poll"/>; <see cref="Poll"/> allocates nothing.
    /// The callback runs outside any critical section; an exception from it propagates to the caller of
    /// <see cref="Poll"/> after the schedule has moved on, so the next Poll keeps the rate.</para>
    /// </remarks>
    public sealed class FixedRateTask
    {
        /// <summary>Shortest period: 100 µs.</summary>
        public const int MinPeriodMicros = 100;

        /// <summary>Longest period: 1,000,000,000 µs (1,000 s).</summary>
        public const int MaxPeriodMicros = 1000000000;

        /// <summary>Longest period in ms: 1,000,000 ms.</summary>
        public const int MaxPeriodMillis = MaxPeriodMicros / 1000;

        private readonly IClock _clock;
        private readonly FixedRateTaskHandler _handler;
        private readonly PeriodSchedule _schedule = new PeriodSchedule();
        private readonly HandlerProbe _probe;
        private bool _running;
        private int _periodMicros;
        private int _runs;
        private int _skipped;
        private int _overruns;

        /// <summary>Creates a stopped task that will run <paramref name="handler"/>, timed by <paramref name="clock"/>.</summary>
        /// <param name="clock">Time source.</param>
        /// <param name="handler">The periodic work.</param>
        /// <param name="name">Label for reports; null or empty is read as "task".</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="handler"/> is null.</exception>
        public FixedRateTask(IClock clock, FixedRateTaskHandler handler, string name)
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
            Name = string.IsNullOrEmpty(name) ? "task" : name;
            _probe = new HandlerProbe(clock, Name);
        }

        /// <summary>Label for reports.</summary>
        public string Name { get; private set; }

        /// <summary>True between a start and <see cref="Stop"/>.</summary>
        public bool IsRunning
        {
            get { return _running; }
        }

        /// <summary>The period in µs; 0 before the first start.</summary>
        public int PeriodMicros
        {
            get { return _periodMicros; }
        }

        /// <summary>Tick value (µs, wrapping) at which the next run is due; meaningful while running.</summary>
        public uint DueMicros
        {
            get { return _schedule.DueMicros; }
        }

        /// <summary>Callback runs since construction.</summary>
        public int Runs
        {
            get { return _runs; }
        }

        /// <summary>Due times skipped because <see cref="Poll"/> came one or more whole periods late.</summary>
        public int Skipped
        {
            get { return _skipped; }
        }

        /// <summary>Runs whose callback returned at or after the next due time.</summary>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <summary>Lateness of each run against its ideal due time, in µs.</summary>
        public LatencyStats Lateness
        {
            get { return _probe.Latency; }
        }

        /// <summary>Duration of each callback, in µs.</summary>
        public LatencyStats Duration
        {
            get { return _probe.Duration; }
        }

        /// <summary>µs from now until the next run is due: 0 when due or overdue, -1 when stopped.</summary>
        public int MicrosUntilDue
        {
            get
            {
                if (!_running)
                {
                    return -1;
                }

                int left = Ticks.Diff(_schedule.DueMicros, _clock.NowMicros);
                return left < 0 ? 0 : left;
            }
        }

        /// <summary><see cref="MicrosUntilDue"/> rounded up to whole ms, for <c>Thread.Sleep</c>: 0 when due, -1 when stopped.</summary>
        public int MillisUntilDue
        {
            get
            {
                int micros = MicrosUntilDue;
                return micros <= 0 ? micros : (micros + Ticks.MicrosPerMilli - 1) / Ticks.MicrosPerMilli;
            }
        }

        /// <summary>Starts (or restarts) running every <paramref name="periodMillis"/> ms; the first run is due one period from now.</summary>
        /// <param name="periodMillis">1 to <see cref="MaxPeriodMillis"/> (1,000,000) ms.</param>
        /// <exception cref="ArgumentOutOfRangeException">The period is out of range; the task is unchanged.</exception>
        public void Start(int periodMillis)
        {
            if (periodMillis < 1 || periodMillis > MaxPeriodMillis)
            {
                throw new ArgumentOutOfRangeException("periodMillis", "must be in [1, 1000000] ms.");
            }

            Begin(periodMillis * Ticks.MicrosPerMilli);
        }

        /// <summary>Starts (or restarts) running every <paramref name="periodMicros"/> µs; the first run is due one period from now.</summary>
        /// <param name="periodMicros"><see cref="MinPeriodMicros"/> (100) to <see cref="MaxPeriodMicros"/> (1,000,000,000) µs.</param>
        /// <exception cref="ArgumentOutOfRangeException">The period is out of range; the task is unchanged.</exception>
        public void StartMicros(int periodMicros)
        {
            if (periodMicros < MinPeriodMicros || periodMicros > MaxPeriodMicros)
            {
                throw new ArgumentOutOfRangeException("periodMicros", "must be in [100, 1000000000] µs.");
            }

            Begin(periodMicros);
        }

        /// <summary>Stops the task: <see cref="Poll"/> does nothing until the next start. Safe inside the callback.</summary>
        public void Stop()
        {
            _running = false;
        }

        /// <summary>Runs the callback once if it is due, else returns at once. Allocates nothing.</summary>
        /// <returns>True when the callback ran.</returns>
        public bool Poll()
        {
            if (!_running)
            {
                return false;
            }

            uint now = _clock.NowMicros;
            uint due = _schedule.DueMicros;
            if (Ticks.Diff(now, due) < 0)
            {
                return false;
            }

            _skipped += _schedule.Advance(now);
            uint nextDue = _schedule.DueMicros;
            _runs++;
            _probe.Enter(due);
            try
            {
                _handler(this);
            }
            finally
            {
                uint exit = _probe.Exit();
                if (Ticks.Diff(exit, nextDue) >= 0)
                {
                    _overruns++;
                }
            }

            return true;
        }

        /// <summary>Clears <see cref="Lateness"/> and <see cref="Duration"/> (counters are kept).</summary>
        public void ResetStatistics()
        {
            _probe.Reset();
        }

        /// <summary>Three lines: "<c>name: runs=.. skipped=.. overruns=..</c>", the lateness and the duration reports. Allocates.</summary>
        public string Report()
        {
            return Name + ": runs=" + _runs.ToString() + " skipped=" + _skipped.ToString() + " overruns=" + _overruns.ToString()
                + "\n" + _probe.Latency.Report() + "\n" + _probe.Duration.Report();
        }

        private void Begin(int periodMicros)
        {
            _schedule.Start(_clock.NowMicros, periodMicros, 1);
            _periodMicros = periodMicros;
            _running = true;
        }
    }
}
