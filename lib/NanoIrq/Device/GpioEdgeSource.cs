using System;
using System.Device.Gpio;

namespace NanoIrq
{
    /// <summary>
    /// Edges from stock nanoFramework firmware: wraps <see cref="GpioPin.ValueChanged"/> and posts one
    /// <see cref="EdgeRecord"/> per event to the dispatcher. Device only.
    /// </summary>
    /// <remarks>
    /// <para><b>Late stamps.</b> Each edge is stamped with the injected clock when the event reaches managed code, and
    /// marked <see cref="EdgeRecord.StampIsLate"/> = true: the native GPIO driver records the interrupt time, but
    /// nanoFramework's <c>PinValueChangedEventArgs</c> carries only the change type and pin number, so that time is lost
    /// before C# runs. The stamp is therefore late by the event queue's latency (typically tens of µs to a few ms when
    /// the CLR is busy or collecting garbage); intervals between edges are only as good as that. For interrupt-time
    /// stamps use a native capture source (<see cref="IrqDispatcher.PostBatch"/>).</para>
    /// <para><b>Loss.</b> The native queue in front of this adapter drops its oldest event silently when full (128 events
    /// on ESP32, 64 on RP2040); such losses cannot be seen here. Losses after it (a full dispatcher ring) are counted per
    /// pin. Native <see cref="GpioPin.DebounceTimeout"/> is left at zero: debounce with an <see cref="IEdgeFilter"/>.</para>
    /// <para><see cref="SupportsHardActions"/> is false. Pins 0 to <see cref="IrqDispatcher.MaxPin"/>.</para>
    /// </remarks>
    public sealed class GpioEdgeSource : IEdgeSource, IDisposable
    {
        private readonly IrqDispatcher _dispatcher;
        private readonly GpioController _controller;
        private readonly GpioPin[] _pins = new GpioPin[IrqDispatcher.MaxPin + 1];
        private readonly uint[] _sequences = new uint[IrqDispatcher.MaxPin + 1];
        private readonly PinValueChangedEventHandler _onChanged;
        private bool _deliverOnEventThread;

        /// <summary>Creates a source on <paramref name="controller"/> posting to <paramref name="dispatcher"/>, stamping with its clock.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public GpioEdgeSource(IrqDispatcher dispatcher, GpioController controller)
        {
            if (dispatcher == null)
            {
                throw new ArgumentNullException("dispatcher");
            }

            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _dispatcher = dispatcher;
            _controller = controller;
            _onChanged = OnValueChanged;
        }

        /// <inheritdoc />
        public string Name
        {
            get { return "gpio"; }
        }

        /// <inheritdoc />
        public IrqDispatcher Dispatcher
        {
            get { return _dispatcher; }
        }

        /// <summary>
        /// False (the default): edges are posted and the dispatcher's thread (<see cref="IrqDispatcher.Start"/>) or your loop
        /// delivers them. True: each edge is also delivered at once on nanoFramework's GPIO event thread, the thread that runs
        /// <see cref="GpioPin.ValueChanged"/> (<see cref="IrqDispatcher.Poll"/> right after the post), which saves the hand-off
        /// to the dispatcher thread.
        /// </summary>
        /// <remarks>
        /// <para>Measured on an emulated Pico (stock PICO_RP2040 nanoCLR, docs/picoemu.md): 2,309 µs to 2,144 µs from edge
        /// to handler output (median), 138,698 to 125,606 instructions per edge. Handlers then run on the event thread, one
        /// at a time as always (the dispatch gate), and delay the next GPIO event while they run; a poll refused because a
        /// <see cref="CriticalSection"/> is held leaves the edge queued for the next one. Filter timeouts, level repeats and
        /// timers still need the dispatcher thread or your own <see cref="IrqDispatcher.Poll"/>: both can run alongside.</para>
        /// </remarks>
        public bool DeliverOnEventThread
        {
            get { return _deliverOnEventThread; }
            set { _deliverOnEventThread = value; }
        }

        /// <summary>False: stock firmware runs no managed code at interrupt time.</summary>
        public bool SupportsHardActions
        {
            get { return false; }
        }

        /// <summary>Opens <paramref name="pin"/> as an input with <paramref name="pull"/> and subscribes to its edges.</summary>
        /// <exception cref="ArgumentException">The pin is already open in this source, or the controller refuses the mode.</exception>
        public void OpenInput(int pin, PinPull pull)
        {
            IrqDispatcher.CheckPinNumber(pin, "pin");
            if (_pins[pin] != null)
            {
                throw new ArgumentException("gpio: GPIO " + pin.ToString() + " is already open.", "pin");
            }

            PinMode mode = pull == PinPull.Up ? PinMode.InputPullUp : (pull == PinPull.Down ? PinMode.InputPullDown : PinMode.Input);
            if (!_controller.IsPinModeSupported(pin, mode))
            {
                throw new ArgumentException("gpio: GPIO " + pin.ToString() + " does not support this input mode on this target.", "pull");
            }

            GpioPin gpio = _controller.OpenPin(pin, mode);
            _sequences[pin] = 0;
            _pins[pin] = gpio;
            gpio.ValueChanged += _onChanged;
        }

        /// <inheritdoc />
        public void CloseInput(int pin)
        {
            if (pin < 0 || pin > IrqDispatcher.MaxPin)
            {
                return;
            }

            GpioPin gpio = _pins[pin];
            if (gpio == null)
            {
                return;
            }

            _pins[pin] = null;
            gpio.ValueChanged -= _onChanged;
            _controller.ClosePin(pin);
        }

        /// <inheritdoc />
        public bool ReadLevel(int pin)
        {
            IrqDispatcher.CheckPinNumber(pin, "pin");
            GpioPin gpio = _pins[pin];
            PinValue value = gpio != null ? gpio.Read() : _controller.Read(pin);
            return value.Equals(PinValue.High);
        }

        /// <summary>Closes every pin this source opened.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                CloseInput(i);
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            uint now = _dispatcher.Clock.NowMicros;
            int pin = e.PinNumber;
            if (pin < 0 || pin > IrqDispatcher.MaxPin || _pins[pin] == null)
            {
                return;
            }

            uint sequence = unchecked(_sequences[pin] + 1);
            _sequences[pin] = sequence;
            if (_dispatcher.Post(pin, e.ChangeType == PinEventTypes.Rising, now, sequence, true) && _deliverOnEventThread)
            {
                _dispatcher.Poll();
            }
        }
    }
}
