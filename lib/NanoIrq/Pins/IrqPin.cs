using System;

namespace NanoIrq
{
    /// <summary>
    /// An input pin that can raise interrupts, MicroPython's <c>Pin(14, Pin.IN, Pin.PULL_UP)</c>: opened on an
    /// <see cref="IEdgeSource"/> by number, or checked first against a board profile (<see cref="IPinValidator"/>).
    /// </summary>
    /// <remarks>
    /// <para>One IrqPin per GPIO number per dispatcher; one <see cref="NanoIrq.Irq"/> per pin at a time. Disposing the
    /// pin disposes its Irq, and disposing the Irq releases the pin; both are safe to repeat.</para>
    /// <para><b>Active-low</b> changes only the logical view (<see cref="Value"/>, <see cref="IsActive"/>): edge records
    /// and triggers stay physical, like MicroPython's <c>Pin</c> (a button to GND with a pull-up is active-low:
    /// pressing it is a <see cref="IrqTrigger.Falling"/> edge, and <see cref="IsActive"/> is true for it).</para>
    /// </remarks>
    public sealed class IrqPin : IDisposable
    {
        private readonly IEdgeSource _source;

        // Serialises arming and disarming of the hard action with Dispose. Lock order: the dispatch gate (Dispose only),
        // this, then the source's own lock. Never held while calling into the dispatcher (whose gate may be held by a
        // handler that disarms here).
        private readonly object _hardGate = new object();
        internal Irq _irq; // read by the dispatcher once per edge
        private bool _open;

        // The interrupt-time action of the current Irq (IrqOptions.Hard), null when it has none. Under _hardGate.
        private IHardActionSource _hardSource;
        private IrqTrigger _hardEdges;
        private IrqHardAction _hardAction;
        private int _hardOutputPin;
        private int _hardLockoutMicros;

        /// <summary>Opens <paramref name="pin"/> as an input without pull, active-high.</summary>
        public IrqPin(IEdgeSource source, int pin)
            : this(source, null, pin, PinPull.None, false)
        {
        }

        /// <summary>Opens <paramref name="pin"/> as an input with <paramref name="pull"/>; <paramref name="activeLow"/> inverts <see cref="Value"/>.</summary>
        public IrqPin(IEdgeSource source, int pin, PinPull pull, bool activeLow)
            : this(source, null, pin, pull, activeLow)
        {
        }

        /// <summary>
        /// Opens <paramref name="pin"/> as an interrupt input after asking <paramref name="board"/> (when not null)
        /// whether it can be an input with <paramref name="pull"/> and raise interrupts.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside [0, <see cref="IrqDispatcher.MaxPin"/>],
        /// or <paramref name="pull"/> is not a <see cref="PinPull"/> value.</exception>
        /// <exception cref="PinNotUsableException">The board refuses the pin (reserved, cannot interrupt, no such pull...).</exception>
        /// <exception cref="ArgumentException">The pin is already open on this dispatcher (message names the GPIO).</exception>
        /// <remarks>On any exception nothing stays claimed: neither the dispatcher slot nor the source pin.</remarks>
        public IrqPin(IEdgeSource source, IPinValidator board, int pin, PinPull pull, bool activeLow)
        {
            if (source == null)
            {
                throw new ArgumentNullException("source");
            }

            IrqDispatcher.CheckPinNumber(pin, "pin");
            if (pull != PinPull.None && pull != PinPull.Up && pull != PinPull.Down)
            {
                throw new ArgumentOutOfRangeException("pull", "must be PinPull.None (0), Up (1) or Down (2).");
            }

            if (board != null)
            {
                board.ValidateInput(pin, pull, true);
                Warning = board.WarningFor(pin);
            }

            _source = source;
            Number = pin;
            Pull = pull;
            ActiveLow = activeLow;
            source.Dispatcher.ClaimPin(this);
            try
            {
                source.OpenInput(pin, pull);
            }
            catch
            {
                source.Dispatcher.ReleasePin(this);
                throw;
            }

            _open = true;
        }

        /// <summary>What the board said about this pin when it was opened (<see cref="IPinValidator.WarningFor"/>), e.g. a
        /// strapping-pin warning; null without a board or when there is nothing to say.</summary>
        public string Warning { get; private set; }

        /// <summary>GPIO number.</summary>
        public int Number { get; private set; }

        /// <summary>Pull resistor asked for at opening.</summary>
        public PinPull Pull { get; private set; }

        /// <summary>True when the pin's active state is low (button to GND with pull-up).</summary>
        public bool ActiveLow { get; private set; }

        /// <summary>The source reporting this pin's edges.</summary>
        public IEdgeSource Source
        {
            get { return _source; }
        }

        /// <summary>The Irq attached now, or null.</summary>
        public Irq CurrentIrq
        {
            get { return _irq; }
        }

        /// <summary>True until <see cref="Dispose"/>.</summary>
        public bool IsOpen
        {
            get { return _open; }
        }

        /// <summary>Physical level now (reads the source): true for high.</summary>
        public bool Level
        {
            get { return _source.ReadLevel(Number); }
        }

        /// <summary>Logical value now: <see cref="Level"/>, inverted when <see cref="ActiveLow"/>.</summary>
        public bool Value
        {
            get { return Level != ActiveLow; }
        }

        /// <summary>True when <paramref name="edge"/> left the pin in its active state (high, or low when active-low).</summary>
        public bool IsActive(EdgeRecord edge)
        {
            return edge._level != ActiveLow;
        }

        /// <summary>Attaches <paramref name="handler"/> for <paramref name="trigger"/> with default options.</summary>
        public Irq Irq(IrqHandler handler, IrqTrigger trigger)
        {
            return Irq(handler, trigger, null);
        }

        /// <summary>Attaches <paramref name="handler"/> on both edges with default options.</summary>
        public Irq Irq(IrqHandler handler)
        {
            return Irq(handler, IrqTrigger.Both, null);
        }

        /// <summary>
        /// Attaches <paramref name="handler"/>, called on the dispatcher thread for <paramref name="trigger"/>
        /// (MicroPython <c>pin.irq(handler, trigger, hard)</c>). The Irq starts enabled.
        /// </summary>
        /// <param name="handler">Called for each selected edge; not null.</param>
        /// <param name="trigger">1 to 15: see <see cref="IrqTrigger"/>.</param>
        /// <param name="options">Null for defaults; values are copied now.</param>
        /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="trigger"/> is outside 1 to 15.</exception>
        /// <exception cref="NotSupportedException"><see cref="IrqOptions.Hard"/> is set and the source cannot run hard actions
        /// (it is not an <see cref="IHardActionSource"/>: stock GPIO, simulator).</exception>
        /// <exception cref="ArgumentException"><see cref="IrqOptions.Hard"/> is set and <paramref name="trigger"/> selects no edge
        /// (level triggers only), or <see cref="IrqHardAction.Toggle"/> has no <see cref="IrqOptions.HardOutputPin"/>; or the source
        /// refuses the hard action (its exception, naming the argument).</exception>
        /// <exception cref="ObjectDisposedException">The pin was disposed.</exception>
        /// <exception cref="InvalidOperationException">The pin already has an Irq: dispose it first.</exception>
        /// <remarks>With <see cref="IrqOptions.Hard"/> the source's interrupt-time action is armed before the Irq exists; on any
        /// exception no Irq is attached and the pin's action is unchanged. Runs under the dispatcher's gate (after the poll in
        /// progress, at once from a handler): of several threads attaching to one pin, one gets the Irq and the others
        /// <see cref="InvalidOperationException"/>; against a racing <see cref="Dispose"/>, either this throws
        /// <see cref="ObjectDisposedException"/> or the returned Irq is disposed with the pin.</remarks>
        public Irq Irq(IrqHandler handler, IrqTrigger trigger, IrqOptions options)
        {
            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            NanoIrq.Irq.CheckTrigger(trigger, "trigger");
            IHardActionSource hard = null;
            if (options != null && options.Hard)
            {
                hard = _source as IHardActionSource;
                if (!_source.SupportsHardActions || hard == null)
                {
                    throw new NotSupportedException("GPIO " + Number.ToString() + ": hard=true needs the native capture module; the " + _source.Name + " source delivers edges to managed code only, never at interrupt time.");
                }
            }

            // Checks, arming and attaching under the dispatch gate, like Dispose: two threads attaching cannot both pass
            // the checks, and a Dispose racing this one either runs first (this throws) or detaches the new Irq.
            lock (_source.Dispatcher.DispatchGate)
            {
                if (!_open)
                {
                    throw new ObjectDisposedException("GPIO " + Number.ToString() + " was closed; open it again.");
                }

                if (_irq != null)
                {
                    throw new InvalidOperationException("GPIO " + Number.ToString() + " already has an Irq; dispose it before attaching another.");
                }

                IrqTrigger edges = (IrqTrigger)((int)trigger & ((int)IrqTrigger.Rising | (int)IrqTrigger.Falling));
                if (hard != null)
                {
                    if ((int)edges == 0)
                    {
                        throw new ArgumentException("GPIO " + Number.ToString() + ": a hard action runs on edges; the trigger must include Rising or Falling.", "trigger");
                    }

                    if (options.HardAction == IrqHardAction.Toggle && options.HardOutputPin < 0)
                    {
                        throw new ArgumentException("GPIO " + Number.ToString() + ": IrqHardAction.Toggle needs IrqOptions.HardOutputPin (a GPIO to toggle).", "options");
                    }

                    hard.SetHardAction(Number, edges, options.HardAction, options.HardOutputPin, options.HardLockoutMicros);
                }

                Irq irq = new Irq(_source.Dispatcher, this, handler, trigger, options, Level);
                try
                {
                    _source.Dispatcher.Register(irq);
                }
                catch
                {
                    if (hard != null)
                    {
                        hard.SetHardAction(Number, edges, IrqHardAction.None, 0, 0);
                    }

                    throw;
                }

                // No handler runs and no Dispose can start while the gate is held, so the Irq is enabled and the pin open.
                lock (_hardGate)
                {
                    if (hard != null)
                    {
                        _hardSource = hard;
                        _hardEdges = edges;
                        _hardAction = options.HardAction;
                        _hardOutputPin = options.HardOutputPin;
                        _hardLockoutMicros = options.HardLockoutMicros;
                    }

                    _irq = irq;
                }

                return irq;
            }
        }

        /// <summary>
        /// Brings the hard action of <paramref name="irq"/> in line with its state: armed when <see cref="NanoIrq.Irq.IsEnabled"/>,
        /// disarmed otherwise, read under the pin's lock so that the last of several racing Enable / Disable / fault calls
        /// decides, whatever the order their source calls would otherwise land in. Does nothing when the Irq has no hard
        /// action, is not this pin's current Irq, or the pin was disposed (a pin reopened meanwhile is another IrqPin).
        /// </summary>
        internal void SyncHardAction(Irq irq)
        {
            lock (_hardGate)
            {
                IHardActionSource hard = _hardSource;
                if (hard == null || irq != _irq || !_open)
                {
                    return;
                }

                if (irq.IsEnabled)
                {
                    hard.SetHardAction(Number, _hardEdges, _hardAction, _hardOutputPin, _hardLockoutMicros);
                }
                else
                {
                    hard.SetHardAction(Number, _hardEdges, IrqHardAction.None, 0, 0);
                }
            }
        }

        /// <summary>Disarms the hard action (if any), detaches the Irq (if any: it is disposed, its queued edges written off),
        /// stops the source reporting the pin and frees the number. Safe to call twice and from several threads, also
        /// together with the Irq's Dispose: one call does the work, under the dispatcher's gate (after the poll in
        /// progress), and every call returns only once it is done, so the GPIO can be opened again at once.</summary>
        public void Dispose()
        {
            // The whole release runs under the dispatch gate (lock order: gate, then the pin's lock, then the registry's):
            // the Irq leaves the dispatcher before the number is freed, so a new Irq on the number starts clean.
            lock (_source.Dispatcher.DispatchGate)
            {
                lock (_hardGate)
                {
                    if (!_open)
                    {
                        return;
                    }

                    _open = false;
                    IHardActionSource hard = _hardSource;
                    _hardSource = null;
                    if (hard != null)
                    {
                        hard.SetHardAction(Number, _hardEdges, IrqHardAction.None, 0, 0);
                    }
                }

                Irq irq = _irq;
                if (irq != null)
                {
                    irq.Detach();
                }

                _source.CloseInput(Number);
                _source.Dispatcher.ReleasePin(this);
            }
        }
    }
}
