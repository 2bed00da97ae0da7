namespace NanoIrq
{
    /// <summary>
    /// Work the dispatcher runs on its thread besides pin edges: what <see cref="IrqDispatcher.Attach"/> adds
    /// (<see cref="TimerIrq"/>s). Internal: a user's time-driven work runs from a one-shot or periodic TimerIrq.
    /// </summary>
    /// <remarks>
    /// The dispatcher asks <see cref="TryGetDeadline"/> after every change it makes and calls
    /// <see cref="Service"/> once the clock has reached the deadline (never earlier), on the dispatcher
    /// thread, under the same rules as a pin handler: never while a <c>CriticalSection</c> is held, and a
    /// throw is recorded as a fault. A target allocates nothing in either call.
    /// </remarks>
    internal interface IDispatchTarget
    {
        /// <summary>True and the next time <see cref="Service"/> is due (µs, wrapping), or false when idle.</summary>
        bool TryGetDeadline(out uint deadlineMicros);

        /// <summary>Runs what is due at <paramref name="nowMicros"/>.</summary>
        void Service(uint nowMicros);
    }
}
