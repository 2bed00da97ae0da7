using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Boards;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NFUnitTest.ButtonCounter
{
    /// <summary>
    /// ButtonCounter built by <see cref="ButtonCounterSetup"/>, as the device's Program.cs builds it, on the
    /// esp32-devkitc profile, with the simulated edge source and a FakeClock instead of GPIO and a real clock.
    /// </summary>
    [TestClass]
    public class DispatcherPipelineTests
    {
        private const string Board = "esp32-devkitc";

        // Bouncing contact: 7 level changes over 2.6 ms, ending on the new level.
        private static readonly int[] BounceOffsets = new int[] { 0, 150, 400, 700, 1200, 1900, 2600 };

        private static SimulatedEdgeSource NewBench(out IrqDispatcher dispatcher, out Irq irq, out ButtonCounterApp app, out SimulatedLed led)
        {
            BoardProfile board = BoardCatalog.Find(Board);
            dispatcher = new IrqDispatcher(new FakeClock(0xFFFFF000u)); // wraps 4 ms in
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            source.Pin(board.Demo.ButtonPin).Drive(true); // pull-up: released is high
            led = new SimulatedLed();
            ButtonCounterSetup demo = new ButtonCounterSetup(source, board, led, Ignore);
            irq = demo.Irq;
            app = demo.App;
            return source;
        }

        private static void Ignore(Irq irq, EdgeRecord edge)
        {
        }

        // A bouncing press held holdMillis, then a bouncing release: 14 raw edges.
        private static void PlayPress(SimulatedEdgeSource source, int holdMillis)
        {
            int hold = Ticks.FromMillis(holdMillis);
            int n = BounceOffsets.Length;
            int[] offsets = new int[2 * n];
            bool[] levels = new bool[2 * n];
            for (int i = 0; i < n; i++)
            {
                offsets[i] = BounceOffsets[i];
                levels[i] = i % 2 != 0; // low, high, low ... ends low (pressed)
                offsets[n + i] = hold + BounceOffsets[i];
                levels[n + i] = i % 2 == 0; // high, low, high ... ends high (released)
            }

            source.Play(BoardCatalog.Find(Board).Demo.ButtonPin, offsets, levels);
        }

        // Steps the clock in 1 ms slices, delivering after each, as the dispatcher thread would.
        private static void Run(SimulatedEdgeSource source, int millis)
        {
            for (int i = 0; i < millis; i++)
            {
                source.Advance(1000);
                source.Dispatcher.Poll();
            }
        }

        [TestMethod]
        public void BouncingPressesCountOnceAndTheIrqCountersAddUp()
        {
            IrqDispatcher dispatcher;
            Irq irq;
            ButtonCounterApp app;
            SimulatedLed led;
            SimulatedEdgeSource source = NewBench(out dispatcher, out irq, out app, out led);
            for (int i = 0; i < 3; i++)
            {
                PlayPress(source, 120);
                Run(source, 800);
            }

            Assert.AreEqual(3, app.Count);
            Assert.IsTrue(led.IsOn, "3 toggles from dark: lit");
            Assert.AreEqual(3, led.Changes, "bounces never reach the LED");
            Assert.AreEqual(42, irq.Stats.EdgesSeen, "14 raw edges per press");
            Assert.AreEqual(6, irq.Stats.Delivered, "one debounced press and release per press");
            Assert.AreEqual(36, irq.Stats.Filtered, "the rest absorbed by the debouncer");
            Assert.AreEqual(0, irq.Stats.Dropped);
            Assert.AreEqual(0, dispatcher.Faults.Recorded);
        }

        [TestMethod]
        public void LongPressResetsAndDoubleClickBlinksThroughTheDispatcher()
        {
            IrqDispatcher dispatcher;
            Irq irq;
            ButtonCounterApp app;
            SimulatedLed led;
            SimulatedEdgeSource source = NewBench(out dispatcher, out irq, out app, out led);
            PlayPress(source, 100);
            Run(source, 800);
            PlayPress(source, 1500);
            Run(source, 2000);
            Assert.AreEqual(0, app.Count, "the long press reset the count");
            Assert.AreEqual(2, app.TotalPresses);
            Assert.AreEqual(1, app.Resets);
            Assert.IsFalse(led.IsOn);

            PlayPress(source, 80);
            Run(source, 150);
            PlayPress(source, 80);
            Run(source, 600);
            Assert.AreEqual(2, app.Count);
            Assert.AreEqual(1, app.BlinkOuts);
            Assert.IsTrue(app.IsBlinking, "the blink-out runs on the dispatcher's deadlines");
            int lightings = led.Lightings;
            Run(source, app.BlinkOut.DurationMicros(2) / 1000 + 10);
            Assert.IsFalse(app.IsBlinking);
            Assert.AreEqual(lightings + 2, led.Lightings, "two flashes for a count of 2");
            Assert.IsFalse(led.IsOn, "back to the toggled state: 2 presses after the reset; dark");
            Assert.AreEqual(0, irq.Stats.Dropped);
        }
    }
}
