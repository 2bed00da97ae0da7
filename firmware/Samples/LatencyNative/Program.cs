using System;
using System.Device.Gpio;
using System.Threading;
using NanoIrq.Native;

namespace NanoIrq.Samples
{
    /// <summary>
    /// Latency of the NanoIrq.Native module's hard action: the time from an edge on GP14 to the change of GP15 made inside
    /// the GPIO interrupt, with no managed code in the path. GP14 is captured with pull-up by a
    /// <see cref="NativeEdgeSource"/> whose hard action toggles GP15 on both edges, without lockout. Beside it runs the stock
    /// path: GP16 is opened with System.Device.Gpio as an input with pull-up, and its
    /// <see cref="GpioPin.ValueChanged"/> handler toggles GP17, an output that starts low, on each of its edges (both
    /// directions). Prints one line when ready:
    /// <c>LatencyNative: GP14 hard toggle of GP15 in the interrupt (both edges); GP16 ValueChanged toggles GP17</c>.
    /// </summary>
    /// <remarks>
    /// <para>Needs a nanoCLR built with the NanoIrq.Native interop module (firmware/native/README.md) whose native checksum
    /// matches this build's NanoIrq.Native assembly; stock firmware refuses the deployment. The native row of the README's
    /// "Measured on an emulated Pico" table, measured with <c>picoemu latency --in 14 --out 15</c> (docs/picoemu.md).</para>
    /// <para>GP16 and GP17 check that the module and System.Device.Gpio share the GPIO interrupt (docs/native.md): with
    /// <c>picoemu latency --in 16 --out 17</c> on the <c>NIRQ_VECTOR_HOOK=ON</c> image, whose direct vector must hand
    /// GP16's edges to ChibiOS's dispatch, and with <c>picoemu run --drive</c> driving GP14 and GP16 at the same
    /// instants.</para>
    /// <para>The module also records each GP14 edge in its ring; the source's pump thread posts the records to the
    /// dispatcher, which has no <see cref="Irq"/> on GP14 and counts them as unrouted. That work runs after the
    /// toggle.</para>
    /// </remarks>
    public static class Program
    {
        /// <summary>GPIO whose edges are timed through the module (input, pull-up).</summary>
        public const int InputPin = 14;

        /// <summary>GPIO toggled in the interrupt.</summary>
        public const int OutputPin = 15;

        /// <summary>GPIO whose edges are timed through System.Device.Gpio (input, pull-up).</summary>
        public const int StockInputPin = 16;

        /// <summary>GPIO toggled by the <see cref="GpioPin.ValueChanged"/> handler (output, starts low).</summary>
        public const int StockOutputPin = 17;

        private static GpioPin s_stockOutput;
        private static bool s_stockLevel;

        /// <summary>
        /// Arms the hard toggle, captures the input, starts the dispatcher, opens the stock pins and subscribes the
        /// handler, then sleeps forever.
        /// </summary>
        public static void Main()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new SystemClock());
            NativeEdgeSource source = new NativeEdgeSource(dispatcher);
            source.SetHardAction(InputPin, NativeHardAction.Toggle, NativeTrigger.Both, OutputPin, 0);
            source.OpenInput(InputPin, PinPull.Up);
            dispatcher.Start();

            GpioController gpio = new GpioController();
            s_stockOutput = gpio.OpenPin(StockOutputPin, PinMode.Output);
            s_stockOutput.Write(PinValue.Low);
            GpioPin stockInput = gpio.OpenPin(StockInputPin, PinMode.InputPullUp);
            stockInput.ValueChanged += OnStockValueChanged;

            Console.WriteLine("LatencyNative: GP" + InputPin.ToString() + " hard toggle of GP" + OutputPin.ToString()
                + " in the interrupt (both edges); GP" + StockInputPin.ToString() + " ValueChanged toggles GP"
                + StockOutputPin.ToString());
            Thread.Sleep(Timeout.Infinite);
        }

        private static void OnStockValueChanged(object sender, PinValueChangedEventArgs e)
        {
            s_stockLevel = !s_stockLevel;
            s_stockOutput.Write(s_stockLevel ? PinValue.High : PinValue.Low);
        }
    }
}
