using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// An <see cref="IWakeSource"/> on <c>System.Threading.Timer</c>: the portable choice for RP2040/RP2350
    /// and other nanoFramework targets without a µs hardware timer API, and for the host. Its 1 ms step is also
    /// the step of the dispatcher thread's own wait, so as <see cref="IrqDispatcher.WakeSource"/> it adds
    /// nothing there; it serves a main loop that calls <c>Poll</c> itself (give it a handler that wakes the loop).
    /// </summary>
    /// <remarks>
    /// <para>Resolution 1 ms: delays are rounded up to whole ms by <see cref="Ticks.ToMillisRoundedUp"/> (a 1,500 µs
    /// delay wakes after 2 ms), so a timer never fires early; its lateness is up to 1 ms plus the target's scheduling delay. The callback
    /// runs on a runtime timer thread and only calls the <see cref="WakeHandler"/>.</para>
    /// <para>The handler delegate and the state object are created once; <see cref="WakeAfter"/> only calls
    /// <c>Timer.Change</c>.</para>
    /// </remarks>
    public sealed class SystemTimerSource : IWakeSource
    {
        private readonly WakeHandler _onWake;
        private readonly Timer _timer;
        private bool _disposed;

        /// <summary>Creates an idle source that calls <paramref name="onWake"/> when a delay elapses.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="onWake"/> is null.</exception>
        public SystemTimerSource(WakeHandler onWake)
        {
            if (onWake == null)
            {
                throw new ArgumentNullException("onWake");
            }

            _onWake = onWake;
            _timer = new Timer(Expired, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <inheritdoc />
        public int ResolutionMicros
        {
            get { return 1000; }
        }

        /// <inheritdoc />
        /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
        public void WakeAfter(int delayMicros)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("SystemTimerSource was disposed.");
            }

            _timer.Change(Ticks.ToMillisRoundedUp(delayMicros), Timeout.Infinite);
        }

        /// <inheritdoc />
        public void Cancel()
        {
            if (!_disposed)
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }

        /// <summary>Cancels any pending wake-up and releases the timer.</summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _timer.Dispose();
            }
        }

        private void Expired(object state)
        {
            if (!_disposed)
            {
                _onWake();
            }
        }
    }
}
