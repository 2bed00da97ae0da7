namespace NanoIrq.ButtonCounter
{
    /// <summary>What just happened in a <see cref="ButtonCounterApp"/>; passed to <see cref="CounterChangedHandler"/>.</summary>
    public enum CounterChange
    {
        /// <summary>A debounced press was counted and the LED toggled (unless a blink-out is showing).</summary>
        Pressed = 0,

        /// <summary>A long press set the count back to 0 and darkened the LED.</summary>
        Reset = 1,

        /// <summary>A double click started blinking the count out.</summary>
        BlinkOutStarted = 2,

        /// <summary>The blink-out ended and the LED shows the press-toggled state again.</summary>
        BlinkOutFinished = 3,

        /// <summary>A press interrupted the blink-out before its end.</summary>
        BlinkOutCancelled = 4,
    }

    /// <summary>Receives every change of a <see cref="ButtonCounterApp"/>, on the dispatcher thread.</summary>
    /// <param name="app">The application that changed (read its <see cref="ButtonCounterApp.Count"/>, LED state...).</param>
    /// <param name="change">What happened.</param>
    /// <param name="nowMicros">When, in µs on the application's clock.</param>
    public delegate void CounterChangedHandler(ButtonCounterApp app, CounterChange change, uint nowMicros);
}
