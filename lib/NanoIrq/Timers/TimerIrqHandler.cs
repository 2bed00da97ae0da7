namespace NanoIrq
{
    /// <summary>
    /// The callback of a <see cref="TimerIrq"/>: runs on the dispatcher thread each time the timer fires.
    /// May be a static method, a lambda or a method bound to an object (one object driving several LEDs
    /// from several timers). The <paramref name="timer"/> argument is the timer that fired, so one method
    /// can serve several timers, and the callback may call <see cref="TimerIrq.Stop"/>, a Start method or
    /// <see cref="TimerIrq.Rearm"/> on it.
    /// </summary>
    public delegate void TimerIrqHandler(TimerIrq timer);
}
