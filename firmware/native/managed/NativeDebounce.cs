namespace NanoIrq.Native
{
    /// <summary>
    /// Debounce run by the native module on its dispatcher side, with the semantics of the C#
    /// <c>LockoutDebouncer</c>, <c>QuietTimeDebouncer</c> and <c>GlitchFilter</c> (one window for both levels;
    /// the shared scenario table firmware/native/tests/scenarios/debounce.txt checks both).
    /// </summary>
    public enum NativeDebounce
    {
        /// <summary>Every edge, stamped at interrupt time. Window must be 0.</summary>
        None = 0,

        /// <summary>First edge at once, then ignore for the window; re-sync at the window end.</summary>
        Lockout = 1,

        /// <summary>Accept when the input has had no edge for the window; stamped last edge + window.</summary>
        QuietTime = 2,

        /// <summary>Reject pulses shorter than the window; stamped edge + window.</summary>
        Glitch = 3,
    }

    /// <summary>What the module does inside the interrupt, without the interpreter (MicroPython's hard=True).</summary>
    public enum NativeHardAction
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>Count matching edges (<see cref="NativePinCounters.Hard"/>).</summary>
        Count = 1,

        /// <summary>Count and toggle an output pin.</summary>
        Toggle = 2,
    }

    /// <summary>Which edges trigger a hard action.</summary>
    public enum NativeTrigger
    {
        /// <summary>Low to high.</summary>
        Rising = 1,

        /// <summary>High to low.</summary>
        Falling = 2,

        /// <summary>Both.</summary>
        Both = 3,
    }
}
