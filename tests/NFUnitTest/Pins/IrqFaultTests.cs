using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqFaultTests
    {
        private static void Throwing(Irq irq, EdgeRecord edge)
        {
            throw new InvalidOperationException("handler failed on purpose");
        }

        [TestMethod]
        public void AThrowingHandlerIsRecordedAndDisabledWhileOthersRun()
        {
            IrqBench b = new IrqBench();
            Irq bad = new IrqPin(b.Sim, 4).Irq(Throwing, IrqTrigger.Both);
            Irq good = b.Attach(5, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Drive(5, true, 10);
            b.Drive(4, false, 10);
            b.Drive(5, false, 10);
            int handled = b.Dispatcher.Poll();
            Assert.AreEqual(4, handled, "Poll handles all four edges and does not throw");
            Assert.AreEqual(1, bad.Stats.Faults, "one fault");
            Assert.IsFalse(bad.IsEnabled, "disabled after its fault");
            Assert.AreEqual(1, bad.Stats.DisabledSkipped, "its next edge is counted; not delivered");
            Assert.AreEqual(2, good.Stats.Delivered, "the other pin got both edges");
            Assert.AreEqual(1, b.Dispatcher.Faults.Count, "one fault in the log");
            Fault fault;
            Assert.IsTrue(b.Dispatcher.Faults.TryRead(out fault), "readable");
            Assert.AreSame(bad, fault.Source, "source is the Irq");
            Assert.IsInstanceOfType(fault.Error, typeof(InvalidOperationException), "the exception");
            Assert.AreEqual("handler failed on purpose", fault.Error.Message, "its message");
            Assert.AreEqual(1040u, fault.TimeMicros, "time of the dispatch (clock at Poll)");
            b.Dispatcher.Faults.Clear();
            Assert.AreEqual(0, b.Dispatcher.Faults.Count, "the main loop clears faults");
        }

        [TestMethod]
        public void KeepEnabledOnFaultKeepsDelivering()
        {
            IrqBench b = new IrqBench();
            IrqOptions options = new IrqOptions();
            options.KeepEnabledOnFault = true;
            Irq irq = new IrqPin(b.Sim, 4).Irq(Throwing, IrqTrigger.Both, options);
            b.Drive(4, true, 10);
            b.Drive(4, false, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, irq.Stats.Faults, "both calls threw");
            Assert.AreEqual(2, irq.Stats.Delivered, "both were delivered");
            Assert.IsTrue(irq.IsEnabled, "still enabled");
            Assert.AreEqual(2, b.Dispatcher.Faults.Count, "two faults logged");
        }

        [TestMethod]
        public void AThrowingInvokeIsRecordedToo()
        {
            IrqBench b = new IrqBench();
            Irq irq = new IrqPin(b.Sim, 4).Irq(Throwing, IrqTrigger.Both);
            irq.Invoke();
            Assert.AreEqual(1, irq.Stats.Faults, "counted");
            Assert.IsFalse(irq.IsEnabled, "disabled");
            Assert.AreEqual(1, b.Dispatcher.Faults.Count, "logged");
        }

        [TestMethod]
        public void AThrowingTargetIsRecordedAndEdgesStillFlow()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            OneShotTarget target = new OneShotTarget();
            target.Due = 1005;
            target.Armed = true;
            target.Throw = true;
            b.Dispatcher.AttachTarget(target);
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, target.Served, "served once");
            Assert.AreEqual(1, irq.Stats.Delivered, "the edge after it was delivered");
            Fault fault;
            Assert.IsTrue(b.Dispatcher.Faults.TryRead(out fault), "logged");
            Assert.AreSame(target, fault.Source, "source is the target");
        }
    }
}
