using System;

namespace NanoIrq
{
    /// <summary>
    /// What makes an <see cref="Irq"/> call its handler; combine with <c>|</c>, like MicroPython's
    /// <c>Pin.IRQ_RISING | Pin.IRQ_FALLING</c>.
    /// </summary>
    /// <remarks>
    /// <para>Valid values are the non-zero combinations of the four bits, 1 to 15; anything else is refused with
    /// <see cref="ArgumentOutOfRangeException"/>. Levels are physical (high = 3V3), whatever the pin's
    /// active-low setting.</para>
    /// <para>Level triggers are emulated (nanoFramework hardware arms edges only): the handler is called once
    /// when the pin enters the level (or at the first dispatch after the Irq is created, enabled or given
    /// the trigger while the pin already holds the level), then again every
    /// <see cref="IrqOptions.LevelRepeatMicros"/> while the level holds. Repeats never pile up: a dispatcher
    /// that ran late makes one call and schedules the next on the original period grid.</para>
    /// </remarks>
    [Flags]
    public enum IrqTrigger
    {
        /// <summary>Low-to-high edge.</summary>
        Rising = 1,

        /// <summary>High-to-low edge.</summary>
        Falling = 2,

        /// <summary>Both edges (Rising | Falling).</summary>
        Both = 3,

        /// <summary>Pin is low: called on entering low, then every LevelRepeatMicros while it stays low.</summary>
        LowLevel = 4,

        /// <summary>Pin is high: called on entering high, then every LevelRepeatMicros while it stays high.</summary>
        HighLevel = 8,
    }
}
