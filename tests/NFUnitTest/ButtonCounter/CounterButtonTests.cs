using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NFUnitTest.ButtonCounter
{
    /// <summary>Raw, bouncing button edges through the demo's real filter chain into the app, on a fake clock.</summary>
    internal sealed class BouncingButton : IEdgeSink
    {
        // Level changes of one bouncing contact, µs after it starts: 7 changes (odd, so it ends in the new state), 2.6 ms long.
        public static readonly int[] Bounce = new int[] { 0, 150, 400, 700, 1200, 1900, 2600 };

        public readonly FakeClock Clock = new FakeClock(0xFFFF0000u); // wraps about 65 ms in
        public readonly SimulatedLed Led = new SimulatedLed();
        public readonly ButtonCounterApp App;
        public readonly CounterButton Button;
        public bool Level = true; // released: the pull-up holds the line high
        public uint Sequence;
        public int RawEdges;
        public int DebouncedEdges;

        public BouncingButton()
        {
            App = new ButtonCounterApp(Led);
            Button = new CounterButton(App);
        }

        public void Emit(EdgeRecord edge)
        {
            DebouncedEdges++;
        }

        // Steps the clock to `micros` after now, running the filter's and the app's deadlines on the way, as the dispatcher does.
        public void Wait(int micros)
        {
            uint end = Ticks.Add(Clock.NowMicros, micros);
            while (true)
            {
                uint filterDue;
                uint appDue;
                bool f = Button.Filter.TryGetDeadline(out filterDue) && Ticks.Diff(end, filterDue) >= 0;
                bool a = App.TryGetDeadline(out appDue) && Ticks.Diff(end, appDue) >= 0;
                if (!f && !a)
                {
                    break;
                }

                uint due = f && (!a || Ticks.IsBefore(filterDue, appDue)) ? filterDue : appDue;
                if (Ticks.IsBefore(Clock.NowMicros, due))
                {
                    Clock.Set(due);
                }

                if (f && filterDue == due)
                {
                    Button.Filter.Tick(due, this);
                }
                else
                {
                    App.Service(due);
                }
            }

            Clock.Set(end);
        }

        // The contact closes (pressed = true, line goes low) or opens, bouncing on the way.
        public void Contact(bool pressed)
        {
            int last = 0;
            for (int i = 0; i < Bounce.Length; i++)
            {
                Wait(Bounce[i] - last);
                last = Bounce[i];
                Level = !Level;
                Sequence++;
                RawEdges++;
                Button.Filter.Feed(new EdgeRecord(4, Level, Clock.NowMicros, Sequence, false), this);
            }

            Assert.AreEqual(!pressed, Level, "the bounce ends in the new state");
        }

        public void Click(int holdMillis, int gapMillis)
        {
            Contact(true);
            Wait(Ticks.FromMillis(holdMillis));
            Contact(false);
            Wait(Ticks.FromMillis(gapMillis));
        }
    }

    [TestClass]
    public class CounterButtonTests
    {
        [TestMethod]
        public void BouncingClicksCountOncePerPress()
        {
            BouncingButton b = new BouncingButton();
            for (int i = 0; i < 5; i++)
            {
                b.Click(120, 600);
            }

            Assert.AreEqual(70, b.RawEdges, "7 raw changes per press and per release");
            Assert.AreEqual(10, b.DebouncedEdges, "one debounced press and one release per click");
            Assert.AreEqual(5, b.App.Count);
            Assert.AreEqual(5, b.App.TotalPresses);
            Assert.IsTrue(b.Led.IsOn, "5 toggles from dark: lit");
            Assert.AreEqual(5, b.Led.Changes, "the LED changed once per press; bounces never reach it");
        }

        [TestMethod]
        public void PressIsCountedOnlyAfterTheQuietTime()
        {
            BouncingButton b = new BouncingButton();
            b.Contact(true); // the last bounce change is at 2.6 ms
            b.Wait(Ticks.FromMillis(20) - 1);
            Assert.AreEqual(0, b.App.Count, "1 µs before 20 ms of quiet: not yet");
            b.Wait(1);
            Assert.AreEqual(1, b.App.Count, "20 ms of quiet after the last bounce: counted");
            Assert.IsTrue(b.Led.IsOn);
        }

        [TestMethod]
        public void LongPressResetsTheCount()
        {
            BouncingButton b = new BouncingButton();
            b.Click(100, 600);
            b.Click(100, 600);
            b.Contact(true);
            b.Wait(Ticks.FromMillis(990));
            Assert.AreEqual(3, b.App.Count, "held 990 ms + quiet time: the press is counted; no reset yet");
            b.Wait(Ticks.FromMillis(30));
            Assert.AreEqual(0, b.App.Count, "1000 ms after the debounced press: long press; reset");
            Assert.AreEqual(1, b.App.Resets);
            Assert.IsFalse(b.Led.IsOn, "reset darkens the LED");
            b.Wait(Ticks.FromMillis(500));
            b.Contact(false);
            b.Wait(Ticks.FromMillis(600));
            Assert.AreEqual(0, b.App.Count, "the bouncing release of a long hold is not a press");
            Assert.AreEqual(3, b.App.TotalPresses);
            b.Click(100, 600);
            Assert.AreEqual(1, b.App.Count, "counting starts again");
            Assert.IsTrue(b.Led.IsOn);
        }

        [TestMethod]
        public void DoubleClickBlinksTheCountOutThenRestoresTheLed()
        {
            BouncingButton b = new BouncingButton();
            b.Click(100, 600);
            b.Click(100, 600);
            b.Click(100, 600); // count 3, lit
            b.Click(80, 150);  // first click of the double: count 4, dark
            b.Contact(true);
            b.Wait(Ticks.FromMillis(80));
            Assert.AreEqual(5, b.App.Count, "both presses of the double click count");
            Assert.IsTrue(b.Led.IsOn, "count 5: lit");
            int lightingsBefore = b.Led.Lightings;
            b.Contact(false);
            b.Wait(Ticks.FromMillis(25));
            Assert.IsTrue(b.App.IsBlinking, "the double click (at the debounced release) starts the blink-out");
            Assert.AreEqual(1, b.App.BlinkOuts);
            b.Wait(b.App.BlinkOut.DurationMicros(5));
            Assert.IsFalse(b.App.IsBlinking, "over after the documented duration");
            Assert.AreEqual(5 + 1, b.Led.Lightings - lightingsBefore, "5 flashes; then back on");
            Assert.IsTrue(b.Led.IsOn, "restored: count 5 is odd; lit");
            Assert.AreEqual(5, b.App.Count, "blinking out does not change the count");
        }
    }
}
