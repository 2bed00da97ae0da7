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
            Assert.AreEqual(0, b.Log.Count, "nothing while low");
            b.Drive(4, true, 100);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "fires once");
            Assert.AreEqual((int)IrqFlags.HighLevel, (int)b.Log.Flags[0], "HighLevel flag");
            Assert.AreEqual(1, irq.Stats.Delivered, "delivered");
            b.Clock.Advance(999);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "not yet");
            b.Clock.Advance(1);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "repeat");
            Assert.AreEqual(2100u, b.Log.Edges[1].TimeMicros, "due time");
            Assert.AreEqual(1u, b.Log.Edges[1].Sequence, "entry sequence");
            b.Clock.Advance(1000);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "second repeat");
            Assert.AreEqual(2, irq.Stats.LevelCalls, "two repeats");
            b.Drive(4, false, 10);
            b.Clock.Advance(5000);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "repeats stop");
            Assert.AreEqual(1, irq.Stats.Filtered, "falling filtered");
        }

        [TestMethod]
        public void LowLevelHeldAtCreationFiresAtTheFirstPoll()
        {
            IrqBench b = new IrqBench();
            Irq irq = AttachLevel(b, IrqTrigger.LowLevel, 500);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "fires at once");
            Assert.AreEqual((int)IrqFlags.LowLevel, (int)b.Log.Flags[0], "LowLevel flag");
            Assert.AreEqual(1, irq.Stats.LevelCalls, "level call");
            b.Clock.Advance(500);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "repeat");
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
            Assert.AreEqual(2, b.Log.Count, "one call");
            Assert.AreEqual(2000u, b.Log.Edges[1].TimeMicros, "first missed due time");
            b.Clock.Advance(499);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "not yet");
            b.Clock.Advance(1);
            b.Dispatcher.Poll();
            Assert.AreEqual(3, b.Log.Count, "repeat");
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
            Assert.AreEqual(1, b.Log.Count, "none while disabled");
            irq.Enable();
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "fires on Enable");
            Assert.AreEqual(4000u, b.Log.Edges[1].TimeMicros, "poll time");
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
            Assert.AreEqual(2, b.Log.Count, "edge then level");
            Assert.AreEqual((int)IrqFlags.HighLevel, (int)b.Log.Flags[1], "HighLevel");
            irq.Trigger = IrqTrigger.Rising;
            b.Clock.Advance(5000);
            b.Dispatcher.Poll();
            Assert.AreEqual(2, b.Log.Count, "repeats stop");
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

            Assert.AreEqual(9, b.Log.Count, "nine calls");
            Assert.AreEqual(0x00000F40u, b.Log.Edges[8].TimeMicros, "wrapped time");
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
            Assert.AreEqual(IrqOptions.DefaultLevelRepeatMicros, options.LevelRepeatMicros, "unchanged");
        }
    }
}
