using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqLifecycleTests
    {
        [TestMethod]
        public void EdgesWhileDisabledAreCountedNotDelivered()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            irq.Disable();
            Assert.IsFalse(irq.IsEnabled, "disabled");
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "nothing delivered while disabled");
            Assert.AreEqual(2, irq.DisabledSkipped, "both edges counted");
            irq.Enable();
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "delivered again after Enable");
            Assert.AreEqual(3u, b.Log.Edges[0].Sequence, "#3: the gap shows the two skipped edges");
            Assert.AreEqual(irq.EdgesSeen, irq.Delivered + irq.Filtered + irq.Dropped + irq.DisabledSkipped, "every edge accounted for");
        }

        [TestMethod]
        public void DisableTakesEffectForEdgesAlreadyQueued()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, true, 10);
            irq.Disable();
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "queued before Disable; dispatched after: not delivered");
            Assert.AreEqual(1, irq.DisabledSkipped, "counted");
        }

        [TestMethod]
        public void InvokeCallsTheHandlerNowWithManualFlag()
        {
            IrqBench b = new IrqBench();
            b.Sim.Pin(4).Drive(true);
            Irq irq = b.Attach(4, IrqTrigger.Falling);
            b.Clock.Advance(250);
            irq.Invoke();
            Assert.AreEqual(1, b.Log.Count, "called at once; no Poll needed");
            Assert.AreEqual((int)IrqFlags.Manual, (int)b.Log.Flags[0], "Manual flag");
            Assert.IsTrue(b.Log.Edges[0].Level, "carries the pin's current level");
            Assert.AreEqual(1250u, b.Log.Edges[0].TimeMicros, "stamped with the clock");
            Assert.AreEqual(1, irq.Invoked, "counted as invoked");
            Assert.AreEqual(0, irq.Delivered, "not counted as an edge");
            irq.Disable();
            irq.Invoke();
            Assert.AreEqual(2, b.Log.Count, "Invoke works while disabled");
        }

        [TestMethod]
        public void DisposeIsSafeTwiceAndReleasesThePin()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Irq irq = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            b.Drive(4, true, 10);
            irq.Dispose();
            irq.Dispose();
            Assert.IsTrue(irq.IsDisposed, "disposed");
            Assert.IsFalse(irq.IsEnabled, "not enabled");
            Assert.IsFalse(pin.IsOpen, "the pin is released with its Irq");
            Assert.IsFalse(b.Sim.Pin(4).IsOpen, "the source no longer reports the pin");
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "an edge queued before Dispose is not delivered after it");
            IrqPin again = new IrqPin(b.Sim, 4);
            Irq second = again.Irq(b.Log.Handle, IrqTrigger.Both);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "the reopened pin works");
            Assert.AreSame(second, b.Log.Irqs[0], "delivered to the new Irq");
            Assert.AreEqual(1u, b.Log.Edges[0].Sequence, "sequence restarts at 1 for the reopened pin");
        }

        [TestMethod]
        public void EdgesQueuedForADisposedIrqNeverReachTheNextIrqOnTheSameGpio()
        {
            IrqBench b = new IrqBench();
            Irq first = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            Assert.AreEqual(3, first.Queued, "three edges wait in the ring");
            first.Dispose();
            Assert.AreEqual(3, first.Discarded, "what was queued is written off at Dispose");
            Assert.AreEqual(0, first.Queued, "nothing left queued for the disposed Irq");
            Assert.AreEqual(first.EdgesSeen, first.Delivered + first.Filtered + first.Dropped + first.DisabledSkipped + first.Discarded, "3 = 0 + 0 + 0 + 0 + 3");

            // Reopened before the dispatcher's next Poll: the old edges are still in the ring.
            Irq second = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "only the new Irq's own edge is delivered");
            Assert.AreSame(second, b.Log.Irqs[0], "to the new Irq");
            Assert.IsFalse(b.Log.Edges[0].Level, "its edge; the falling one driven after reopening");
            Assert.AreEqual(1, second.Delivered, "the new Irq counts one");
            Assert.AreEqual(0, second.DisabledSkipped + second.Filtered, "the old edges are not counted against it");
            Assert.AreEqual(3, b.Dispatcher.Discarded, "the dispatcher took three stale edges out of the ring");
            Assert.AreEqual(0, b.Dispatcher.RingCount, "ring empty");
        }

        [TestMethod]
        public void StaleEdgesOfTwoDisposedIrqsAreAllDiscardedInOrder()
        {
            IrqBench b = new IrqBench();
            Irq first = b.Attach(4, IrqTrigger.Both);
            Irq other = b.Attach(5, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Drive(5, true, 10);
            first.Dispose();
            Irq second = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            second.Dispose();
            Irq third = b.Attach(4, IrqTrigger.Rising);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, first.Discarded, "first: one");
            Assert.AreEqual(2, second.Discarded, "second: two");
            Assert.AreEqual(3, b.Dispatcher.Discarded, "three stale edges in all");
            Assert.AreEqual(2, b.Log.Count, "GPIO 5's edge and the third Irq's rising edge");
            Assert.AreSame(other, b.Log.Irqs[0], "GPIO 5 is untouched");
            Assert.AreSame(third, b.Log.Irqs[1], "then the third Irq");
            Assert.AreEqual(1, third.Delivered, "rising delivered");
            Assert.AreEqual(1, third.Filtered, "falling not selected");
            Assert.AreEqual(third.EdgesSeen, third.Delivered + third.Filtered + third.Dropped + third.DisabledSkipped + third.Discarded, "2 = 1 + 1");
        }

        [TestMethod]
        public void PinDisposeDisposesItsIrq()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Irq irq = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            pin.Dispose();
            pin.Dispose();
            Assert.IsTrue(irq.IsDisposed, "the Irq goes with its pin");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => pin.Irq(b.Log.Handle, IrqTrigger.Both), "a closed pin takes no Irq");
        }

        [TestMethod]
        public void UseAfterDisposeThrowsObjectDisposed()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            irq.Dispose();
            Assert.ThrowsException(typeof(ObjectDisposedException), () => irq.Enable(), "Enable after Dispose");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => irq.Invoke(), "Invoke after Dispose");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => irq.Trigger = IrqTrigger.Rising, "Trigger after Dispose");
            irq.Disable();
            Assert.IsFalse(irq.IsEnabled, "Disable after Dispose is a harmless no-op");
        }

        [TestMethod]
        public void ASecondIrqOnThePinIsRefused()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Irq first = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            Assert.ThrowsException(typeof(InvalidOperationException), () => pin.Irq(b.Log.Handle, IrqTrigger.Rising), "one Irq per pin");
            Assert.AreSame(first, pin.CurrentIrq, "the first Irq stays");
        }
    }
}
