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
            Assert.AreEqual(0, b.Dispatcher.RingCount, "empty");

            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            Assert.AreEqual(2, b.Dispatcher.RingCount, "two queued");
            Assert.AreEqual(1, b.Dispatcher.RingDropped, "the third refused");
            Assert.AreEqual(irq.Dropped, b.Dispatcher.RingDropped, "the same edge as the Irq's Dropped");
            Assert.AreEqual(2, b.Dispatcher.RingHighWater, "full once");
            Assert.AreEqual(3, b.Dispatcher.RingWritten, "three offered");
            Assert.AreEqual(0, b.Dispatcher.RingReadCount, "none taken yet");

            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Dispatcher.RingCount, "drained");
            Assert.AreEqual(2, b.Dispatcher.RingReadCount, "two taken");
            Assert.AreEqual(2, irq.Delivered, "and delivered");

            // An edge queued for an Irq disposed before the poll is still taken out of the ring (as discarded).
            b.Drive(4, false, 10);
            irq.Dispose();
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Dispatcher.RingReadCount, "the stale edge was read out");
            Assert.AreEqual(1, b.Dispatcher.Discarded, "as discarded");
            Assert.AreEqual(b.Dispatcher.RingWritten, b.Dispatcher.RingReadCount + b.Dispatcher.RingCount + b.Dispatcher.RingDropped, "written = read + queued + dropped");

            // Edges for a GPIO with no Irq never reach the ring.
            b.Dispatcher.Post(new EdgeRecord(9, true, 5, 1, false));
            Assert.AreEqual(4, b.Dispatcher.RingWritten, "unrouted edges are not offered to the ring");
            Assert.AreEqual(1, b.Dispatcher.Unrouted);
        }
    }
}
