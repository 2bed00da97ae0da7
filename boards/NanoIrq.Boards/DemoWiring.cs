namespace NanoIrq.Boards
{
    /// <summary>
    /// Where the ButtonCounter demo expects its button and LED on one board: the button switches the pin to
    /// GND and is read with the internal pull-up (pressed = low); the LED is driven high or low as stated.
    /// </summary>
    public sealed class DemoWiring
    {
        /// <summary>Creates the wiring record (normally made by <see cref="BoardProfile.WithDemoPins"/>).</summary>
        public DemoWiring(int buttonPin, bool buttonOnBoard, int ledPin, bool ledActiveHigh, bool ledOnBoard)
        {
            ButtonPin = buttonPin;
            ButtonOnBoard = buttonOnBoard;
            LedPin = ledPin;
            LedActiveHigh = ledActiveHigh;
            LedOnBoard = ledOnBoard;
        }

        /// <summary>GPIO number of the demo's button.</summary>
        public int ButtonPin { get; private set; }

        /// <summary>Pull to ask for on the button pin: always <see cref="PinPull.Up"/> (button to GND).</summary>
        public PinPull ButtonPull
        {
            get { return PinPull.Up; }
        }

        /// <summary>True: a pressed button reads low (it connects the pin to GND).</summary>
        public bool ButtonActiveLow
        {
            get { return true; }
        }

        /// <summary>True when the button is the board's own button (nothing to wire); false for an external push button to GND.</summary>
        public bool ButtonOnBoard { get; private set; }

        /// <summary>GPIO number of the demo's LED.</summary>
        public int LedPin { get; private set; }

        /// <summary>True when writing high lights the LED (LED and resistor from the pin to GND).</summary>
        public bool LedActiveHigh { get; private set; }

        /// <summary>True when the LED is the board's own plain LED; false for an external LED with a series resistor (e.g. 330 Ω).</summary>
        public bool LedOnBoard { get; private set; }

        /// <summary>One line for people, e.g. "button GPIO 0 (on-board, to GND, pull-up), LED GPIO 4 (external LED + 330 Ω resistor to GND, active high)".</summary>
        public override string ToString()
        {
            string button = "button GPIO " + ButtonPin.ToString() + (ButtonOnBoard ? " (on-board, to GND, pull-up)" : " (external push button to GND, pull-up)");
            string led = "LED GPIO " + LedPin.ToString() + (LedOnBoard ? " (on-board" : (LedActiveHigh ? " (external LED + 330 Ω resistor to GND" : " (external LED + 330 Ω resistor to 3V3"));
            led = led + (LedActiveHigh ? ", active high)" : ", active low)");
            return button + ", " + led;
        }
    }
}
