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
                Assert.IsTrue(irq.Stats.Filtered >= 0, "Filtered is never negative; was " + irq.Stats.Filtered.ToString());
                AssertAddsUp(irq);
            }

            Assert.AreEqual(6, irq.Stats.Delivered, "the press and five repeats");
            Assert.AreEqual(0, irq.Stats.Filtered, "the one edge fed came out");
            Assert.AreEqual(5, irq.Stats.Synthesized, "five edges made up by the filter");
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
            Assert.AreEqual(1, irq.Stats.Filtered, "the falling edge; not selected");
            b.Drive(4, true, 10);      // fed, out: delivered
            b.Dispatcher.Poll();
            irq.Disable();
            b.Clock.Advance(200);      // two repeats while disabled: made up, then skipped
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            b.Drive(4, false, 10);     // raw edge while disabled: skipped before the filter
            b.Dispatcher.Poll();
            AssertAddsUp(irq);
            Assert.AreEqual(4, irq.Stats.Delivered, "press; two repeats; then the second press");
            Assert.AreEqual(3, irq.Stats.DisabledSkipped, "two repeats out of the filter and one raw edge");
            Assert.AreEqual(4, irq.Stats.Synthesized, "four repeats in all");
            Assert.AreEqual(4, irq.Stats.EdgesSeen, "four raw edges");
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
            Assert.AreEqual(3, irq.Stats.Queued, "in the ring before the poll");
            b.Dispatcher.Poll();
            Assert.AreEqual(3, irq.Stats.Filtered, "held by the filter");
            AssertAddsUp(irq);
            b.Clock.Advance(1000);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Delivered, "one edge out");
            Assert.AreEqual(2, irq.Stats.Filtered, "two absorbed");
            Assert.AreEqual(0, irq.Stats.Synthesized, "a debouncer makes nothing up");
            AssertAddsUp(irq);
        }

        private static void AssertAddsUp(Irq irq)
        {
            Assert.IsTrue(irq.Stats.Filtered >= 0 && irq.Stats.Synthesized >= 0 && irq.Stats.Queued >= 0 && irq.Stats.Discarded >= 0, "no negative counter");
            Assert.AreEqual(
                irq.Stats.EdgesSeen + irq.Stats.Synthesized,
                irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped + irq.Stats.Discarded + irq.Stats.Queued,
                "EdgesSeen + Synthesized == Delivered + Filtered + Dropped + DisabledSkipped + Discarded + Queued");
        }
    }
}
