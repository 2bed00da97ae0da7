using System;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The demo's button input, the same on the board and in the simulator: a quiet-time debouncer
    /// followed by a gesture detector whose gestures drive a <see cref="ButtonCounterApp"/>.
    /// </summary>
    /// <remarks>
    /// <para>The button connects its pin to GND and is read with the internal pull-up, so pressed is low
    /// and the line idles high. Raw edges go into <see cref="Filter"/> (give it to
    /// <see cref="IrqOptions.Filter"/>); the debouncer accepts a level once it has been stable for
    /// 20 ms (<see cref="DebounceDefaults.QuietTimeMicros"/>), which covers the 6.2 ms worst bounce of
    /// Ganssle's survey three times over; the gesture detector uses the <see cref="GestureOptions"/>
    /// defaults (long press 1,000 ms, double-click gap 400 ms). Debounced edges pass through the filter
    /// to the Irq handler; gestures go to <see cref="ButtonCounterApp.Handle"/>.</para>
    /// <para>A press is thus counted 20 ms after the contact settles. Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class CounterButton
    {
        private readonly GestureDetector _gestures;
        private readonly FilterChain _chain;

        /// <summary>Builds the debouncer and gesture stages for <paramref name="app"/>, the button released (line high) at start.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="app"/> is null.</exception>
        public CounterButton(ButtonCounterApp app) : this(app, true)
        {
        }

        /// <summary>
        /// Builds the debouncer and gesture stages for <paramref name="app"/>; <paramref name="initialLevel"/> is the
        /// line's level when the pin is opened (true: high, released; read it from the pin).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="app"/> is null.</exception>
        public CounterButton(ButtonCounterApp app, bool initialLevel)
            : this(app, new QuietTimeDebouncer(initialLevel))
        {
        }

        /// <summary>
        /// Builds the gesture stage for <paramref name="app"/> behind <paramref name="debouncer"/>, another debounce
        /// stage than the default (a lockout, a press/release quiet-time pair, a glitch filter in front: what
        /// <c>nanoirq calibrate</c> recommends for your switch).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="app"/> or <paramref name="debouncer"/> is null.</exception>
        public CounterButton(ButtonCounterApp app, IEdgeFilter debouncer)
        {
            if (app == null)
            {
                throw new ArgumentNullException("app");
            }

            if (debouncer == null)
            {
                throw new ArgumentNullException("debouncer");
            }

            _gestures = new GestureDetector(true, new GestureHandler(app.Handle));
            _chain = new FilterChain(debouncer, _gestures);
        }

        /// <summary>The stage to put between the raw edges and the Irq handler (debouncer, then gestures).</summary>
        public IEdgeFilter Filter
        {
            get { return _chain; }
        }
    }
}
