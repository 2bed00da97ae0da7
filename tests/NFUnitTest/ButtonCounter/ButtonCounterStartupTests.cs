using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Boards;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NFUnitTest.ButtonCounter
{
    /// <summary>
    /// ButtonCounter's start-up as Program.Main runs it (BoardCatalog.Find, the board's demo wiring,
    /// <see cref="ButtonCounterSetup"/>) on every built-in board, then a tour of bouncing presses from
    /// <see cref="BounceModel"/>: a demo that dies at start-up or miscounts on the interpreter fails here.
    /// </summary>
    [TestClass]
    public class ButtonCounterStartupTests
    {
        private const int Presses = 6;

        [TestMethod]
        [DataRow("esp32-devkitc")]
        [DataRow("esp32-devkitc-wrover")]
        [DataRow("esp32-s3-devkitc")]
        [DataRow("esp32-c3-devkitm")]
        [DataRow("esp32-c6-devkitc")]
        [DataRow("pico")]
        [DataRow("pico-w")]
        [DataRow("pico2")]
        [DataRow("pico2-w")]
        public void StartsOnEveryBoardAndCountsEachBouncingPressOnce(string name)
        {
            BoardProfile board = BoardCatalog.Find(name);
            DemoWiring wiring = board.Demo;
            Assert.IsNotNull(wiring, name + " has demo pins");
            board.ValidateOutput(wiring.LedPin);

            FakeClock clock = new FakeClock(0xFFF00000u); // wraps about 1 s into the tour
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            source.Pin(wiring.ButtonPin).Drive(true); // released: the pull-up holds the line high
            SimulatedLed led = new SimulatedLed();
            ButtonCounterSetup demo = new ButtonCounterSetup(source, board, led, Ignore);
            Assert.AreSame(board, demo.Board);
            Assert.AreEqual(wiring.ButtonPin, demo.Pin.Number, "the demo button of " + name);

            BounceModel bounce = new BounceModel(name.Length);
            bounce.LongBounceProbability = 0; // a 157 ms outlier is longer than the 20 ms quiet time by design
            uint[] times = new uint[BounceModel.MaxEdgesPerPress];
            bool[] levels = new bool[BounceModel.MaxEdgesPerPress];
            int raw = 0;
            for (int press = 0; press < Presses; press++)
            {
                uint start = clock.NowMicros;
                int n = bounce.WritePress(start, Ticks.FromMillis(150), times, levels, 0);
                int[] offsets = new int[n];
                bool[] played = new bool[n];
                for (int i = 0; i < n; i++)
                {
                    offsets[i] = Ticks.Diff(times[i], start);
                    played[i] = levels[i];
                }

                raw += n;
                source.Play(wiring.ButtonPin, offsets, played);
                for (int ms = 0; ms < 700; ms++) // 700 ms per press: longer than the 400 ms double-click gap
                {
                    source.Advance(1000);
                    dispatcher.Poll();
                }
            }

            Assert.AreEqual(Presses, demo.App.TotalPresses, name + ": one count per bouncing press");
            Assert.AreEqual(Presses, demo.App.Count, name + ": no long press and no reset");
            Assert.AreEqual(Presses, led.Changes, name + ": one LED toggle per press");
            Assert.IsFalse(led.IsOn, name + ": an even number of toggles from dark");
            Assert.AreEqual(raw, demo.Irq.Stats.EdgesSeen, name + ": every raw edge reached the Irq");
            Assert.AreEqual(2 * Presses, demo.Irq.Stats.Delivered, name + ": one debounced press and release each");
            Assert.AreEqual(0, demo.Irq.Stats.Dropped, name + ": nothing dropped");
            Assert.AreEqual(0, dispatcher.Faults.Recorded, name + ": no handler fault");
        }

        [TestMethod]
        public void RefusesMissingPartsByName()
        {
            BoardProfile board = BoardCatalog.Find("pico");
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            SimulatedLed led = new SimulatedLed();
            Assert.AreEqual("source", Refusal.Of(() => new ButtonCounterSetup(null, board, led, Ignore)).ParamName);
            Assert.AreEqual("board", Refusal.Of(() => new ButtonCounterSetup(source, null, led, Ignore)).ParamName);
            Assert.AreEqual("led", Refusal.Of(() => new ButtonCounterSetup(source, board, null, Ignore)).ParamName);
            Assert.AreEqual("onDebouncedEdge", Refusal.Of(() => new ButtonCounterSetup(source, board, led, null)).ParamName);
            Assert.AreEqual("debouncer", Refusal.Of(() => new CounterButton(new ButtonCounterApp(led), (IEdgeFilter)null)).ParamName);

            BoardProfile bare = new BoardProfile("bare-board", "RP2040", 30).Seal();
            ArgumentException e = Refusal.Of(() => new ButtonCounterSetup(source, bare, led, Ignore));
            Assert.AreEqual("board", e.ParamName, "a profile without demo pins");
            Assert.Contains("WithDemoPins", e.Message, "says how to fix it");
            ButtonCounterSetup demo = new ButtonCounterSetup(source, board, led, Ignore);
            Assert.IsTrue(demo.Pin.IsOpen, "the refused calls left the button pin free to open");
        }

        private static void Ignore(Irq irq, EdgeRecord edge)
        {
        }
    }
}
