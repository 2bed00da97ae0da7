using System;
using nanoFramework.Hardware.Esp32;

namespace NanoIrq
{
    /// <summary>
    /// An <see cref="IWakeSource"/> on the ESP32 high-resolution timer (esp_timer): µs-resolution wake-ups for
    /// <see cref="TimerIrq"/>s on ESP32, S2, S3, C3 and C6. Device only.
    /// </summary>
    /// <remarks>
    /// <para><b>Resolution and path.</b> The hardware counts 1 µs and the native timer fires at the requested
    /// µs, but nanoFramework does not run managed code there: the native callback posts an event
    /// (category "high resolution timer") to the runtime's event queue and the managed
    /// <c>OnHighResTimerExpired</c> handler runs later on the event thread, which then calls the
    /// <see cref="WakeHandler"/> (the dispatcher's <c>Wake</c>), and the dispatcher thread runs the timer's
    /// handler. The delay of that path is not documented upstream and has not been measured here: measure it
    /// with <see cref="TimerIrq.Lateness"/> (see docs/timers.md). Managed threads are time-sliced in 20 ms
    /// quanta, so a busy thread can add up to that much.</para>
    /// <para><b>Limits.</b> The stock firmware has a table of 10 high-resolution timers in total; each
    /// Esp32TimerSource takes one, so share one source per dispatcher rather than one per timer.</para>
    /// <para><see cref="WakeAfter"/> calls <c>StartOneShot</c> only (which stops a pending shot first) and
    /// allocates nothing.</para>
    /// </remarks>
    public sealed class Esp32TimerSource : IWakeSource
    {
        private readonly WakeHandler _onWake;
        private readonly HighResTimer _timer;
        private bool _disposed;

        /// <summary>Creates an idle source that calls <paramref name="onWake"/> when a delay elapses; takes one of the firmware's 10 high-resolution timers.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="onWake"/> is null.</exception>
        public Esp32TimerSource(WakeHandler onWake)
        {
            if (onWake == null)
            {
                throw new ArgumentNullException("onWake");
            }

            _onWake = onWake;
            _timer = new HighResTimer();
            _timer.OnHighResTimerExpired += Expired;
        }

        /// <inheritdoc />
        public int ResolutionMicros
        {
            get { return 1; }
        }

        /// <inheritdoc />
        /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
        public void WakeAfter(int delayMicros)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("Esp32TimerSource was disposed.");
            }

            _timer.StartOneShot(delayMicros <= 0 ? 1UL : (ulong)delayMicros);
        }

        /// <inheritdoc />
        public void Cancel()
        {
            if (!_disposed)
            {
                _timer.Stop();
            }
        }

        /// <summary>Stops the timer and returns it to the firmware's table.</summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _timer.Stop();
                _timer.Dispose();
            }
        }

        private void Expired(HighResTimer sender, object e)
        {
            if (!_disposed)
            {
                _onWake();
            }
        }
    }
}
