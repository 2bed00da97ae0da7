using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqTriggerTests
    {
        [TestMethod]
        public void RisingDeliversOnlyRisingEdgesWithTheirRecord()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Rising);
            b.Drive(4, true, 10);
            b.Drive(4, false, 20);
            b.Drive(4, true, 30);
            Assert.AreEqual(0, b.Log.Count, "nothing is delivered before Poll");
            Assert.AreEqual(3, b.Dispatcher.Poll(), "three edges handled");
            Assert.AreEqual(2, b.Log.Count, "two rising edges delivered");
            Assert.AreEqual((int)IrqFlags.Rising, (int)b.Log.Flags[0], "flag Rising");
            Assert.AreEqual(1010u, b.Log.Edges[0].TimeMicros, "first edge stamped at 1000 + 10 µs");
            Assert.AreEqual(1u, b.Log.Edges[0].Sequence, "first edge is #1");
            Assert.IsTrue(b.Log.Edges[0].Level, "level after a rising edge is high");
            Assert.IsFalse(b.Log.Edges[0].StampIsLate, "the simulator stamps exactly");
            Assert.AreEqual(1060u, b.Log.Edges[1].TimeMicros, "second rising edge at 1060 µs");
            Assert.AreEqual(3u, b.Log.Edges[1].Sequence, "#3: the falling edge #2 was not selected");
            Assert.AreEqual(3, irq.Stats.EdgesSeen, "seen");
            Assert.AreEqual(2, irq.Stats.Delivered, "delivered");
            Assert.AreEqual(1, irq.Stats.Filtered, "the falling edge counts as filtered");
            Assert.AreSame(irq, b.Log.Irqs[0], "the handler receives its Irq");
        }

        [TestMethod]
        [DataRow(1, 2, 1)]
        [DataRow(2, 2, 2)]
        [DataRow(3, 4, 3)]
        public void EachEdgeTriggerSelectsItsDirection(int trigger, int expectedCalls, int expectedFlags)
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(5, (IrqTrigger)trigger);
            b.Drive(5, true, 1);
            b.Drive(5, false, 1);
            b.Drive(5, true, 1);
            b.Drive(5, false, 1);
            b.Dispatcher.Poll();
            Assert.AreEqual(expectedCalls, b.Log.Count, "calls");
            int seen = 0;
            for (int i = 0; i < b.Log.Count; i++)
            {
                seen |= (int)b.Log.Flags[i];
                Assert.AreEqual(b.Log.Edges[i].Level ? (int)IrqFlags.Rising : (int)IrqFlags.Falling, (int)b.Log.Flags[i], "flag matches the edge direction");
            }

            Assert.AreEqual(expectedFlags, seen, "flags seen over all calls");
            Assert.AreEqual(irq.Stats.EdgesSeen, irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped, "every edge accounted for");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(16)]
        [DataRow(-1)]
        [DataRow(255)]
        public void TriggerOutOfRangeIsRefusedAndLeavesThePinFree(int trigger)
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pin.Irq(b.Log.Handle, (IrqTrigger)trigger), "trigger " + trigger.ToString());
            Assert.IsNull(pin.CurrentIrq, "no Irq attached");
            Irq irq = pin.Irq(b.Log.Handle, IrqTrigger.Both);
            Assert.IsNotNull(irq, "a valid trigger still works afterwards");
        }

        [TestMethod]
        public void TriggerSetterRefusesBadValuesAndKeepsTheOld()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Falling);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => irq.Trigger = (IrqTrigger)16, "16 is out of range");
            Assert.AreEqual((int)IrqTrigger.Falling, (int)irq.Trigger, "unchanged");
        }

        [TestMethod]
        public void TriggerChangesAtRunTime()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Rising);
            b.Drive(4, true, 5);
            b.Drive(4, false, 5);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "rising only");
            irq.Trigger = IrqTrigger.Falling;
            b.Drive(4, true, 5);
            b.Drive(4, false, 5);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "one more call");
            Assert.AreEqual((int)IrqFlags.Falling, (int)b.Log.Flags[1], "now the falling edge");
            Assert.AreEqual(4u, b.Log.Edges[1].Sequence, "edge #4");
        }

        [TestMethod]
        public void SeveralPinsAreDeliveredInTimeOrder()
        {
            IrqBench b = new IrqBench();
            Irq a = b.Attach(4, IrqTrigger.Both);
            Irq c = b.Attach(12, IrqTrigger.Both);
            b.Drive(4, true, 10);
            b.Drive(12, true, 0);
            b.Drive(12, false, 7);
            b.Drive(4, false, 3);
            b.Drive(12, true, 0);
            b.Dispatcher.Poll();
            Assert.AreEqual(5, b.Log.Count, "all five edges");
            for (int i = 1; i < b.Log.Count; i++)
            {
                Assert.IsTrue(Ticks.Diff(b.Log.Edges[i].TimeMicros, b.Log.Edges[i - 1].TimeMicros) >= 0, "time order at call " + i.ToString());
            }

            Assert.AreEqual(4, b.Log.Edges[0].Pin, "pin 4 first");
            Assert.AreEqual(12, b.Log.Edges[1].Pin, "pin 12 at the same µs; posted second");
            Assert.AreSame(c, b.Log.Irqs[2], "pin 12 falls at +17");
            Assert.AreSame(a, b.Log.Irqs[3], "pin 4 falls at +20");
            Assert.AreEqual(2u, b.Log.Edges[3].Sequence, "sequence numbers are per pin");
            Assert.AreEqual(3u, b.Log.Edges[4].Sequence, "pin 12's third edge");
        }
    }
}
