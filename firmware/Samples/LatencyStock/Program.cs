using System;
using System.Device.Gpio;
using System.Threading;

namespace NanoIrq.Samples
{
    /// <summary>
    /// Latency baseline on stock nanoFramework, without NanoIrq: the time from an edge on GP14 to the change of GP15
    /// made by a <see cref="GpioPin.ValueChanged"/> handler. GP14 is an input with pull-up; on each of its edges (both
    /// directions) the handler toggles GP15, an output that starts low. Prints one line when ready:
    /// <c>LatencyStock: GP14 ValueChanged toggles GP15</c>.
    /// </summary>
    /// <remarks>
    /// <para>The handler only flips a bool and writes GP15, so the figure is the firmware's path from the GPIO interrupt
    /// to a managed handler: the stock row of the README's "Measured on an emulated Pico" table, measured with
    /// <c>picoemu latency --in 14 --out 15</c> on the Release build (docs/picoemu.md). On a board, drive GP14 and put a
    /// scope on GP14 and GP15.</para>
    /// <para>Compare with <c>LatencyIrq</c> (the same toggle from a NanoIrq <c>Irq</c> handler) and <c>LatencyNative</c>
    /// (the toggle in the interrupt, NanoIrq.Native firmware).</para>
    /// </remarks>
    public static class Program
    {
        /// <summary>GPIO whose edges are timed (input, pull-up).</summary>
        public const int InputPin = 14;

        /// <summary>GPIO toggled by the handler (output, starts low).</summary>
        public const int OutputPin = 15;

        private static GpioPin s_output;
        private static bool s_level;

        /// <summary>Opens both pins, subscribes the handler, then sleeps forever.</summary>
        public static void Main()
        {
            GpioController gpio = new GpioController();
            s_output = gpio.OpenPin(OutputPin, PinMode.Output);
            s_output.Write(PinValue.Low);
            GpioPin input = gpio.OpenPin(InputPin, PinMode.InputPullUp);
            input.ValueChanged += OnValueChanged;
            Console.WriteLine("LatencyStock: GP" + InputPin.ToString() + " ValueChanged toggles GP" + OutputPin.ToString());
            Thread.Sleep(Timeout.Infinite);
        }

        private static void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            s_level = !s_level;
            s_output.Write(s_level ? PinValue.High : PinValue.Low);
        }
    }
}
