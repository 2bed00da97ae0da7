using System;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The ButtonCounter demo's behaviour, free of hardware: the same object runs on the board and in the
    /// simulator. Each debounced press adds 1 to <see cref="Count"/> and toggles the LED; a long press sets
    /// the count back to 0 and darkens the LED; a double click blinks the count out on the LED.
    /// </summary>
    /// <remarks>
    /// <para>Inputs are gesture calls (<see cref="OnPress"/>, <see cref="OnLongPress"/>,
    /// <see cref="OnMultiClick"/>) made by the button wiring on the dispatcher thread, with the time of
    /// the gesture in µs. Time-driven work (the blink-out) is asked for by <see cref="TryGetDeadline"/> and run by
    /// <see cref="Service"/> (the demo's <c>ButtonCounterSetup</c> calls it from a one-shot <see cref="TimerIrq"/>);
    /// it never sleeps.</para>
    /// <para>A long press is also a press: the press is counted first (Count + 1, LED toggled), then the
    /// long press resets. <see cref="TotalPresses"/> is never reset, so it equals the number of physical
    /// presses when debouncing works. A press during a blink-out cancels it and shows the toggled state.
    /// A double click blinks the count after both of its presses were counted (a count of 5 before the
    /// double click blinks 7).</para>
    /// </remarks>
    public sealed class ButtonCounterApp
    {
        private readonly ILed _led;
        private readonly BlinkOut _blink;
        private bool _toggled;
        private int _count;
        private int _totalPresses;
        private int _resets;
        private int _blinkOuts;

        /// <summary>Creates the application driving <paramref name="led"/> with the default blink-out timing (see <see cref="BlinkOut"/>); the LED starts dark.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="led"/> is null.</exception>
        public ButtonCounterApp(ILed led) : this(led, null)
        {
        }

        /// <summary>Creates the application driving <paramref name="led"/>, blinking counts out with <paramref name="blinkOut"/>
        /// (which must drive the same LED), or with the default timing when null. The LED starts dark.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="led"/> is null.</exception>
        public ButtonCounterApp(ILed led, BlinkOut blinkOut)
        {
            if (led == null)
            {
                throw new ArgumentNullException("led");
            }

            _led = led;
            _blink = blinkOut == null ? new BlinkOut(led) : blinkOut;
            _led.Write(false);
        }

        /// <summary>Raised after every change (press counted, reset, blink-out started/finished/cancelled), on the caller's thread.</summary>
        public event CounterChangedHandler Changed;

        /// <summary>Presses counted since start or since the last long press (the number a double click blinks out).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Every debounced press since start, long presses included; never reset.</summary>
        public int TotalPresses
        {
            get { return _totalPresses; }
        }

        /// <summary>Number of long presses (each reset the count).</summary>
        public int Resets
        {
            get { return _resets; }
        }

        /// <summary>Number of blink-outs started by double clicks.</summary>
        public int BlinkOuts
        {
            get { return _blinkOuts; }
        }

        /// <summary>The state presses toggle: what the LED shows whenever no blink-out is running. Starts false (dark).</summary>
        public bool ToggleState
        {
            get { return _toggled; }
        }

        /// <summary>What the LED shows right now (during a blink-out it follows the pattern).</summary>
        public bool LedOn
        {
            get { return _led.IsOn; }
        }

        /// <summary>True while a count is being blinked out.</summary>
        public bool IsBlinking
        {
            get { return _blink.IsActive; }
        }

        /// <summary>The blink-out state machine (for its timing figures).</summary>
        public BlinkOut BlinkOut
        {
            get { return _blink; }
        }

        /// <summary>A debounced press at <paramref name="nowMicros"/>: Count + 1, toggle the LED; cancels a running blink-out.</summary>
        public void OnPress(uint nowMicros)
        {
            _count++;
            _totalPresses++;
            _toggled = !_toggled;
            bool cancelled = _blink.IsActive;
            _blink.Cancel();
            _led.Write(_toggled);
            Raise(CounterChange.Pressed, nowMicros);
            if (cancelled)
            {
                Raise(CounterChange.BlinkOutCancelled, nowMicros);
            }
        }

        /// <summary>A long press began at <paramref name="nowMicros"/>: Count = 0, the LED goes dark, a blink-out stops.</summary>
        public void OnLongPress(uint nowMicros)
        {
            _count = 0;
            _resets++;
            _toggled = false;
            _blink.Cancel();
            _led.Write(false);
            Raise(CounterChange.Reset, nowMicros);
        }

        /// <summary>
        /// A burst of <paramref name="clicks"/> clicks ended at <paramref name="nowMicros"/>: exactly 2 starts blinking
        /// <see cref="Count"/> out (see <see cref="BlinkOut"/> for the timing); other counts do nothing.
        /// </summary>
        public void OnMultiClick(int clicks, uint nowMicros)
        {
            if (clicks != 2)
            {
                return;
            }

            _blinkOuts++;
            _blink.Start(_count > 1000 ? 1000 : _count, nowMicros, _toggled);
            Raise(CounterChange.BlinkOutStarted, nowMicros);
        }

        /// <summary>
        /// Routes one gesture from the button's <see cref="GestureDetector"/>: Press to <see cref="OnPress"/>,
        /// LongPressStart to <see cref="OnLongPress"/>, DoubleClick and MultiClick to <see cref="OnMultiClick"/>;
        /// the other kinds (release, click, long-press end, hold-repeat) change nothing. Matches
        /// <see cref="GestureHandler"/>, so it can be passed to the detector directly.
        /// </summary>
        public void Handle(GestureEvent gesture)
        {
            switch (gesture.Kind)
            {
                case GestureKind.Press:
                    OnPress(gesture.TimeMicros);
                    break;
                case GestureKind.LongPressStart:
                    OnLongPress(gesture.TimeMicros);
                    break;
                case GestureKind.DoubleClick:
                case GestureKind.MultiClick:
                    OnMultiClick(gesture.Count, gesture.TimeMicros);
                    break;
            }
        }

        /// <summary>True and the time of the blink-out's next step (µs, wrapping) while one runs; false otherwise.</summary>
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            return _blink.TryGetDeadline(out deadlineMicros);
        }

        /// <summary>Runs the blink-out steps due at <paramref name="nowMicros"/>; raises BlinkOutFinished when it ends.</summary>
        public void Service(uint nowMicros)
        {
            bool wasActive = _blink.IsActive;
            _blink.Service(nowMicros);
            if (wasActive && !_blink.IsActive)
            {
                Raise(CounterChange.BlinkOutFinished, nowMicros);
            }
        }

        /// <summary>"count 3, LED on" (allocates: for the debug output, not the hot path).</summary>
        public string Describe()
        {
            return "count " + _count.ToString() + ", LED " + (_led.IsOn ? "on" : "off") + (_blink.IsActive ? " (blinking out)" : "");
        }

        private void Raise(CounterChange change, uint nowMicros)
        {
            CounterChangedHandler handler = Changed;
            if (handler != null)
            {
                handler(this, change, nowMicros);
            }
        }
    }
}
