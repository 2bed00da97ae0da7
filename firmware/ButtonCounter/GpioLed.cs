using System;
using System.Device.Gpio;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The LED on a real GPIO (device only): opens the pin as an output and translates lit/dark into the
    /// board's active level (lit on high for most boards; lit on low where the LED goes to 3V3).
    /// </summary>
    public sealed class GpioLed : ILed, IDisposable
    {
        private readonly GpioPin _pin;
        private readonly bool _activeHigh;
        private bool _on;

        /// <summary>Opens <paramref name="pin"/> on <paramref name="controller"/> as an output, dark.</summary>
        /// <param name="controller">The GPIO controller.</param>
        /// <param name="pin">GPIO number of the LED (from the board profile).</param>
        /// <param name="activeHigh">True when the LED lights with the pin high.</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        public GpioLed(GpioController controller, int pin, bool activeHigh)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _activeHigh = activeHigh;
            _pin = controller.OpenPin(pin, PinMode.Output);
            _pin.Write(activeHigh ? PinValue.Low : PinValue.High);
        }

        /// <inheritdoc />
        public bool IsOn
        {
            get { return _on; }
        }

        /// <inheritdoc />
        public void Write(bool on)
        {
            _on = on;
            _pin.Write(on == _activeHigh ? PinValue.High : PinValue.Low);
        }

        /// <summary>Darkens the LED and releases the pin; safe to call twice.</summary>
        public void Dispose()
        {
            if (_on)
            {
                Write(false);
            }

            _pin.Dispose();
        }
    }
}
