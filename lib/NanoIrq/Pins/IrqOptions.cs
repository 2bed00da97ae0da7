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

        /// <summary>Longest allowed <see cref="HardLockoutMicros"/>: 10,000,000 µs (10 s).</summary>
        public const int MaxHardLockoutMicros = 10000000;

        private IrqHardAction _hardAction = IrqHardAction.Count;
        private int _hardOutputPin = -1;
        private int _hardLockoutMicros;

        /// <summary>
        /// MicroPython's <c>hard=True</c>: run <see cref="HardAction"/> at interrupt time on the edge triggers given when
        /// the Irq is created (<see cref="IrqTrigger.Rising"/>/<see cref="IrqTrigger.Falling"/>; a trigger with no edge bit is
        /// refused; a later <see cref="Irq.Trigger"/> change does not move the hard action).
        /// Managed code never runs in an ISR on nanoFramework, so a hard action needs the native capture module (a
        /// source implementing <see cref="IHardActionSource"/>); every source that cannot do it (stock GPIO, simulator)
        /// refuses with <see cref="NotSupportedException"/>. The handler still runs afterwards, on the dispatcher thread,
        /// for every edge it selects. The action is armed while the Irq is enabled: <see cref="Irq.Disable"/>, a handler fault that disables the Irq and
        /// <see cref="Irq.Dispose"/> disarm it, <see cref="Irq.Enable"/> arms it again. Default false.
        /// </summary>
        public bool Hard { get; set; }

        /// <summary>What <see cref="Hard"/> does in the interrupt: <see cref="IrqHardAction.Count"/> (default) or
        /// <see cref="IrqHardAction.Toggle"/> of <see cref="HardOutputPin"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Set to a value other than Count (1) or Toggle (2); the old value is kept.</exception>
        public IrqHardAction HardAction
        {
            get
            {
                return _hardAction;
            }

            set
            {
                if (value != IrqHardAction.Count && value != IrqHardAction.Toggle)
                {
                    throw new ArgumentOutOfRangeException("HardAction", "must be IrqHardAction.Count (1) or Toggle (2).");
                }

                _hardAction = value;
            }
        }

        /// <summary>GPIO toggled by <see cref="IrqHardAction.Toggle"/>, [0, <see cref="IrqDispatcher.MaxPin"/>]; -1 (default)
        /// when none. The source checks it further (the native module: [0, 63], an output, not the input pin).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Set outside [-1, <see cref="IrqDispatcher.MaxPin"/>]; the old value is kept.</exception>
        public int HardOutputPin
        {
            get
            {
                return _hardOutputPin;
            }

            set
            {
                if (value < -1 || value > IrqDispatcher.MaxPin)
                {
                    throw new ArgumentOutOfRangeException("HardOutputPin", "must be a GPIO in [0, 127], or -1 for none.");
                }

                _hardOutputPin = value;
            }
        }

        /// <summary>After each hard action, matching edges are ignored by it for this many µs (a debounced toggle in the
        /// interrupt), [0, 10,000,000]; default 0 (every matching edge acts).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 10,000,000]; the old value is kept.</exception>
        public int HardLockoutMicros
        {
            get
            {
                return _hardLockoutMicros;
            }

            set
            {
                if (value < 0 || value > MaxHardLockoutMicros)
                {
                    throw new ArgumentOutOfRangeException("HardLockoutMicros", "must be in [0, 10000000] µs.");
                }

                _hardLockoutMicros = value;
            }
        }

        /// <summary>
        /// Optional stage (debouncer, glitch filter, gesture chain) between the raw edges and the handler; null
        /// (default) passes every edge. Raw edges go in, only what it emits reaches the trigger test and the handler;
        /// edges it swallows count in <see cref="IrqStats.Filtered"/>. One filter instance serves one Irq.
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
