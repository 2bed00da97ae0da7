using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// NativeEdgeSource through the real C core: edges injected at the host port's ISR entry (nirq_host_edge) travel
    /// core → nirq_api → P/Invoke → NativeEdgeSource.Pump → IrqDispatcher → Irq handler. No thread, no sleep: the
    /// source is built without a pump thread (pollMillis 0) and the test calls Pump and Poll.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeEdgeSourceTests : NativeModuleTest
    {
        private static NativeEdgeSource Source(IrqDispatcher dispatcher, int ringCapacity = 256)
        {
            return new NativeEdgeSource(dispatcher, ringCapacity, 32, 0);
        }

        private static void Drain(NativeEdgeSource source, IrqDispatcher dispatcher)
        {
            source.Pump();
            dispatcher.Poll();
        }

        [TestMethod]
        public void EdgesReachTheHandlerWithInterruptTimeMicrosecondStampsAndPerPinSequences()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            IrqPin other = new IrqPin(source, 5, PinPull.Down, false);
            Assert.IsTrue(button.Level, "pull-up");
            Assert.IsFalse(other.Level, "pull-down");
            button.Irq((irq, e) => seen.Add(e.Clone()), IrqTrigger.Both);
            other.Irq((irq, e) => seen.Add(e.Clone()), IrqTrigger.Rising);

            NativeHost.EdgeAt(1000, 4, false);
            NativeHost.EdgeAt(1001, 5, true);
            NativeHost.EdgeAt(1003, 4, true);
            NativeHost.EdgeAt(1004, 5, false);
            NativeHost.EdgeAt(1010, 4, false);
            NativeHost.SetNow(5000); // the pump runs much later: the stamps stay the interrupt times
            Drain(source, dispatcher);

            Assert.AreEqual(4, seen.Count, "3 edges on GPIO 4, 1 rising edge on GPIO 5");
            AssertEdge(seen[0], 4, false, 1000, 1);
            AssertEdge(seen[1], 5, true, 1001, 1);
            AssertEdge(seen[2], 4, true, 1003, 2);
            AssertEdge(seen[3], 4, false, 1010, 3);
            Assert.IsFalse(seen[0].StampIsLate, "stamped in the interrupt");
            Assert.AreEqual(1, other.CurrentIrq.Stats.Filtered, "the falling edge on GPIO 5 was not selected");
            Assert.AreEqual(2u, other.CurrentIrq.LastSequence);
        }

        [TestMethod]
        public void StampsWrapPast2To32()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher);
            List<uint> times = new List<uint>();
            new IrqPin(source, 7, PinPull.Up, false).Irq((irq, e) => times.Add(e.TimeMicros));
            NativeHost.EdgeAt(0xFFFFFFFEu, 7, false);
            NativeHost.EdgeAt(0x00000003u, 7, true);
            Drain(source, dispatcher);
            CollectionAssert.AreEqual(new uint[] { 0xFFFFFFFEu, 3u }, times);
        }

        [TestMethod]
        public void NativeQuietTimeDeliversOneRecordStampedAtTheDecisionTime()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher);
            source.SetDebounce(4, NativeDebounce.QuietTime, 5000);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            Irq irq = new IrqPin(source, 4, PinPull.Up, true).Irq((i, e) => seen.Add(e.Clone()), IrqTrigger.Both);

            uint[] bounce = { 1000, 1200, 1500, 2000, 2100 };
            for (int i = 0; i < bounce.Length; i++)
            {
                NativeHost.EdgeAt(bounce[i], 4, (i & 1) != 0); // 0,1,0,1,0: a press with bounce
            }

            NativeHost.SetNow(7099);
            Drain(source, dispatcher);
            Assert.AreEqual(0, seen.Count, "1 µs before the quiet time ends");
            NativeHost.SetNow(7100);
            Drain(source, dispatcher);
            Assert.AreEqual(1, seen.Count);
            AssertEdge(seen[0], 4, false, 7100, 5);

            NativeGetCountersCheck(source, 4, 5, 1, 4, 0, 0);
            Assert.AreEqual(5u, irq.LastSequence, "the gap 1..4 is what the native debouncer absorbed");
        }

        [TestMethod]
        public void NativeLockoutPassesTheFirstEdgeAtOnceAndResyncsAtTheWindowEnd()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher);
            source.SetDebounce(4, NativeDebounce.Lockout, 5000);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            new IrqPin(source, 4, PinPull.Up, true).Irq((i, e) => seen.Add(e.Clone()));
            NativeHost.EdgeAt(1000, 4, false);
            NativeHost.EdgeAt(1100, 4, true);
            NativeHost.EdgeAt(1200, 4, false);
            NativeHost.EdgeAt(3000, 4, true); // released inside the window
            Drain(source, dispatcher);
            Assert.AreEqual(1, seen.Count, "press at once");
            AssertEdge(seen[0], 4, false, 1000, 1);
            NativeHost.SetNow(6000);
            Drain(source, dispatcher);
            Assert.AreEqual(2, seen.Count, "release at the window end");
            AssertEdge(seen[1], 4, true, 6000, 4);
        }

        [TestMethod]
        public void NativeGlitchFilterRejectsAShortPulseAndDelaysALongOne()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher);
            source.SetDebounce(9, NativeDebounce.Glitch, 100);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            new IrqPin(source, 9, PinPull.Down, false).Irq((i, e) => seen.Add(e.Clone()));
            NativeHost.EdgeAt(1000, 9, true);
            NativeHost.EdgeAt(1050, 9, false); // 50 µs pulse: a glitch
            NativeHost.EdgeAt(2000, 9, true);
            NativeHost.EdgeAt(2200, 9, false); // 200 µs pulse: passes
            NativeHost.SetNow(10000);
            Drain(source, dispatcher);
            Assert.AreEqual(2, seen.Count);
            AssertEdge(seen[0], 9, true, 2100, 3);
            AssertEdge(seen[1], 9, false, 2300, 4);
            NativeGetCountersCheck(source, 9, 4, 2, 2, 0, 0);
        }

        [TestMethod]
        public void RingOverflowIsCountedAndSeenAsASequenceGap()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher, 8);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            Irq irq = new IrqPin(source, 4, PinPull.Up, false).Irq((i, e) => seen.Add(e.Clone()));
            for (int i = 0; i < 20; i++)
            {
                NativeHost.EdgeAt((uint)(100 + i), 4, (i & 1) != 0);
            }

            Drain(source, dispatcher);
            Assert.AreEqual(8, seen.Count, "the ring held 8 records; the 12 later ones were refused, not overwritten");
            for (int i = 0; i < 8; i++)
            {
                AssertEdge(seen[i], 4, (i & 1) != 0, (uint)(100 + i), (uint)(i + 1));
            }

            NativeHost.EdgeAt(500, 4, true);
            Drain(source, dispatcher);
            Assert.AreEqual(21u, seen[8].Sequence, "gap 9..20: the 12 dropped edges");
            NativePinCounters k = new NativePinCounters();
            source.GetCounters(4, k);
            Assert.AreEqual(21u, k.Seen);
            Assert.AreEqual(12u, k.Dropped);
            Assert.AreEqual(9u, k.Delivered);
            Assert.AreEqual(k.Seen, k.Delivered + k.Filtered + k.Pending + k.Dropped, "seen == delivered + filtered + pending + dropped");
            Assert.AreEqual(9, irq.Stats.Delivered, "every record the module delivered reached the handler");
        }

        [TestMethod]
        public void CountersAddUpOnEveryPinUnderMixedTraffic()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher, 16);
            source.SetDebounce(1, NativeDebounce.QuietTime, 300);
            source.SetDebounce(2, NativeDebounce.Lockout, 300);
            source.SetDebounce(3, NativeDebounce.Glitch, 300);
            source.SetHardAction(3, NativeHardAction.Count, NativeTrigger.Both, 0, 0);
            int[] pins = { 1, 2, 3, 6 };
            Irq[] irqs = new Irq[pins.Length];
            for (int i = 0; i < pins.Length; i++)
            {
                irqs[i] = new IrqPin(source, pins[i], PinPull.Up, false).Irq((irq, e) => { });
            }

            Random random = new Random(1234);
            bool[] level = { true, true, true, true };
            uint now = 4294960000u; // wraps during the run
            for (int step = 0; step < 5000; step++)
            {
                now += (uint)random.Next(0, 200);
                int k = random.Next(pins.Length);
                bool merged = random.Next(50) == 0; // an interrupt whose edge pair the hardware merged
                if (!merged)
                {
                    level[k] = !level[k];
                }

                NativeHost.EdgeAt(now, pins[k], level[k]);
                if (random.Next(40) == 0)
                {
                    Drain(source, dispatcher); // pumps are rare: bursts overflow the 16-record ring
                }
            }

            NativeHost.SetNow(now + 1000);
            Drain(source, dispatcher);
            Drain(source, dispatcher);
            NativePinCounters c = new NativePinCounters();
            uint dropped = 0;
            for (int i = 0; i < pins.Length; i++)
            {
                source.GetCounters(pins[i], c);
                Assert.AreEqual(c.Seen, c.Delivered + c.Filtered + c.Pending + c.Dropped, "GPIO " + pins[i]);
                Assert.AreEqual(0u, c.Pending, "nothing held after the last window");
                Assert.AreEqual((int)c.Delivered, irqs[i].Stats.EdgesSeen, "what the module delivered, the dispatcher saw");
                Assert.AreEqual(irqs[i].Stats.EdgesSeen, irqs[i].Stats.Delivered + irqs[i].Stats.Filtered + irqs[i].Stats.Dropped + irqs[i].Stats.DisabledSkipped);
                dropped += c.Dropped;
                if (pins[i] == 3)
                {
                    Assert.AreEqual(c.Seen, c.Hard, "a hard Count on both edges, no lockout, counts every interrupt, refused ones too");
                }
                else
                {
                    Assert.AreEqual(0u, c.Hard);
                }
            }

            Assert.IsTrue(dropped > 0, "the test overflowed the ring");
        }

        [TestMethod]
        public void PumpAndPollAllocateNothing()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            using NativeEdgeSource source = Source(dispatcher, 1024);
            source.SetDebounce(5, NativeDebounce.QuietTime, 50);
            int calls = 0;
            IrqHandler count = (irq, e) => calls++;
            new IrqPin(source, 4, PinPull.Up, false).Irq(count);
            new IrqPin(source, 5, PinPull.Up, false).Irq(count);
            NativePinCounters counters = new NativePinCounters();
            uint now = 0;
            Run(source, dispatcher, counters, ref now, 2000); // warm-up: JIT, P/Invoke stubs

            long before = GC.GetAllocatedBytesForCurrentThread();
            int pumped = Run(source, dispatcher, counters, ref now, 50000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by Pump, Poll and GetCounters over 50,000 edges");
            Assert.IsTrue(pumped > 25000, "records moved: " + pumped);
        }

        private static int Run(NativeEdgeSource source, IrqDispatcher dispatcher, NativePinCounters counters, ref uint now, int edges)
        {
            int pumped = 0;
            for (int i = 0; i < edges; i++)
            {
                now += 37;
                NativeHost.SetNow(now);
                NativeHost.Edge(4 + (i & 1), (i >> 1) & 1);
                if ((i & 63) == 63)
                {
                    pumped += source.Pump();
                    dispatcher.Poll();
                    source.GetCounters(4, counters);
                }
            }

            now += 1000;
            NativeHost.SetNow(now);
            pumped += source.Pump();
            dispatcher.Poll();
            return pumped;
        }

        private static void NativeGetCountersCheck(NativeEdgeSource source, int pin, uint seen, uint delivered, uint filtered, uint pending, uint dropped)
        {
            NativePinCounters k = new NativePinCounters();
            source.GetCounters(pin, k);
            Assert.AreEqual(seen, k.Seen, "seen");
            Assert.AreEqual(delivered, k.Delivered, "delivered");
            Assert.AreEqual(filtered, k.Filtered, "filtered");
            Assert.AreEqual(pending, k.Pending, "pending");
            Assert.AreEqual(dropped, k.Dropped, "dropped");
        }

        internal static void AssertEdge(EdgeRecord e, int pin, bool level, uint time, uint sequence)
        {
            Assert.AreEqual(pin, e.Pin, "pin of " + e);
            Assert.AreEqual(level, e.Level, "level of " + e);
            Assert.AreEqual(time, e.TimeMicros, "time of " + e);
            Assert.AreEqual(sequence, e.Sequence, "sequence of " + e);
        }
    }
}
