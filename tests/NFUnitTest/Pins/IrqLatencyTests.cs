using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>Irq.Probe: how late pin handlers run, from the edge stamp to handler entry.</summary>
    [TestClass]
    public class IrqLatencyTests
    {
        private static FakeClock s_clock;
        private static int s_handlerMicros;

        private static void SlowHandler(Irq irq, EdgeRecord edge)
        {
            s_clock.Advance(s_handlerMicros);
        }

        private static void Throwing(Irq irq, EdgeRecord edge)
        {
            s_clock.Advance(30);
            throw new InvalidOperationException("on purpose");
        }

        [TestMethod]
        public void EachDeliveredEdgeRecordsStampToEntryAndTheHandlersDuration()
        {
            IrqBench b = new IrqBench();
            s_clock = b.Clock;
            s_handlerMicros = 40;
            Irq irq = new IrqPin(b.Sim, 4).Irq(SlowHandler, IrqTrigger.Both);
            Assert.IsNull(irq.Probe, "off by default");
            irq.Probe = new HandlerProbe(b.Clock, "button");
            RecordingOutput scope = new RecordingOutput(b.Clock, 8);
            irq.Probe.DebugPin = scope;

            b.Drive(4, true, 10);      // stamped 1010
            b.Drive(4, false, 100);    // stamped 1110
            b.Clock.Advance(250);      // poll at 1360: entries at 1360 and 1400 (after the first handler's 40 µs)
            b.Dispatcher.Poll();

            LatencyStats latency = irq.Probe.Latency;
            Assert.AreEqual(2, latency.Count, "one sample per delivered edge");
            Assert.AreEqual(290, latency.Min, "second edge: 1400 - 1110");
            Assert.AreEqual(350, latency.Max, "first edge: 1360 - 1010");
            Assert.AreEqual(299, latency.P50, "p50 bound: the 200-299 µs bucket");
            Assert.AreEqual(350, latency.P99, "p99: the largest sample");
            Assert.AreEqual(40, irq.Probe.Duration.Max, "handler time");
            Assert.AreEqual(4, scope.Count, "the debug pin rose and fell per call");
            Assert.AreEqual(1360u, scope.TimeAt(0), "rises at entry");
            Assert.AreEqual(1400u, scope.TimeAt(1), "falls at exit");
        }

        [TestMethod]
        public void LevelCallsAreRecordedFromTheirDueTimeAndInvokeIsNot()
        {
            IrqBench b = new IrqBench();
            s_clock = b.Clock;
            s_handlerMicros = 0;
            IrqOptions options = new IrqOptions();
            options.LevelRepeatMicros = 1000;
            Irq irq = new IrqPin(b.Sim, 4).Irq(SlowHandler, IrqTrigger.HighLevel, options);
            irq.Probe = new HandlerProbe(b.Clock, "level");
            b.Drive(4, true, 0);       // entering high at 1000: a call stamped 1000
            b.Clock.Advance(1070);     // repeat due at 2000, run at 2070
            b.Dispatcher.Poll();
            Assert.AreEqual(2, irq.Probe.Latency.Count, "the entering edge and one repeat");
            Assert.AreEqual(70, irq.Probe.Latency.Min, "repeat: 2070 - 2000");
            Assert.AreEqual(1070, irq.Probe.Latency.Max, "edge: 2070 - 1000");
            irq.Invoke();
            Assert.AreEqual(2, irq.Probe.Latency.Count, "a manual call has no due time: not recorded");
        }

        [TestMethod]
        public void AThrowingHandlerIsStillTimedAndTheFaultRecorded()
        {
            IrqBench b = new IrqBench();
            s_clock = b.Clock;
            Irq irq = new IrqPin(b.Sim, 4).Irq(Throwing, IrqTrigger.Rising);
            irq.Probe = new HandlerProbe(b.Clock, "faulty");
            b.Drive(4, true, 10);
            b.Clock.Advance(5);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Faults, "fault recorded");
            Assert.AreEqual(1, irq.Probe.Duration.Count, "timed");
            Assert.AreEqual(30, irq.Probe.Duration.Max, "the handler's own 30 µs");
            Assert.AreEqual(5, irq.Probe.Latency.Max, "5 µs late");
            irq.Probe = null;
            irq.Enable();
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, irq.Stats.Faults, "delivered again");
        }
    }
}
