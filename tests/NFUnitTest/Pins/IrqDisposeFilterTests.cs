using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    /// <summary>
    /// Edges a filter still holds when its Irq is disposed stay in Filtered; Discarded counts only edges still in the
    /// dispatcher's ring (the ones the dispatcher takes out unseen, also counted in IrqDispatcher.Discarded).
    /// </summary>
    [TestClass]
    public class IrqDisposeFilterTests
    {
        [TestMethod]
        public void EdgesHeldByADebouncerAtDisposeStayFilteredAndOnlyRingEdgesAreDiscarded()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both, new QuietTimeDebouncer(false, 5000));

            // A bouncing press: three edges fed to the debouncer, which holds its decision until 5 ms of quiet.
            b.Drive(4, true, 100);
            b.Drive(4, false, 100);
            b.Drive(4, true, 100);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, irq.Stats.Filtered, "fed to the filter and held");
            Assert.AreEqual(0, irq.Stats.Delivered, "not decided yet");

            // One more bounce, posted and not yet dispatched when the Irq goes.
            b.Drive(4, false, 100);
            Assert.AreEqual(1, irq.Stats.Queued, "in the ring");
            irq.Dispose();

            Assert.AreEqual(1, irq.Stats.Discarded, "only the edge still in the ring is discarded");
            Assert.AreEqual(3, irq.Stats.Filtered, "the edges the debouncer held stay filtered");
            Assert.AreEqual(0, irq.Stats.Queued, "nothing queued after Dispose");
            Assert.AreEqual(irq.Stats.EdgesSeen + irq.Stats.Synthesized, irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped + irq.Stats.Discarded + irq.Stats.Queued, "identity: 4 = 0 + 3 + 0 + 0 + 1 + 0");

            // The debouncer's deadline passes: nothing reaches the handler, no counter moves.
            b.Clock.Advance(20000);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "a disposed Irq's filter never delivers");
            Assert.AreEqual(3, irq.Stats.Filtered, "unchanged after the deadline");
            Assert.AreEqual(0, irq.Stats.Delivered, "unchanged after the deadline");
            Assert.AreEqual(irq.Stats.Discarded, b.Dispatcher.Stats.Discarded, "Irq.Discarded matches the edges the dispatcher took out of the ring unseen");
        }

        [TestMethod]
        public void BouncesAbsorbedLongBeforeDisposeStayFiltered()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both, new QuietTimeDebouncer(false, 5000));
            b.Drive(4, true, 100);
            b.Drive(4, false, 100);
            b.Drive(4, true, 100);
            b.Clock.Advance(6000);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Delivered, "one press");
            Assert.AreEqual(2, irq.Stats.Filtered, "two bounces absorbed");
            irq.Dispose();
            Assert.AreEqual(0, irq.Stats.Discarded, "nothing was left in the ring");
            Assert.AreEqual(2, irq.Stats.Filtered, "absorbed bounces are not rewritten at Dispose");
            Assert.AreEqual(0, b.Dispatcher.Stats.Discarded);
        }
    }
}
