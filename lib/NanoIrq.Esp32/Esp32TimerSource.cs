using System;
using nanoFramework.Hardware.Esp32;

namespace NanoIrq
{
    /// <summary>
    /// An <see cref="IWakeSource"/> on the ESP32 high-resolution timer (esp_timer): a wake-up armed to the µs for
    /// <see cref="IrqDispatcher.WakeSource"/> on ESP32, S2, S3, C3 and C6 (<c>d.WakeSource = new
    /// Esp32TimerSource(d.Wake)</c>). Device only. On the stock firmware it is delivered on the 10 ms RTOS tick:
    /// see below.
    /// </summary>
    /// <remarks>
    /// <para><b>Resolution and path.</b> The hardware counts 1 µs and the native timer fires at the requested
    /// µs, but nanoFramework does not run managed code there: the native callback posts an event
    /// (category "high resolution timer") to the runtime's event queue and the managed
    /// <c>OnHighResTimerExpired</c> handler runs later on the event thread, which then calls the
    /// <see cref="WakeHandler"/> (the dispatcher's <c>Wake</c>), and the dispatcher thread runs the timer's
    /// handler.</para>
    /// <para><b>No sub-ms wake-ups on the stock firmware.</b> When every managed thread waits, the ESP32 runtime
    /// looks for posted events once per FreeRTOS tick (its idle loop, <c>Events_WaitForEvents</c> in
    /// nf-interpreter targets/ESP32/_nanoCLR/targetPAL_Events.cpp, calls <c>vTaskDelay(1)</c> between checks, and
    /// <c>CPU_Sleep</c> is empty), and the firmware runs FreeRTOS at 100 Hz (ESP-IDF's default; its tick-to-time
    /// conversion in targets/ESP32/_include/targetHAL_Time.h assumes it). The expiry posted at the exact µs
    /// therefore reaches managed code at the next 10 ms tick, the same grid on which the dispatcher's own
    /// millisecond wait ends: expect lateness of 0 to about 10 ms either way, not µs. Managed threads are also
    /// time-sliced in 20 ms quanta, so a busy thread can add up to that. The source is correct (never early) and
    /// cheap to arm; measure what it gives with <see cref="TimerIrq.Lateness"/> (the TwoLeds sample has a
    /// switch for it, see docs/timers.md).</para>
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
