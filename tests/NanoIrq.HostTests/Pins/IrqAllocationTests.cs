using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NFUnitTest.Pins;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>Proof that an edge costs zero heap bytes from the source to the handler once the pipeline is set up.</summary>
    [TestClass]
    [DoNotParallelize]
    public class IrqAllocationTests
    {
        private static long s_calls;

        private static void Count(Irq irq, EdgeRecord edge)
        {
            s_calls += edge.Sequence & 1;
            s_calls++;
        }

        private static void Edges(FakeClock clock, SimulatedPin a, SimulatedPin b, IrqDispatcher dispatcher, int count)
        {
            for (int i = 0; i < count; i++)
            {
                clock.Advance(37);
                SimulatedPin pin = (i & 1) == 0 ? a : b;
                pin.Drive(!pin.Level);
                if ((i & 7) == 7)
                {
                    dispatcher.Poll();
                }
            }

            dispatcher.Poll();
        }

        [TestMethod]
        public void AnEdgeFromSourceToHandlerAllocatesNothing()
        {
            FakeClock clock = new FakeClock(0xFFFF0000u);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            Irq a = new IrqPin(sim, 4, PinPull.Up, true).Irq(Count, IrqTrigger.Both);
            Irq b = new IrqPin(sim, 5).Irq(Count, IrqTrigger.Falling);
            Edges(clock, sim.Pin(4), sim.Pin(5), dispatcher, 2000); // warm-up: JIT, first calls

            long before = GC.GetAllocatedBytesForCurrentThread();
            Edges(clock, sim.Pin(4), sim.Pin(5), dispatcher, 100000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 edges");
            Assert.AreEqual(51000, a.Stats.Delivered, "every edge of pin 4 delivered");
            Assert.AreEqual(25500, b.Stats.Delivered, "every falling edge of pin 5 delivered");
        }

        [TestMethod]
        public void LatencyRecordingAllocatesNothing()
        {
            FakeClock clock = new FakeClock(0xFFFF0000u);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            Irq a = new IrqPin(sim, 4, PinPull.Up, true).Irq(Count, IrqTrigger.Both);
            Irq b = new IrqPin(sim, 5).Irq(Count, IrqTrigger.Falling);
            a.Probe = new HandlerProbe(clock, "a");
            b.Probe = new HandlerProbe(clock, "b");
            a.Probe.DebugPin = new RecordingOutput(clock, 16); // fills, then counts drops: also allocation-free
            Edges(clock, sim.Pin(4), sim.Pin(5), dispatcher, 2000); // warm-up: JIT, first calls

            long before = GC.GetAllocatedBytesForCurrentThread();
            Edges(clock, sim.Pin(4), sim.Pin(5), dispatcher, 100000);
            int p99 = a.Probe.Latency.P99 + b.Probe.Latency.P50;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 edges with latency recorded and a debug pin");
            Assert.AreEqual(51000, a.Probe.Latency.Count, "every call of pin 4 recorded");
            Assert.AreEqual(25500, b.Probe.Latency.Count, "every call of pin 5 recorded");
            Assert.IsTrue(p99 > 0 && a.Probe.Latency.Max <= 7 * 37, "edges wait at most one poll of 8 edges, 37 µs apart");
        }

        [TestMethod]
        public void FiltersLevelRepeatsAndCriticalSectionsAllocateNothing()
        {
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            IrqOptions quiet = new IrqOptions();
            quiet.Filter = new QuietFilter(50);
            IrqOptions level = new IrqOptions();
            level.LevelRepeatMicros = 100;
            Irq filtered = new IrqPin(sim, 4).Irq(Count, IrqTrigger.Both, quiet);
            Irq repeating = new IrqPin(sim, 5).Irq(Count, IrqTrigger.HighLevel | IrqTrigger.Falling, level);
            CriticalSection cs = dispatcher.CriticalSection;
            Run(clock, sim, dispatcher, cs, 2000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(clock, sim, dispatcher, cs, 100000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 edges with a filter, level repeats and holds");
            Assert.IsTrue(filtered.Stats.Delivered > 0 && filtered.Stats.Filtered > 0, "the filter passed and swallowed edges");
            Assert.IsTrue(repeating.Stats.LevelCalls > 0, "the level trigger repeated");
            Assert.IsTrue(cs.EdgesWaited > 0, "edges waited behind the critical section");
        }

        private static void Run(FakeClock clock, SimulatedEdgeSource sim, IrqDispatcher dispatcher, CriticalSection cs, int count)
        {
            SimulatedPin a = sim.Pin(4);
            SimulatedPin b = sim.Pin(5);
            for (int i = 0; i < count; i++)
            {
                clock.Advance((i % 5) * 40);
                SimulatedPin pin = (i & 1) == 0 ? a : b;
                if ((i & 63) == 0)
                {
                    using (cs.Enter())
                    {
                        pin.Drive(!pin.Level);
                        dispatcher.Poll();
                    }
                }
                else
                {
                    pin.Drive(!pin.Level);
                }

                dispatcher.Poll();
            }
        }
    }
}
