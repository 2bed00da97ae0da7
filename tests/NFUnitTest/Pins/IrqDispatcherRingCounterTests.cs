using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    /// <summary>The dispatcher's ring counters, read through the dispatcher (the ring itself is not handed out).</summary>
    [TestClass]
    public class IrqDispatcherRingCounterTests
    {
        [TestMethod]
        public void RingCountersFollowPostsRefusalsPollsAndDiscards()
        {
            IrqBench b = new IrqBench(2, 1000u);
            Irq irq = b.Attach(4, IrqTrigger.Both);
            Assert.AreEqual(2, b.Dispatcher.RingCapacity, "capacity as constructed");
            Assert.AreEqual(0, b.Dispatcher.Stats.RingCount, "empty");

            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            Assert.AreEqual(2, b.Dispatcher.Stats.RingCount, "two queued");
            Assert.AreEqual(1, b.Dispatcher.Stats.RingDropped, "the third refused");
            Assert.AreEqual(irq.Stats.Dropped, b.Dispatcher.Stats.RingDropped, "the same edge as the Irq's Dropped");
            Assert.AreEqual(2, b.Dispatcher.Stats.RingHighWater, "full once");
            Assert.AreEqual(3, b.Dispatcher.Stats.RingWritten, "three offered");
            Assert.AreEqual(0, b.Dispatcher.Stats.RingReadCount, "none taken yet");

            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Dispatcher.Stats.RingCount, "drained");
            Assert.AreEqual(2, b.Dispatcher.Stats.RingReadCount, "two taken");
            Assert.AreEqual(2, irq.Stats.Delivered, "and delivered");

            // An edge queued for an Irq disposed before the poll is still taken out of the ring (as discarded).
            b.Drive(4, false, 10);
            irq.Dispose();
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Dispatcher.Stats.RingReadCount, "the stale edge was read out");
            Assert.AreEqual(1, b.Dispatcher.Stats.Discarded, "as discarded");
            Assert.AreEqual(b.Dispatcher.Stats.RingWritten, b.Dispatcher.Stats.RingReadCount + b.Dispatcher.Stats.RingCount + b.Dispatcher.Stats.RingDropped, "written = read + queued + dropped");

            // Edges for a GPIO with no Irq never reach the ring.
            b.Dispatcher.Post(new EdgeRecord(9, true, 5, 1, false));
            Assert.AreEqual(4, b.Dispatcher.Stats.RingWritten, "unrouted edges are not offered to the ring");
            Assert.AreEqual(1, b.Dispatcher.Stats.Unrouted);
        }
    }
}
