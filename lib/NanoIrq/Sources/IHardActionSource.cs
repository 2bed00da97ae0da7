namespace NanoIrq
{
    /// <summary>
    /// An <see cref="IEdgeSource"/> that can run an action at interrupt time, without managed code (MicroPython's
    /// <c>hard=True</c>): only the native capture module (<c>NanoIrq.Native.NativeEdgeSource</c>) implements it.
    /// <see cref="IrqPin.Irq(IrqHandler, IrqTrigger, IrqOptions)"/> arms it for <see cref="IrqOptions.Hard"/> and disarms
    /// it when the Irq is disabled or disposed; user code does not call it.
    /// </summary>
    public interface IHardActionSource
    {
        /// <summary>
        /// Replaces the interrupt-time action of the open <paramref name="pin"/>: <paramref name="action"/> on the
        /// <paramref name="trigger"/> (<see cref="IrqTrigger.Rising"/>, <see cref="IrqTrigger.Falling"/> or both; level bits are
        /// not allowed), toggling <paramref name="outputPin"/> for <see cref="IrqHardAction.Toggle"/>, then ignoring
        /// matching edges for <paramref name="lockoutMicros"/> µs ([0, 10,000,000]). <see cref="IrqHardAction.None"/>
        /// disarms (the other arguments are then ignored). The change is atomic with respect to the interrupt.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A number is out of its range (the message names it), or
        /// <paramref name="pin"/> is not open on this source.</exception>
        /// <exception cref="System.ArgumentException">The output pin is unusable (the input itself, not an output).</exception>
        /// <remarks>On any exception the pin keeps its previous action.</remarks>
        void SetHardAction(int pin, IrqTrigger trigger, IrqHardAction action, int outputPin, int lockoutMicros);
    }
}
