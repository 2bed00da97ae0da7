using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    /// <summary>The Irq counters add up, and never go negative, whatever the filter emits.</summary>
    [TestClass]
    public class IrqCounterTests
    {
        [TestMethod]
        public void AFilterThatEmitsOnTicksNeverDrivesFilteredNegative()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both, new RepeatFilter(100));
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            for (int i = 0; i < 5; i++)
            {
                b.Clock.Advance(100);
                b.Dispatcher.Poll();
                Assert.IsTrue(irq.Filtered >= 0, "Filtered is never negative; was " + irq.Filtered.ToString());
                AssertAddsUp(irq);
            }

            Assert.AreEqual(6, irq.Delivered, "the press and five repeats");
            Assert.AreEqual(0, irq.Filtered, "the one edge fed came out");
            Assert.AreEqual(5, irq.Synthesized, "five edges made up by the filter");
        }

        [TestMethod]
        public void CountersAddUpThroughDisableTriggerChangesAndAHeldFilter()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Rising, new RepeatFilter(100));
            b.Drive(4, true, 10);      // fed, out at once: delivered
            b.Clock.Advance(250);      // two repeats
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            b.Drive(4, false, 10);     // fed, out at once: falling, not selected
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            Assert.AreEqual(1, irq.Filtered, "the falling edge; not selected");
            b.Drive(4, true, 10);      // fed, out: delivered
            b.Dispatcher.Poll();
            irq.Disable();
            b.Clock.Advance(200);      // two repeats while disabled: made up, then skipped
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            b.Drive(4, false, 10);     // raw edge while disabled: skipped before the filter
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            Assert.AreEqual(4, irq.Delivered, "press; two repeats; then the second press");
            Assert.AreEqual(3, irq.DisabledSkipped, "two repeats out of the filter and one raw edge");
            Assert.AreEqual(4, irq.Synthesized, "four repeats in all");
            Assert.AreEqual(4, irq.EdgesSeen, "four raw edges");
        }

        [TestMethod]
        public void AQuietTimeFilterHoldsEdgesInFilteredUntilItsDeadline()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both, new QuietFilter(1000));
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            AssertAddsUp(irq);
            Assert.AreEqual(3, irq.Queued, "in the ring before the poll");
            b.Dispatcher.Poll();
            Assert.AreEqual(3, irq.Filtered, "held by the filter");
            AssertAddsUp(irq);
            b.Clock.Advance(1000);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, irq.Delivered, "one edge out");
            Assert.AreEqual(2, irq.Filtered, "two absorbed");
            Assert.AreEqual(0, irq.Synthesized, "a debouncer makes nothing up");
            AssertAddsUp(irq);
        }

        private static void AssertAddsUp(Irq irq)
        {
            Assert.IsTrue(irq.Filtered >= 0 && irq.Synthesized >= 0 && irq.Queued >= 0 && irq.Discarded >= 0, "no negative counter");
            Assert.AreEqual(
                irq.EdgesSeen + irq.Synthesized,
                irq.Delivered + irq.Filtered + irq.Dropped + irq.DisabledSkipped + irq.Discarded + irq.Queued,
                "EdgesSeen + Synthesized == Delivered + Filtered + Dropped + DisabledSkipped + Discarded + Queued");
        }
    }
}
