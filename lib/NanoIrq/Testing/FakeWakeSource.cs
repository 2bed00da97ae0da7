using System;

namespace NanoIrq.Testing
{
    /// <summary>
    /// An <see cref="IWakeSource"/> for tests and the simulator: it records what it was armed with and wakes only
    /// when the test says so (<see cref="FireIfDue"/>, or <see cref="Fire"/> for a spurious early wake-up), on a
    /// <see cref="FakeClock"/> or any other clock. No thread, no timer, no sleeping.
    /// </summary>
    /// <remarks>
    /// <para>A wake armed at clock time t with delay d is due at t + d rounded up to a whole multiple of
    /// <see cref="ResolutionMicros"/> (as a real source that never wakes early would), or at t for d of 0 or less.
    /// Re-arming replaces the pending wake-up; <see cref="Cancel"/> clears it. Counters: <see cref="Arms"/>,
    /// <see cref="Cancels"/>, <see cref="Fires"/>. Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class FakeWakeSource : IWakeSource
    {
        /// <summary>Largest resolution accepted: 1,000,000 µs (1 s).</summary>
        public const int MaxResolutionMicros = 1000000;

        private readonly IClock _clock;
        private readonly int _resolution;
        private WakeHandler _onWake;
        private bool _pending;
        private int _lastDelay;
        private uint _armedAt;
        private uint _due;
        private int _arms;
        private int _cancels;
        private int _fires;
        private bool _disposed;

        /// <summary>Creates an idle source on <paramref name="clock"/> that calls <paramref name="onWake"/> when fired.</summary>
        /// <param name="clock">The clock that dates arming and due times; not null.</param>
        /// <param name="onWake">Called by <see cref="Fire"/>; null for now, set later with <see cref="Handler"/>.</param>
        /// <param name="resolutionMicros">Step of the simulated source, in [1, <see cref="MaxResolutionMicros"/>] µs (1: µs timer, 1,000: ms timer).</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolutionMicros"/> is outside [1, 1,000,000].</exception>
        public FakeWakeSource(IClock clock, WakeHandler onWake, int resolutionMicros)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (resolutionMicros < 1 || resolutionMicros > MaxResolutionMicros)
            {
                throw new ArgumentOutOfRangeException("resolutionMicros", "must be in [1, 1000000] µs.");
            }

            _clock = clock;
            _onWake = onWake;
            _resolution = resolutionMicros;
        }

        /// <summary>Creates an idle 1 µs source on <paramref name="clock"/> that calls <paramref name="onWake"/> when fired.</summary>
        public FakeWakeSource(IClock clock, WakeHandler onWake)
            : this(clock, onWake, 1)
        {
        }

        /// <summary>The handler <see cref="Fire"/> calls (usually the dispatcher's <c>Wake</c>); null: none.</summary>
        public WakeHandler Handler
        {
            get { return _onWake; }
            set { _onWake = value; }
        }

        /// <inheritdoc />
        public int ResolutionMicros
        {
            get { return _resolution; }
        }

        /// <summary>True from a <see cref="WakeAfter"/> until the wake-up fires or is cancelled.</summary>
        public bool IsPending
        {
            get { return _pending; }
        }

        /// <summary>The delay of the latest <see cref="WakeAfter"/>, in µs, as given (0 before the first).</summary>
        public int LastDelayMicros
        {
            get { return _lastDelay; }
        }

        /// <summary>Clock time of the latest <see cref="WakeAfter"/>, in µs.</summary>
        public uint ArmedAtMicros
        {
            get { return _armedAt; }
        }

        /// <summary>Clock time at which the pending wake-up is due, in µs (meaningful while <see cref="IsPending"/>).</summary>
        public uint DueMicros
        {
            get { return _due; }
        }

        /// <summary>Calls of <see cref="WakeAfter"/> since construction.</summary>
        public int Arms
        {
            get { return _arms; }
        }

        /// <summary>Calls of <see cref="Cancel"/> since construction (whether or not a wake-up was pending).</summary>
        public int Cancels
        {
            get { return _cancels; }
        }

        /// <summary>Wake-ups delivered by <see cref="Fire"/> or <see cref="FireIfDue"/>.</summary>
        public int Fires
        {
            get { return _fires; }
        }

        /// <summary>True once <see cref="Dispose"/> was called.</summary>
        public bool IsDisposed
        {
            get { return _disposed; }
        }

        /// <inheritdoc />
        /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
        public void WakeAfter(int delayMicros)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("FakeWakeSource was disposed.");
            }

            uint now = _clock.NowMicros;
            int steps = 0;
            if (delayMicros > 0)
            {
                steps = delayMicros / _resolution;
                if (delayMicros % _resolution != 0)
                {
                    steps++;
                }
            }

            _lastDelay = delayMicros;
            _armedAt = now;
            _due = unchecked(now + (uint)steps * (uint)_resolution); // up to 2,148 s: wraps like the clock
            _pending = true;
            _arms++;
        }

        /// <inheritdoc />
        public void Cancel()
        {
            _cancels++;
            _pending = false;
        }

        /// <summary>
        /// Delivers the wake-up now, whatever the clock says (before <see cref="DueMicros"/> it is a spurious, early
        /// wake-up): clears <see cref="IsPending"/>, counts it in <see cref="Fires"/>, then calls the handler.
        /// </summary>
        public void Fire()
        {
            _pending = false;
            _fires++;
            WakeHandler handler = _onWake;
            if (handler != null)
            {
                handler();
            }
        }

        /// <summary>Fires when a wake-up is pending and the clock has reached <see cref="DueMicros"/>; returns whether it fired.</summary>
        public bool FireIfDue()
        {
            if (!_pending || Ticks.Diff(_clock.NowMicros, _due) < 0)
            {
                return false;
            }

            Fire();
            return true;
        }

        /// <summary>Cancels any pending wake-up; later <see cref="WakeAfter"/> calls throw.</summary>
        public void Dispose()
        {
            _pending = false;
            _disposed = true;
        }
    }
}
