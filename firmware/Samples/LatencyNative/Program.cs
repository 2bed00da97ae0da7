using System;
using System.Threading;
using NanoIrq.Native;

namespace NanoIrq.Samples
{
    /// <summary>
    /// Latency of the NanoIrq.Native module's hard action: the time from an edge on GP14 to the change of GP15 made inside
    /// the GPIO interrupt, with no managed code in the path. GP14 is captured with pull-up by a
    /// <see cref="NativeEdgeSource"/> whose hard action toggles GP15 on both edges, without lockout. Prints one line when
    /// ready: <c>LatencyNative: GP14 hard toggle of GP15 in the interrupt (both edges)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Needs a nanoCLR built with the NanoIrq.Native interop module (firmware/native/README.md) whose native checksum
    /// matches this build's NanoIrq.Native assembly; stock firmware refuses the deployment. The native row of the README's
    /// "Measured on an emulated Pico" table, measured with <c>picoemu latency --in 14 --out 15</c> (docs/picoemu.md).</para>
    /// <para>The module also records each edge in its ring; the source's pump thread posts the records to the dispatcher,
    /// which has no <see cref="Irq"/> on GP14 and counts them as unrouted. That work runs after the toggle.</para>
    /// </remarks>
    public static class Program
    {
        /// <summary>GPIO whose edges are timed (input, pull-up).</summary>
        public const int InputPin = 14;

        /// <summary>GPIO toggled in the interrupt.</summary>
        public const int OutputPin = 15;

        /// <summary>Arms the hard toggle, captures the input, starts the dispatcher, then sleeps forever.</summary>
        public static void Main()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new SystemClock());
            NativeEdgeSource source = new NativeEdgeSource(dispatcher);
            source.SetHardAction(InputPin, NativeHardAction.Toggle, NativeTrigger.Both, OutputPin, 0);
            source.OpenInput(InputPin, PinPull.Up);
            dispatcher.Start();
            Console.WriteLine("LatencyNative: GP" + InputPin.ToString() + " hard toggle of GP" + OutputPin.ToString()
                + " in the interrupt (both edges)");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
