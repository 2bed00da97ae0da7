using System;

namespace NanoIrq
{
    /// <summary>A pin cannot be used the way it was asked for on this board (reserved, input-only, no pull-up, cannot interrupt...).</summary>
    public class PinNotUsableException : ArgumentException
    {
        /// <summary>Creates the exception; the message reads "esp32-devkitc: GPIO 6 cannot be used: reserved for the SPI flash".</summary>
        public PinNotUsableException(string boardName, int pin, string reason)
            : base(boardName + ": GPIO " + pin.ToString() + " cannot be used: " + reason, "pin")
        {
            BoardName = boardName;
            Pin = pin;
            Reason = reason;
        }

        /// <summary>Board short name.</summary>
        public string BoardName { get; private set; }

        /// <summary>The GPIO number refused.</summary>
        public int Pin { get; private set; }

        /// <summary>Why, in words a user can act on.</summary>
        public string Reason { get; private set; }
    }
}
