using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class SimulatedEdgeSourceTests
    {
        [TestMethod]
        public void AScriptPlaysAtExactTimesIncludingAZeroWidthGlitch()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            int[] at = new int[] { 100, 100, 250, 1000 };
            bool[] levels = new bool[] { true, false, true, false };
            b.Sim.Play(4, at, levels);
            Assert.AreEqual(4, b.Sim.PendingScriptEdges, "four scripted");
            Assert.AreEqual(3, b.Sim.Advance(500), "three within 500 µs");
            Assert.AreEqual(1500u, b.Clock.NowMicros, "the clock ends at +500");
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "the glitch is two edges");
            Assert.AreEqual(1100u, b.Log.Edges[0].TimeMicros, "rise at +100");
            Assert.AreEqual(1100u, b.Log.Edges[1].TimeMicros, "fall at the same µs");
            Assert.AreEqual(1250u, b.Log.Edges[2].TimeMicros, "rise at +250");
            Assert.AreEqual(1, b.Sim.Advance(500), "the last one");
            Assert.AreEqual(0, b.Sim.PendingScriptEdges, "script done");
            b.Dispatcher.Poll();
            Assert.AreEqual(4, irq.Stats.Delivered, "all four delivered");
        }

        [TestMethod]
        public void ScriptsOnSeveralPinsMergeInTimeOrder()
        {
            IrqBench b = new IrqBench();
            b.Attach(4, IrqTrigger.Both);
            b.Attach(7, IrqTrigger.Both);
            b.Sim.Play(4, new int[] { 10, 30 }, new bool[] { true, false });
            b.Sim.Play(7, new int[] { 20, 30 }, new bool[] { true, false });
            b.Sim.Advance(100);
            b.Dispatcher.Poll();
            Assert.AreEqual(4, b.Log.Count, "four edges");
            Assert.AreEqual(4, b.Log.Edges[0].Pin, "pin 4 at +10");
            Assert.AreEqual(7, b.Log.Edges[1].Pin, "pin 7 at +20");
            Assert.AreEqual(4, b.Log.Edges[2].Pin, "pin 4 at +30 (lower number first on a tie)");
            Assert.AreEqual(7, b.Log.Edges[3].Pin, "pin 7 at +30");
        }

        [TestMethod]
        public void BadScriptsAreRefusedAndNothingIsScheduled()
        {
            IrqBench b = new IrqBench();
            Assert.ThrowsException(typeof(ArgumentException), () => b.Sim.Play(4, new int[] { 1, 2 }, new bool[] { true }), "lengths differ");
            Assert.ThrowsException(typeof(ArgumentException), () => b.Sim.Play(4, new int[] { 5, 4 }, new bool[] { true, false }), "decreasing");
            Assert.ThrowsException(typeof(ArgumentException), () => b.Sim.Play(4, new int[] { -1 }, new bool[] { true }), "negative");
            Assert.ThrowsException(typeof(ArgumentNullException), () => b.Sim.Play(4, null, new bool[] { true }), "null offsets");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => b.Sim.Advance(-1), "backwards");
            Assert.AreEqual(0, b.Sim.PendingScriptEdges, "nothing scheduled");
        }

        [TestMethod]
        public void DrivingTheSameLevelIsNotAnEdge()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            SimulatedPin pin = b.Sim.Pin(4);
            Assert.IsTrue(pin.Drive(true), "low to high is an edge");
            Assert.IsFalse(pin.Drive(true), "high to high is not");
            pin.Glitch();
            Assert.AreEqual(3u, pin.Sequence, "the glitch added two edges");
            Assert.AreEqual(3, irq.Stats.EdgesSeen, "three seen");
        }

        [TestMethod]
        public void AdvanceNeedsAFakeClock()
        {
            IrqDispatcher d = new IrqDispatcher(new WallClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(d);
            Assert.ThrowsException(typeof(InvalidOperationException), () => sim.Advance(10), "not a FakeClock");
        }

        private sealed class WallClock : IClock
        {
            public uint NowMicros
            {
                get { return 42; }
            }
        }
    }
}
