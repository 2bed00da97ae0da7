namespace NanoIrq
{
    /// <summary>What <see cref="IrqOptions.Hard"/> does inside the interrupt (native capture module only).</summary>
    public enum IrqHardAction
    {
        /// <summary>Nothing (disarmed).</summary>
        None = 0,

        /// <summary>Count the selected edges in native code (read back with the source's counters, e.g. NativePinCounters.Hard).</summary>
        Count = 1,

        /// <summary>Count and toggle <see cref="IrqOptions.HardOutputPin"/> within the interrupt.</summary>
        Toggle = 2,
    }
}
