using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqDispatcherTests
    {
        [TestMethod]
        public void EdgesWaitWhileTheCriticalSectionIsHeldAndArriveAfterRestore()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            CriticalSection cs = b.Dispatcher.CriticalSection;
            int key = cs.Disable();
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            Assert.AreEqual(0, b.Dispatcher.Poll(), "held: nothing");
            Assert.AreEqual(0, b.Log.Count, "no handler ran");
            Assert.AreEqual(3, cs.EdgesWaited, "three waited");
            Assert.AreEqual(3, b.Dispatcher.Stats.RingCount, "still queued");
            cs.Restore(key);
            Assert.AreEqual(3, b.Dispatcher.Poll(), "three after Restore");
            Assert.AreEqual(3, b.Log.Count, "delivered");
            Assert.AreEqual(1u, b.Log.Edges[0].Sequence, "#1 first");
            Assert.AreEqual(3u, b.Log.Edges[2].Sequence, "#3 last");
            Assert.AreEqual(1010u, b.Log.Edges[0].TimeMicros, "stamp kept");
            Assert.AreEqual(0, irq.Stats.Dropped, "nothing dropped");
        }

        [TestMethod]
        public void EdgesPostedByAHandlerDoNotCountAsWaiting()
        {
            IrqBench b = new IrqBench();
            SimulatedPin echo = b.Sim.Pin(5);
            new IrqPin(b.Sim, 4).Irq((irq, edge) => echo.Drive(edge.Level), IrqTrigger.Both);
            Irq follower = b.Attach(5, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Dispatcher.CriticalSection.EdgesWaited, "own hold not counted");
            Assert.AreEqual(0, follower.Stats.Delivered, "waits for next poll");
            b.Dispatcher.Poll();
            Assert.AreEqual(1, follower.Stats.Delivered, "next poll delivers");
        }

        [TestMethod]
        public void AFullRingDropsTheNewEdgeAndTheGapShows()
        {
            IrqBench b = new IrqBench(2, 0);
            Irq irq = b.Attach(4, IrqTrigger.Both);
            for (int i = 0; i < 5; i++)
            {
                b.Drive(4, (i & 1) == 0, 10);
            }

            b.Dispatcher.Poll();
            Assert.AreEqual(2, irq.Stats.Delivered, "two delivered");
            Assert.AreEqual(3, irq.Stats.Dropped, "three dropped");
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(6u, b.Log.Edges[2].Sequence, "#6 third");
            Assert.AreEqual(irq.Stats.EdgesSeen, irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped, "all accounted");
        }

        [TestMethod]
        public void AFilterSeesRawEdgesAndItsDeadlineIsServiced()
        {
            IrqBench b = new IrqBench();
            QuietFilter filter = new QuietFilter(1000);
            Irq irq = b.Attach(4, IrqTrigger.Both, filter);
            b.Drive(4, true, 10);
            b.Drive(4, false, 30);
            b.Drive(4, true, 50);
            b.Drive(4, false, 0);
            b.Drive(4, true, 20);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "nothing yet");
            Assert.AreEqual(5, irq.Stats.Filtered, "five filtered");
            b.Clock.Advance(999);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "999 µs quiet");
            b.Clock.Advance(1);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "one edge");
            Assert.IsTrue(b.Log.Edges[0].Level, "high");
            Assert.AreEqual(5u, b.Log.Edges[0].Sequence, "#5");
            Assert.AreEqual((int)IrqFlags.Rising, (int)b.Log.Flags[0], "Rising");
            Assert.AreEqual(4, irq.Stats.Filtered, "four filtered");
            Assert.AreEqual(irq.Stats.EdgesSeen, irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped, "all accounted");
        }

        [TestMethod]
        public void FilterDeadlinesInterleaveWithLaterEdgesInTimeOrder()
        {
            IrqBench b = new IrqBench();
            QuietFilter filter = new QuietFilter(100);
            b.Attach(4, IrqTrigger.Both, filter);
            b.Drive(4, true, 10);
            b.Drive(4, false, 500);
            b.Clock.Advance(500);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "two edges");
            Assert.IsTrue(b.Log.Edges[0].Level, "rising first");
            Assert.IsFalse(b.Log.Edges[1].Level, "then falling");
        }

        [TestMethod]
        public void TargetsAreServicedInTimeOrderWithEdges()
        {
            IrqBench b = new IrqBench();
            int[] order = new int[4];
            int count = 0;
            OneShotTarget target = new OneShotTarget();
            target.Due = 1500;
            target.Armed = true;
            new IrqPin(b.Sim, 4).Irq((irq, edge) => { order[count] = (int)edge.TimeMicros; count++; }, IrqTrigger.Both);
            b.Dispatcher.AttachTarget(target);
            b.Drive(4, true, 200);
            b.Drive(4, false, 600);
            b.Clock.Advance(200);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, target.Served, "served once");
            Assert.AreEqual(2000u, target.ServedAt, "clock time");
            Assert.AreEqual(2, count, "two edges");
            Assert.AreEqual(1200, order[0], "1200 first");
            Assert.AreEqual(1800, order[1], "1800 last");
            Assert.IsTrue(b.Dispatcher.DetachTarget(target), "detached");
            Assert.IsFalse(b.Dispatcher.DetachTarget(target), "not attached");
        }

        [TestMethod]
        public void PostBatchIsTheSeamForInterruptTimeCapture()
        {
            IrqBench b = new IrqBench(3, 0);
            Irq irq = b.Attach(4, IrqTrigger.Both);
            EdgeRecord[] batch = new EdgeRecord[4];
            batch[0] = new EdgeRecord(4, true, 100, 1, false);
            batch[1] = new EdgeRecord(4, false, 103, 2, false);
            batch[2] = new EdgeRecord(4, true, 107, 3, false);
            batch[3] = new EdgeRecord(4, false, 109, 4, false);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => b.Dispatcher.PostBatch(batch, 2, 3), "range past the end");
            Assert.AreEqual(0, irq.Stats.EdgesSeen, "nothing queued");
            Assert.AreEqual(3, b.Dispatcher.PostBatch(batch, 0, 4), "three fit");
            b.Dispatcher.Poll();
            Assert.AreEqual(3, irq.Stats.Delivered, "three delivered");
            Assert.AreEqual(103u, b.Log.Edges[1].TimeMicros, "stamp kept");
            Assert.AreEqual(1, irq.Stats.Dropped, "one dropped");
        }

        [TestMethod]
        public void EdgesForAPinWithoutIrqAreUnrouted()
        {
            IrqBench b = new IrqBench();
            Assert.IsFalse(b.Dispatcher.Post(new EdgeRecord(9, true, 5, 1, false)), "no pin 9");
            Assert.AreEqual(1, b.Dispatcher.Stats.Unrouted, "counted");
            Assert.AreEqual(0, b.Dispatcher.Stats.RingCount, "not queued");
        }

        [TestMethod]
        public void NullClockAndTargetAreRefused()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new IrqDispatcher(null), "clock");
            IrqBench b = new IrqBench();
            Assert.ThrowsException(typeof(ArgumentNullException), () => b.Dispatcher.Attach(null), "target");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IrqDispatcher(new FakeClock(), 0, 4), "ring capacity 0");
        }
    }
}
