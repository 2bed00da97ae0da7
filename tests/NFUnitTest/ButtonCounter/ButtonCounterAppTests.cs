using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NFUnitTest.ButtonCounter
{
    [TestClass]
    public class ButtonCounterAppTests
    {
        [TestMethod]
        public void EachPressCountsAndTogglesTheLed()
        {
            SimulatedLed led = new SimulatedLed();
            ButtonCounterApp app = new ButtonCounterApp(led);
            Assert.IsFalse(led.IsOn, "starts dark");
            app.OnPress(10);
            Assert.AreEqual(1, app.Count);
            Assert.IsTrue(led.IsOn, "first press lights");
            app.OnPress(20);
            Assert.AreEqual(2, app.Count);
            Assert.IsFalse(led.IsOn, "second press darkens");
            app.OnPress(30);
            Assert.AreEqual(3, app.TotalPresses);
            Assert.AreEqual("count 3, LED on", app.Describe());
        }

        [TestMethod]
        public void LongPressResetsCountButNotTotal()
        {
            SimulatedLed led = new SimulatedLed();
            ButtonCounterApp app = new ButtonCounterApp(led);
            app.OnPress(1);
            app.OnPress(2);
            app.OnPress(3); // the long press's own press: lit
            Assert.IsTrue(led.IsOn);
            app.OnLongPress(800000);
            Assert.AreEqual(0, app.Count, "reset");
            Assert.AreEqual(3, app.TotalPresses, "every press stays in the total");
            Assert.AreEqual(1, app.Resets);
            Assert.IsFalse(led.IsOn, "reset darkens the LED");
            app.OnPress(900000);
            Assert.AreEqual(1, app.Count);
            Assert.IsTrue(led.IsOn, "the next press lights it again");
        }

        [TestMethod]
        public void DoubleClickBlinksTheCountAndOtherBurstsDoNot()
        {
            FakeClock clock = new FakeClock();
            SimulatedLed led = new SimulatedLed();
            ButtonCounterApp app = new ButtonCounterApp(led);
            app.OnPress(clock.NowMicros);
            app.OnPress(clock.NowMicros);
            app.OnPress(clock.NowMicros); // LED on, count 3
            app.OnMultiClick(3, clock.NowMicros);
            Assert.IsFalse(app.IsBlinking, "a triple click does not blink");
            app.OnMultiClick(2, clock.NowMicros);
            Assert.IsTrue(app.IsBlinking);
            Assert.IsFalse(led.IsOn, "dark while the count is blinked out");
            int lightingsBefore = led.Lightings;
            int end = app.BlinkOut.DurationMicros(3);
            uint deadline;
            while (app.TryGetDeadline(out deadline))
            {
                clock.Set(deadline); // jump straight to each deadline, as an idle dispatcher would
                app.Service(clock.NowMicros);
            }

            Assert.AreEqual(end, Ticks.Diff(clock.NowMicros, 0), "pattern length as documented");
            Assert.AreEqual(4, led.Lightings - lightingsBefore, "three flashes for a count of 3; then the restore to the lit toggle state");
            Assert.IsTrue(led.IsOn, "back to the toggled state");
            Assert.AreEqual(1, app.BlinkOuts);
            Assert.AreEqual(1, app.BlinkOut.Completed);
        }

        [TestMethod]
        public void PressDuringBlinkOutCancelsItAndShowsTheToggle()
        {
            SimulatedLed led = new SimulatedLed();
            ButtonCounterApp app = new ButtonCounterApp(led);
            int cancelled = 0;
            app.Changed += (a, change, now) =>
            {
                if (change == CounterChange.BlinkOutCancelled)
                {
                    cancelled++;
                }
            };
            app.OnPress(0);
            app.OnPress(0);
            app.OnMultiClick(2, 0);
            app.Service(700000); // first flash lit
            Assert.IsTrue(led.IsOn);
            app.OnPress(750000);
            Assert.IsFalse(app.IsBlinking);
            Assert.AreEqual(1, cancelled);
            Assert.AreEqual(3, app.Count);
            Assert.IsTrue(led.IsOn, "third press: toggle state on");
            uint deadline;
            Assert.IsFalse(app.TryGetDeadline(out deadline), "no more time-driven work");
        }

        [TestMethod]
        public void RefusesNullLed()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ButtonCounterApp(null));
        }
    }
}
