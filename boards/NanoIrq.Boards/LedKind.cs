namespace NanoIrq.Boards
{
    /// <summary>What the board's on-board LED is, which decides whether the demo can blink it with a plain GPIO write.</summary>
    public enum LedKind
    {
        /// <summary>No user LED on the board (a power LED does not count): the demo uses an external LED.</summary>
        None = 0,

        /// <summary>A plain LED on a GPIO: writing the active level lights it.</summary>
        Gpio = 1,

        /// <summary>
        /// An addressable RGB LED (WS2812 / SK68xx type) on a GPIO: it needs a timed serial protocol
        /// (about 800 kbit/s), so a plain high/low write does not light it. The demo uses an external LED.
        /// </summary>
        AddressableRgb = 2,

        /// <summary>
        /// The LED hangs off another chip (the CYW43439 wireless chip on the Pico W and Pico 2 W): it has no
        /// microcontroller GPIO number at all. The demo uses an external LED.
        /// </summary>
        WirelessChip = 3,
    }
}
