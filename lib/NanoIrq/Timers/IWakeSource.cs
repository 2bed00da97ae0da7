using System;
using NanoIrq.Testing;

namespace NanoIrq
{
    /// <summary>
    /// A one-shot wake-up at a chosen delay for <see cref="IrqDispatcher.WakeSource"/>: the dispatcher arms it for
    /// its earliest deadline (timer Irqs, filter timeouts) after each poll, and the source calls its
    /// <see cref="WakeHandler"/> (the dispatcher's <c>Wake</c>) once the delay has elapsed, ending the dispatcher
    /// thread's millisecond wait early.
    /// </summary>
    /// <remarks>
    /// <para>Contract: never wake before the delay (round up to the resolution); a wake-up that does come early
    /// is harmless (nothing fires before its deadline; the dispatcher re-arms for the time left).
    /// <see cref="WakeAfter"/> and <see cref="Cancel"/> are called on the dispatching thread and must not
    /// allocate after construction; the handler may be called from any thread.</para>
    /// <para>Implementations: <c>Esp32TimerSource</c> (ESP32 esp_timer, armed to the µs but delivered to managed
    /// code on the 10 ms RTOS tick of the stock firmware), <see cref="SystemTimerSource"/>
    /// (<c>System.Threading.Timer</c>, 1 ms), <see cref="FakeWakeSource"/> (tests: fired by hand). See
    /// docs/timers.md for what each target achieves.</para>
    /// </remarks>
    public interface IWakeSource : IDisposable
    {
        /// <summary>Smallest step the source can resolve, in µs (1 for the ESP32 timer, 1,000 for a ms timer).</summary>
        int ResolutionMicros { get; }

        /// <summary>Arms (or re-arms, replacing a pending wake) one wake-up <paramref name="delayMicros"/> µs from now; 0 or less wakes as soon as possible. A source that resolves ms rounds up, so it never wakes early.</summary>
        void WakeAfter(int delayMicros);

        /// <summary>Cancels a pending wake-up; harmless when none is pending.</summary>
        void Cancel();
    }
}
