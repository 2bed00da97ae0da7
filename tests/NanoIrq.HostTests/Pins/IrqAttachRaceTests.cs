using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>IrqPin.Irq racing another IrqPin.Irq or IrqPin.Dispose on other threads: one Irq per pin, and none left behind a closed pin.</summary>
    [TestClass]
    public class IrqAttachRaceTests
    {
        [TestMethod]
        public void TwoThreadsAttachingToOnePinGetExactlyOneIrq()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            for (int round = 0; round < 2000; round++)
            {
                IrqPin pin = new IrqPin(sim, 3);
                Irq[] got = new Irq[2];
                Exception[] errors = new Exception[2];
                using Barrier go = new Barrier(2);
                Thread[] threads = new Thread[2];
                for (int t = 0; t < 2; t++)
                {
                    int index = t;
                    threads[t] = new Thread(() =>
                    {
                        go.SignalAndWait();
                        try { got[index] = pin.Irq((i, e) => { }, IrqTrigger.Both); }
                        catch (Exception ex) { errors[index] = ex; }
                    });
                    threads[t].Start();
                }

                threads[0].Join();
                threads[1].Join();
                int attached = (got[0] != null ? 1 : 0) + (got[1] != null ? 1 : 0);
                Assert.AreEqual(1, attached, "round " + round + ": exactly one Irq attached");
                Exception error = errors[0] ?? errors[1];
                Assert.IsInstanceOfType(error, typeof(InvalidOperationException), "round " + round + ": the other is refused");
                Irq winner = got[0] ?? got[1];
                Assert.AreSame(winner, pin.CurrentIrq, "round " + round);

                // Only the winner receives the edge: a second registered Irq would count it too.
                sim.Pin(3).Drive(!sim.Pin(3).Level);
                dispatcher.Poll();
                Assert.AreEqual(1, winner.Stats.Delivered, "round " + round);
                Assert.AreEqual(0, dispatcher.Stats.Unrouted, "round " + round);
                pin.Dispose();
            }
        }

        [TestMethod]
        public void AttachRacingDisposeLeavesNoIrqBehindTheClosedPin()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            int attachedAndDisposed = 0;
            int refused = 0;
            for (int round = 0; round < 2000; round++)
            {
                IrqPin pin = new IrqPin(sim, 7);
                Irq irq = null;
                Exception error = null;
                using Barrier go = new Barrier(2);
                Thread attacher = new Thread(() =>
                {
                    go.SignalAndWait();
                    try { irq = pin.Irq((i, e) => { }, IrqTrigger.Both); }
                    catch (Exception ex) { error = ex; }
                });
                Thread disposer = new Thread(() =>
                {
                    go.SignalAndWait();
                    pin.Dispose();
                });
                attacher.Start();
                disposer.Start();
                attacher.Join();
                disposer.Join();
                if (irq == null)
                {
                    Assert.IsInstanceOfType(error, typeof(ObjectDisposedException), "round " + round + ": refused because the pin was closed");
                    refused++;
                }
                else
                {
                    Assert.IsTrue(irq.IsDisposed, "round " + round + ": an Irq attached to a pin disposed meanwhile is disposed with it");
                    attachedAndDisposed++;
                }

                // The GPIO reopens, and its edge goes to the new Irq only (an orphan Irq would still be registered).
                int got = 0;
                IrqPin reopened = new IrqPin(sim, 7);
                Irq fresh = reopened.Irq((i, e) => got++, IrqTrigger.Both);
                sim.Pin(7).Drive(!sim.Pin(7).Level);
                dispatcher.Poll();
                Assert.AreEqual(1, got, "round " + round);
                if (irq != null)
                {
                    Assert.AreEqual(0, irq.Stats.EdgesSeen, "round " + round + ": the disposed Irq saw nothing");
                }

                reopened.Dispose();
            }

            Console.WriteLine("attached then disposed: " + attachedAndDisposed + ", refused: " + refused);
        }
    }
}
