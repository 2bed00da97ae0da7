using System;
using NanoIrq.Boards;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The ButtonCounter demo put together on one board: the board's demo button opened as an <see cref="IrqPin"/>
    /// (checked by the profile), the <see cref="CounterButton"/> chain (20 ms quiet-time debouncer, then gestures)
    /// as the filter of a both-edge <see cref="Irq"/>, and the <see cref="ButtonCounterApp"/> driving the LED, whose
    /// blink-out steps run from a one-shot <see cref="TimerIrq"/> on the source's dispatcher.
    /// </summary>
    /// <remarks>
    /// <para>The device's <c>Program.Main</c>, the simulator (<c>nanoirq demo</c>) and the device tests build the demo
    /// through this one class; only the edge source, the clock and the LED differ:</para>
    /// <code>
    /// BoardProfile board = BoardCatalog.Find("esp32-devkitc");
    /// board.ValidateOutput(board.Demo.LedPin);                                // before the LED pin is opened
    /// ILed led = new GpioLed(controller, board.Demo.LedPin, board.Demo.LedActiveHigh);
    /// ButtonCounterSetup demo = new ButtonCounterSetup(source, board, led, OnDebouncedEdge);
    /// source.Dispatcher.Start();
    /// </code>
    /// <para>The button's level when its pin opens is the debouncer's starting level (high: released).
    /// Construction allocates; nothing on the edge path does.</para>
    /// </remarks>
    public sealed class ButtonCounterSetup
    {
        private readonly BoardProfile _board;
        private readonly ButtonCounterApp _app;
        private readonly IrqPin _pin;
        private readonly CounterButton _button;
        private readonly Irq _irq;
        private readonly IClock _clock;
        private readonly TimerIrq _blinkTimer;

        /// <summary>
        /// Opens <paramref name="board"/>'s demo button on <paramref name="source"/> and wires the demo to
        /// <paramref name="led"/>; <paramref name="onDebouncedEdge"/> receives every debounced edge (press and release).
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="board"/> has no demo pins (<see cref="BoardProfile.WithDemoPins"/> was never called).</exception>
        /// <exception cref="PinNotUsableException">The profile refuses the button pin.</exception>
        public ButtonCounterSetup(IEdgeSource source, BoardProfile board, ILed led, IrqHandler onDebouncedEdge)
            : this(source, board, led, onDebouncedEdge, null)
        {
        }

        /// <summary>
        /// The same with <paramref name="debouncer"/> in front of the gestures instead of the default 20 ms quiet-time
        /// debouncer (null: the default, started at the button's level when its pin opens).
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument other than <paramref name="debouncer"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="board"/> has no demo pins.</exception>
        /// <exception cref="PinNotUsableException">The profile refuses the button pin.</exception>
        public ButtonCounterSetup(IEdgeSource source, BoardProfile board, ILed led, IrqHandler onDebouncedEdge, IEdgeFilter debouncer)
        {
            if (source == null)
            {
                throw new ArgumentNullException("source");
            }

            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            if (led == null)
            {
                throw new ArgumentNullException("led");
            }

            if (onDebouncedEdge == null)
            {
                throw new ArgumentNullException("onDebouncedEdge");
            }

            DemoWiring wiring = board.Demo;
            if (wiring == null)
            {
                throw new ArgumentException("has no demo pins: call WithDemoPins(button, led, activeHigh) on the profile of " + board.Name + ".", "board");
            }

            _board = board;
            _app = new ButtonCounterApp(led);
            _pin = new IrqPin(source, board, wiring.ButtonPin, wiring.ButtonPull, wiring.ButtonActiveLow);
            _button = debouncer == null ? new CounterButton(_app, _pin.Level) : new CounterButton(_app, debouncer);
            IrqOptions options = new IrqOptions();
            options.Filter = _button.Filter;
            _irq = _pin.Irq(onDebouncedEdge, IrqTrigger.Both, options);
            _clock = source.Dispatcher.Clock;
            _blinkTimer = new TimerIrq(_clock, OnBlinkTimer, "blink-out");
            source.Dispatcher.Attach(_blinkTimer);
            _app.Changed += OnAppChanged;
        }

        /// <summary>The board the demo runs on.</summary>
        public BoardProfile Board
        {
            get { return _board; }
        }

        /// <summary>The demo's button and LED pins on that board.</summary>
        public DemoWiring Wiring
        {
            get { return _board.Demo; }
        }

        /// <summary>The application: count, LED state, resets, blink-outs.</summary>
        public ButtonCounterApp App
        {
            get { return _app; }
        }

        /// <summary>The button's pin.</summary>
        public IrqPin Pin
        {
            get { return _pin; }
        }

        /// <summary>The debounce and gesture stages between the raw edges and the Irq handler.</summary>
        public CounterButton Button
        {
            get { return _button; }
        }

        /// <summary>The button's Irq: its counters are the raw, filtered, delivered and dropped edges.</summary>
        public Irq Irq
        {
            get { return _irq; }
        }

        /// <summary>The one-shot timer that runs the blink-out's steps, re-armed for each step.</summary>
        public TimerIrq BlinkTimer
        {
            get { return _blinkTimer; }
        }

        private void OnAppChanged(ButtonCounterApp app, CounterChange change, uint nowMicros)
        {
            if (change == CounterChange.BlinkOutStarted)
            {
                ArmBlinkTimer(_clock.NowMicros);
            }
        }

        private void OnBlinkTimer(TimerIrq timer)
        {
            uint now = _clock.NowMicros;
            _app.Service(now);
            ArmBlinkTimer(now);
        }

        // The next step's deadline as a one-shot delay (at least 1 µs; the steps keep their own schedule).
        private void ArmBlinkTimer(uint nowMicros)
        {
            uint due;
            if (_app.TryGetDeadline(out due))
            {
                int wait = Ticks.Diff(due, nowMicros);
                _blinkTimer.StartOneShot(wait < 1 ? 1 : wait);
            }
        }
    }
}
