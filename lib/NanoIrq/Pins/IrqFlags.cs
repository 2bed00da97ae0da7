using System;

namespace NanoIrq
{
    /// <summary>
    /// Why the handler is being called (MicroPython's <c>irq.flags()</c>): read <see cref="Irq.Flags"/> inside the handler.
    /// </summary>
    /// <remarks>The first four values equal the <see cref="IrqTrigger"/> bits, so <c>(int)flags &amp; (int)trigger</c>
    /// works. An edge that enters a watched level carries both bits (e.g. <c>Rising | HighLevel</c>).</remarks>
    [Flags]
    public enum IrqFlags
    {
        /// <summary>No call has happened yet.</summary>
        None = 0,

        /// <summary>A low-to-high edge selected by <see cref="IrqTrigger.Rising"/>.</summary>
        Rising = 1,

        /// <summary>A high-to-low edge selected by <see cref="IrqTrigger.Falling"/>.</summary>
        Falling = 2,

        /// <summary>The pin entered, or still holds, low (<see cref="IrqTrigger.LowLevel"/>).</summary>
        LowLevel = 4,

        /// <summary>The pin entered, or still holds, high (<see cref="IrqTrigger.HighLevel"/>).</summary>
        HighLevel = 8,

        /// <summary>Called by <see cref="Irq.Invoke"/>, not by the pin.</summary>
        Manual = 16,
    }
}
