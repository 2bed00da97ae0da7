namespace NanoIrq
{
    /// <summary>
    /// An interrupt callback: <paramref name="irq"/> is the Irq that fired (read <see cref="Irq.Flags"/> for why),
    /// <paramref name="edge"/> the edge with its level, µs time stamp and per-pin sequence number.
    /// </summary>
    /// <remarks>Runs on the dispatcher thread (or the thread calling <see cref="IrqDispatcher.Poll"/>), one call at a
    /// time across all pins, never while the dispatcher's <c>CriticalSection</c> is held. An exception thrown here is
    /// recorded in <see cref="IrqDispatcher.Faults"/> and disables this Irq unless
    /// <see cref="IrqOptions.KeepEnabledOnFault"/> is set. <paramref name="edge"/> is lent for the call: the dispatcher
    /// refills the same record with the next edge, so copy what you keep (<see cref="EdgeRecord.CopyFrom"/> into a
    /// record of your own). Handing it over costs nothing, also on the nanoFramework interpreter.</remarks>
    public delegate void IrqHandler(Irq irq, EdgeRecord edge);
}
