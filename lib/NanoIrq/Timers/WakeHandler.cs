namespace NanoIrq
{
    /// <summary>Called by an <see cref="IWakeSource"/> when its delay has elapsed, typically <c>IrqDispatcher.Wake</c>.</summary>
    public delegate void WakeHandler();
}
