using System;

namespace NanoIrq
{
    /// <summary>
    /// A one-shot wake-up at a chosen delay: what makes a <see cref="TimerIrq"/> fire on time on a device
    /// instead of at the dispatcher's next idle timeout. The source calls its <see cref="WakeHandler"/>
    /// (usually <c>IrqDispatcher.Wake</c>) once the delay has elapsed; the dispatcher then polls and
    /// services the due timer.
    /// </summary>
    /// <remarks>
    /// Implementations: <c>Esp32TimerSource</c> (ESP32 high-resolution timer, 1 µs resolution, delivered
    /// through the managed event queue), <see cref="SystemTimerSource"/> (<c>System.Threading.Timer</c>,
    /// 1 ms resolution, any target and the host). <see cref="WakeAfter"/> must not allocate after
    /// construction: it is called on every timer fire.
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
