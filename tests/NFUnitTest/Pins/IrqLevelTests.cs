using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqLevelTests
    {
        private static Irq AttachLevel(IrqBench b, IrqTrigger trigger, int repeatMicros)
        {
            IrqOptions options = new IrqOptions();
            options.LevelRepeatMicros = repeatMicros;
            return new IrqPin(b.Sim, 4).Irq(b.Log.Handle, trigger, options);
        }

        [TestMethod]
        public void HighLevelFiresOnEntryThenRepeatsWhileItHolds()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.HighLevel, 1000);
            b.Dispatcher.Poll();
            Assert.AreEqual(0, b.Log.Count, "low at start: nothing");
            b.Drive(4, true, 100);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "entering high fires once");
            Assert.AreEqual((int)IrqFlags.HighLevel, (int)b.Log.Flags[0], "HighLevel flag");
            Assert.AreEqual(1, irq.Delivered, "the entering edge counts as delivered");
            b.Clock.Advance(999);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "not yet: 999 µs");
            b.Clock.Advance(1);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "repeat at exactly +1000 µs");
            Assert.AreEqual(2100u, b.Log.Edges[1].TimeMicros, "the repeat carries its due time");
            Assert.AreEqual(1u, b.Log.Edges[1].Sequence, "and the sequence of the edge that entered the level");
            b.Clock.Advance(1000);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "again at +2000 µs");
            Assert.AreEqual(2, irq.LevelCalls, "two repeats");
            b.Drive(4, false, 10);
            b.Clock.Advance(5000);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "leaving the level stops the repeats; the falling edge is not selected");
            Assert.AreEqual(1, irq.Filtered, "the falling edge is counted as filtered");
        }

        [TestMethod]
        public void LowLevelHeldAtCreationFiresAtTheFirstPoll()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.LowLevel, 500);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "low already: fires at once");
            Assert.AreEqual((int)IrqFlags.LowLevel, (int)b.Log.Flags[0], "LowLevel flag");
            Assert.AreEqual(1, irq.LevelCalls, "a level call; not an edge");
            b.Clock.Advance(500);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "repeat after 500 µs");
        }

        [TestMethod]
        public void LateRepeatsDoNotPileUpAndStayOnTheGrid()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.HighLevel, 1000);
            b.Drive(4, true, 0);
            b.Dispatcher.Poll();
            b.Clock.Advance(3500);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "3.5 periods late: one call; not three");
            Assert.AreEqual(2000u, b.Log.Edges[1].TimeMicros, "the first missed due time (1000 + 1000)");
            b.Clock.Advance(499);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "next due at 5000; not before");
            b.Clock.Advance(1);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "due at 5000 on the original grid");
            Assert.AreEqual(5000u, b.Log.Edges[2].TimeMicros, "grid time");
        }

        [TestMethod]
        public void AnEdgeEnteringAWatchedLevelCarriesBothFlags()
        {
            IrqBench b = new IrqBench();
            AttachLevel(b, IrqTrigger.Rising | IrqTrigger.HighLevel, 1000);
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "one call");
            Assert.AreEqual((int)(IrqFlags.Rising | IrqFlags.HighLevel), (int)b.Log.Flags[0], "Rising | HighLevel");
        }

        [TestMethod]
        public void DisableStopsRepeatsAndEnableResumesWhileTheLevelHolds()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.HighLevel, 1000);
            b.Drive(4, true, 0);
            b.Dispatcher.Poll();
            irq.Disable();
            b.Clock.Advance(3000);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "no repeats while disabled");
            irq.Enable();
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "the level still holds: fires at once on Enable");
            Assert.AreEqual(4000u, b.Log.Edges[1].TimeMicros, "at the poll's time");
        }

        [TestMethod]
        public void AddingALevelTriggerWhileTheLevelHoldsFires()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.Rising, 1000);
            b.Drive(4, true, 0);
            b.Dispatcher.Poll();
            irq.Trigger = IrqTrigger.Rising | IrqTrigger.HighLevel;
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "edge; then the level at the next poll");
            Assert.AreEqual((int)IrqFlags.HighLevel, (int)b.Log.Flags[1], "HighLevel");
            irq.Trigger = IrqTrigger.Rising;
            b.Clock.Advance(5000);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "removing the level trigger stops the repeats");
        }

        [TestMethod]
        public void RepeatsWorkAcrossTheClockWrap()
        {
            IrqBench b = new IrqBench(16, 0xFFFFF000u);
            IrqOptions options = new IrqOptions();
            options.LevelRepeatMicros = 1000;
            new IrqPin(b.Sim, 4).Irq(b.Log.Handle, IrqTrigger.HighLevel, options);
            b.Drive(4, true, 0);
            b.Dispatcher.Poll();
            for (int i = 0; i < 8; i++)
            {
                b.Clock.Advance(1000);
                b.Dispatcher.Poll();
            }

            Assert.AreEqual(9, b.Log.Count, "entry plus one repeat per period; across 2^32");
            Assert.AreEqual(0x00000F40u, b.Log.Edges[8].TimeMicros, "8000 µs after 0xFFFFF000 wraps to 0xF40");
        }

        [TestMethod]
        [DataRow(99)]
        [DataRow(0)]
        [DataRow(-5)]
        [DataRow(1000000001)]
        public void LevelRepeatOutOfRangeIsRefused(int micros)
        {
            IrqOptions options = new IrqOptions();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => options.LevelRepeatMicros = micros, micros.ToString() + " µs");
            Assert.AreEqual(IrqOptions.DefaultLevelRepeatMicros, options.LevelRepeatMicros, "the default is kept");
        }
    }
}
