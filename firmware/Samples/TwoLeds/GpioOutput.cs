using System;
using System.Device.Gpio;

namespace NanoIrq.Samples
{
    /// <summary>
    /// An <see cref="IDigitalOutput"/> on a real GPIO (device only): an LED or a debug pin for a logic
    /// analyser. High drives the pin high; it starts low.
    /// </summary>
    public sealed class GpioOutput : IDigitalOutput, IDisposable
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pin"/> on <paramref name="controller"/> as an output, low.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        public GpioOutput(GpioController controller, int pin)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _pin = controller.OpenPin(pin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>Drives the pin low and releases it.</summary>
        public void Dispose()
        {
            _pin.Write(PinValue.Low);
            _pin.Dispose();
        }
    }
}
