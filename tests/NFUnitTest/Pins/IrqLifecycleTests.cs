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
            Assert.AreEqual(0, b.Log.Count, "none delivered");
            Assert.AreEqual(2, irq.Stats.DisabledSkipped, "both skipped");
            irq.Enable();
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "delivered after Enable");
            Assert.AreEqual(3u, b.Log.Edges[0].Sequence, "#3");
            Assert.AreEqual(irq.Stats.EdgesSeen, irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped, "all accounted");
        }

        [TestMethod]
        public void DisableTakesEffectForEdgesAlreadyQueued()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, true, 10);
            irq.Disable();
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "not delivered");
            Assert.AreEqual(1, irq.Stats.DisabledSkipped, "counted");
        }

        [TestMethod]
        public void InvokeCallsTheHandlerNowWithManualFlag()
        {
            IrqBench b = new IrqBench();
            b.Sim.Pin(4).Drive(true);
            Irq irq = b.Attach(4, IrqTrigger.Falling);
            b.Clock.Advance(250);
            irq.Invoke();
            Assert.AreEqual(1, b.Log.Count, "called at once");
            Assert.AreEqual((int)IrqFlags.Manual, (int)b.Log.Flags[0], "Manual flag");
            Assert.IsTrue(b.Log.Edges[0].Level, "pin level");
            Assert.AreEqual(1250u, b.Log.Edges[0].TimeMicros, "clock stamp");
            Assert.AreEqual(1, irq.Stats.Invoked, "Invoked");
            Assert.AreEqual(0, irq.Stats.Delivered, "not an edge");
            irq.Disable();
            irq.Invoke();
            Assert.AreEqual(2, b.Log.Count, "Invoke while disabled");
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
            Assert.IsFalse(pin.IsOpen, "pin released");
            Assert.IsFalse(b.Sim.Pin(4).IsOpen, "source released");
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "not delivered");
            IrqPin again = new IrqPin(b.Sim, 4);
            Irq second = again.Irq(b.Log.Handle, IrqTrigger.Both);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "reopened works");
            Assert.AreSame(second, b.Log.Irqs[0], "new Irq");
            Assert.AreEqual(1u, b.Log.Edges[0].Sequence, "sequence restarts");
        }

        [TestMethod]
        public void EdgesQueuedForADisposedIrqNeverReachTheNextIrqOnTheSameGpio()
        {
            IrqBench b = new IrqBench();
            Irq first = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Drive(4, true, 10);
            Assert.AreEqual(3, first.Stats.Queued, "three queued");
            first.Dispose();
            Assert.AreEqual(3, first.Stats.Discarded, "three discarded");
            Assert.AreEqual(0, first.Stats.Queued, "none queued");
            Assert.AreEqual(first.Stats.EdgesSeen, first.Stats.Delivered + first.Stats.Filtered + first.Stats.Dropped + first.Stats.DisabledSkipped + first.Stats.Discarded, "all accounted");

            // Reopened before the dispatcher's next Poll: the old edges are still in the ring.
            Irq second = b.Attach(4, IrqTrigger.Both);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "one delivered");
            Assert.AreSame(second, b.Log.Irqs[0], "new Irq");
            Assert.IsFalse(b.Log.Edges[0].Level, "its own edge");
            Assert.AreEqual(1, second.Stats.Delivered, "one delivered");
            Assert.AreEqual(0, second.Stats.DisabledSkipped + second.Stats.Filtered, "old edges not counted");
            Assert.AreEqual(3, b.Dispatcher.Stats.Discarded, "three discarded");
            Assert.AreEqual(0, b.Dispatcher.Stats.RingCount, "ring empty");
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
            Assert.AreEqual(1, first.Stats.Discarded, "first: one");
            Assert.AreEqual(2, second.Stats.Discarded, "second: two");
            Assert.AreEqual(3, b.Dispatcher.Stats.Discarded, "three discarded");
            Assert.AreEqual(2, b.Log.Count, "two delivered");
            Assert.AreSame(other, b.Log.Irqs[0], "GPIO 5 first");
            Assert.AreSame(third, b.Log.Irqs[1], "third Irq");
            Assert.AreEqual(1, third.Stats.Delivered, "rising delivered");
            Assert.AreEqual(1, third.Stats.Filtered, "falling filtered");
            Assert.AreEqual(third.Stats.EdgesSeen, third.Stats.Delivered + third.Stats.Filtered + third.Stats.Dropped + third.Stats.DisabledSkipped + third.Stats.Discarded, "all accounted");
        }

        [TestMethod]
        public void PinDisposeDisposesItsIrq()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Irq irq = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            pin.Dispose();
            pin.Dispose();
            Assert.IsTrue(irq.IsDisposed, "Irq disposed");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => pin.Irq(b.Log.Handle, IrqTrigger.Both), "closed pin");
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
            Assert.IsFalse(irq.IsEnabled, "Disable no-op");
        }

        [TestMethod]
        public void ASecondIrqOnThePinIsRefused()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Irq first = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            Assert.ThrowsException(typeof(InvalidOperationException), () => pin.Irq(b.Log.Handle, IrqTrigger.Rising), "one Irq per pin");
            Assert.AreSame(first, pin.CurrentIrq, "first stays");
        }
    }
}
