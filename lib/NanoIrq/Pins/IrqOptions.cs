using System;

namespace NanoIrq
{
    /// <summary>
    /// Settings for <see cref="IrqPin.Irq(IrqHandler, IrqTrigger, IrqOptions)"/>; create one, set what you need,
    /// pass it in. The Irq copies the values when it is created (later changes to this object do not affect it),
    /// except <see cref="Filter"/>, which it keeps and feeds.
    /// </summary>
    public sealed class IrqOptions
    {
        /// <summary>Default period of level-trigger repeats: 10,000 µs (10 ms).</summary>
        public const int DefaultLevelRepeatMicros = 10000;

        /// <summary>Shortest allowed level-trigger repeat: 100 µs.</summary>
        public const int MinLevelRepeatMicros = 100;

        /// <summary>Longest allowed level-trigger repeat: 1,000,000,000 µs (1,000 s), well inside a tick difference.</summary>
        public const int MaxLevelRepeatMicros = 1000000000;

        private int _levelRepeatMicros = DefaultLevelRepeatMicros;

        /// <summary>
        /// MicroPython's <c>hard=True</c>: run an action at interrupt time. Managed code never runs in an ISR on
        /// nanoFramework, so a hard action needs the native capture module; every source that cannot do it
        /// (stock GPIO, simulator) refuses with <see cref="NotSupportedException"/>. Default false.
        /// </summary>
        public bool Hard { get; set; }

        /// <summary>
        /// Optional stage (debouncer, glitch filter, gesture chain) between the raw edges and the handler; null
        /// (default) passes every edge. Raw edges go in, only what it emits reaches the trigger test and the handler;
        /// edges it swallows count in <see cref="Irq.Filtered"/>. One filter instance serves one Irq.
        /// </summary>
        public IEdgeFilter Filter { get; set; }

        /// <summary>
        /// When false (default, MicroPython's behaviour) a handler that throws disables its Irq; when true the
        /// fault is recorded and the Irq stays enabled.
        /// </summary>
        public bool KeepEnabledOnFault { get; set; }

        /// <summary>
        /// Period, in µs, of the repeated calls while a level trigger holds; default 10,000 µs, allowed
        /// [100, 1,000,000,000] µs.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is outside [100, 1,000,000,000]; the old value is kept.</exception>
        public int LevelRepeatMicros
        {
            get
            {
                return _levelRepeatMicros;
            }

            set
            {
                if (value < MinLevelRepeatMicros || value > MaxLevelRepeatMicros)
                {
                    throw new ArgumentOutOfRangeException("LevelRepeatMicros", "must be in [100, 1000000000] µs.");
                }

                _levelRepeatMicros = value;
            }
        }
    }
}
