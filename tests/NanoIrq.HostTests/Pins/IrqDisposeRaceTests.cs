using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>An Irq disposed from another thread while the dispatcher is in the middle of a poll.</summary>
    [TestClass]
    public class IrqDisposeRaceTests
    {
        [TestMethod]
        public void DisposeFromAnotherThreadMidPollNeitherLosesTheReopenedPinsEdgeNorBreaksTheIdentity()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            Irq victim = new IrqPin(sim, 2).Irq((i, e) => { }, IrqTrigger.Both);
            Thread disposer = new Thread(() => victim.Dispose());

            // Pin 1's handler runs first in the poll; it lets another thread dispose pin 2's Irq and waits until that
            // thread has marked it disposed (Dispose then blocks on the dispatch gate until the poll ends).
            Irq first = new IrqPin(sim, 1).Irq((i, e) =>
            {
                disposer.Start();
                SpinWait.SpinUntil(() => victim.IsDisposed, 5000);
                Thread.Sleep(20);
            }, IrqTrigger.Both);
            sim.Pin(1).Drive(true);
            sim.Pin(2).Drive(true);
            sim.Pin(2).Drive(false);
            dispatcher.Poll();
            Assert.IsTrue(disposer.Join(5000), "Dispose returned after the poll");
            Assert.IsTrue(victim.IsDisposed);
            Assert.AreEqual(0, victim.Stats.Queued, "nothing of the disposed Irq is still counted as queued");
            Assert.AreEqual(2, victim.Stats.EdgesSeen);
            Assert.AreEqual(victim.Stats.EdgesSeen, victim.Stats.Delivered + victim.Stats.Filtered + victim.Stats.Dropped + victim.Stats.DisabledSkipped + victim.Stats.Discarded + victim.Stats.Queued, "identity");
            Assert.AreEqual(2, victim.Stats.Discarded, "both edges were still undelivered when Dispose was called");
            Assert.AreEqual(0, dispatcher.Stats.RingCount);

            // Reopen the same GPIO: its first edge must reach the new Irq.
            int got = 0;
            Irq reopened = new IrqPin(sim, 2).Irq((i, e) => got++, IrqTrigger.Both);
            sim.Pin(2).Drive(true);
            dispatcher.Poll();
            Assert.AreEqual(1, got, "the reopened pin's edge is delivered, not written off as stale");
            Assert.AreEqual(0, reopened.Stats.Queued);
            Assert.AreEqual(2, dispatcher.Stats.Discarded, "the dispatcher discarded exactly the two old edges");
            Assert.AreEqual(1, first.Stats.Delivered);
        }
    }
}
