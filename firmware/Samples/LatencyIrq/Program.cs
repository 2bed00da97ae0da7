using System;
using System.Device.Gpio;
using System.Threading;

namespace NanoIrq.Samples
{
    /// <summary>
    /// Latency of a NanoIrq managed handler on stock nanoFramework: the time from an edge on GP14 to the change of GP15
    /// made by an <see cref="Irq"/> handler. GP14 is an <see cref="IrqPin"/> with pull-up on a <see cref="GpioEdgeSource"/>,
    /// with one handler for both edges and no filter; the handler toggles GP15, an output that starts low. Prints one line
    /// when ready: <c>LatencyIrq: GP14 Irq (both edges) toggles GP15, delivered on the dispatcher thread</c> (or
    /// <c>on the GPIO event thread</c>).
    /// </summary>
    /// <remarks>
    /// <para>As committed (<c>DeliverOnEventThread</c> false) the edges are delivered by the dispatcher's thread
    /// (<see cref="IrqDispatcher.Start"/>): the NanoIrq row of the README's "Measured on an emulated Pico" table, measured
    /// with <c>picoemu latency --in 14 --out 15</c> on the Release build (a Release NanoIrq; docs/picoemu.md). Set
    /// <c>DeliverOnEventThread</c> to true and rebuild for the <see cref="GpioEdgeSource.DeliverOnEventThread"/> row: each
    /// edge is delivered on nanoFramework's GPIO event thread and no dispatcher thread is started.</para>
    /// <para><see cref="GpioEdgeSource"/> subscribes to <see cref="GpioPin.ValueChanged"/>, so this path is the stock one of
    /// <c>LatencyStock</c> plus NanoIrq's stamp, post and dispatch.</para>
    /// </remarks>
    public static class Program
    {
        /// <summary>GPIO whose edges are timed (input, pull-up).</summary>
        public const int InputPin = 14;

        /// <summary>GPIO toggled by the handler (output, starts low).</summary>
        public const int OutputPin = 15;

        // false: the dispatcher thread delivers the edges (the README's row). true: GpioEdgeSource.DeliverOnEventThread,
        // each edge delivered on the GPIO event thread and no dispatcher thread (docs/picoemu.md). Rebuild after changing it.
        private static readonly bool DeliverOnEventThread = false;

        private static GpioPin s_output;
        private static bool s_level;

        /// <summary>Opens both pins, attaches the handler, starts the delivery, then sleeps forever.</summary>
        public static void Main()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new SystemClock());
            GpioController gpio = new GpioController();
            s_output = gpio.OpenPin(OutputPin, PinMode.Output);
            s_output.Write(PinValue.Low);
            GpioEdgeSource source = new GpioEdgeSource(dispatcher, gpio);
            source.DeliverOnEventThread = DeliverOnEventThread;
            IrqPin input = new IrqPin(source, InputPin, PinPull.Up, false);
            input.Irq(OnEdge, IrqTrigger.Both);
            if (!DeliverOnEventThread)
            {
                dispatcher.Start();
            }

            Console.WriteLine("LatencyIrq: GP" + InputPin.ToString() + " Irq (both edges) toggles GP" + OutputPin.ToString()
                + (DeliverOnEventThread ? ", delivered on the GPIO event thread" : ", delivered on the dispatcher thread"));
            Thread.Sleep(Timeout.Infinite);
        }

        private static void OnEdge(Irq irq, EdgeRecord edge)
        {
            s_level = !s_level;
            s_output.Write(s_level ? PinValue.High : PinValue.Low);
        }
    }
}
