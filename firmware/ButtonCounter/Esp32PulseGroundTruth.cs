using System;
using System.Device.Gpio;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// ESP32 only: counts every edge on the button pin in the pulse-counter hardware (PCNT), independently
    /// of the managed GPIO interrupt path, so the demo can print what really happened next to what the
    /// software saw: if the hardware saw more edges than the Irq's raw-edge counter, edges were lost before
    /// managed code (nanoFramework's native event queue overflowed or merged them).
    /// </summary>
    /// <remarks>
    /// Counts both edges (<see cref="GpioPulsePolarity.Both"/>) with the hardware glitch filter off
    /// (<see cref="GpioPulseCounter.FilterPulses"/> = 0), so a bounce of N transitions counts N. Not
    /// compiled into the Pico build (the RP2040/RP2350 have no PCNT).
    /// </remarks>
    public sealed class Esp32PulseGroundTruth : IDisposable
    {
        private readonly GpioPulseCounter _counter;

        /// <summary>Starts counting edges on GPIO <paramref name="pin"/>.</summary>
        public Esp32PulseGroundTruth(int pin)
        {
            _counter = new GpioPulseCounter(pin, -1);
            _counter.Polarity = GpioPulsePolarity.Both;
            _counter.FilterPulses = 0;
            _counter.Start();
        }

        /// <summary>Edges counted in hardware since start (both directions).</summary>
        public long Edges
        {
            get { return _counter.Read().Count; }
        }

        /// <summary>Stops the counter and releases the unit; safe to call twice.</summary>
        public void Dispose()
        {
            _counter.Dispose();
        }
    }
}
