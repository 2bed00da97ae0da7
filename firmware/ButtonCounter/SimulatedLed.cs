namespace NanoIrq.ButtonCounter
{
    /// <summary>Called when a <see cref="SimulatedLed"/> changes state.</summary>
    /// <param name="on">The new state: <c>true</c> lit.</param>
    public delegate void LedChangedHandler(bool on);

    /// <summary>
    /// An LED with no hardware behind it: remembers its state and counts how often it changed, for the
    /// simulator (terminal display, VCD export) and the tests.
    /// </summary>
    public sealed class SimulatedLed : ILed
    {
        private bool _on;
        private int _changes;
        private int _lightings;

        /// <summary>Raised after every write that changes the state (not on rewrites of the same state).</summary>
        public event LedChangedHandler Changed;

        /// <inheritdoc />
        public bool IsOn
        {
            get { return _on; }
        }

        /// <summary>Number of state changes since construction (off to on and on to off).</summary>
        public int Changes
        {
            get { return _changes; }
        }

        /// <summary>Number of off-to-on changes since construction: how many times a person saw it light up.</summary>
        public int Lightings
        {
            get { return _lightings; }
        }

        /// <inheritdoc />
        public void Write(bool on)
        {
            if (on == _on)
            {
                return;
            }

            _on = on;
            _changes++;
            if (on)
            {
                _lightings++;
            }

            LedChangedHandler handler = Changed;
            if (handler != null)
            {
                handler(on);
            }
        }
    }
}
