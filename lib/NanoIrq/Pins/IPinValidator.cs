namespace NanoIrq
{
    /// <summary>Internal pull resistor asked for when a pin is opened as an input.</summary>
    public enum PinPull
    {
        /// <summary>No internal pull: the circuit drives the pin.</summary>
        None = 0,

        /// <summary>Internal pull-up (button to GND reads low when pressed).</summary>
        Up = 1,

        /// <summary>Internal pull-down (button to 3V3 reads high when pressed).</summary>
        Down = 2,
    }

    /// <summary>
    /// What a board allows on each pin; pin opening asks it before touching hardware, so a wiring
    /// mistake is a clear exception instead of a board that does not boot or a pin that never interrupts.
    /// Board profiles (boards/) implement it.
    /// </summary>
    public interface IPinValidator
    {
        /// <summary>The board's short name, e.g. "esp32-devkitc"; used in error messages.</summary>
        string BoardName { get; }

        /// <summary>Throws <see cref="PinNotUsableException"/> unless <paramref name="pin"/> can be an input with
        /// <paramref name="pull"/>, and, when <paramref name="interrupt"/> is true, raise interrupts.</summary>
        void ValidateInput(int pin, PinPull pull, bool interrupt);

        /// <summary>Throws <see cref="PinNotUsableException"/> unless <paramref name="pin"/> can drive an output.</summary>
        void ValidateOutput(int pin);

        /// <summary>
        /// The warning channel: what the user should know about a pin that is allowed but risky (a strapping pin that
        /// changes the boot mode if held at the wrong level, an on-board LED on the line, a USB pin...), as one line of
        /// text; null when there is nothing to say or the pin does not exist. Never throws for any int.
        /// <see cref="IrqPin"/> keeps it in <see cref="IrqPin.Warning"/> when it opens the pin.
        /// </summary>
        string WarningFor(int pin);
    }
}
