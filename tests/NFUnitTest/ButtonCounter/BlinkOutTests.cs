using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NFUnitTest.ButtonCounter
{
    [TestClass]
    public class BlinkOutTests
    {
        // Steps the clock 1 ms at a time for `millis` ms, servicing the blink-out whenever it is due
        // (as the dispatcher would); returns how many times the LED lit up during the walk.
        private static int Walk(FakeClock clock, BlinkOut blink, SimulatedLed led, int millis)
        {
            int before = led.Lightings;
            for (int i = 0; i < millis; i++)
            {
                clock.AdvanceMillis(1);
                uint deadline;
                if (blink.TryGetDeadline(out deadline) && Ticks.Diff(clock.NowMicros, deadline) >= 0)
                {
                    blink.Service(clock.NowMicros);
                }
            }

            return led.Lightings - before;
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(12)]
        public void BlinksExactlyTheCountThenRestores(int count)
        {
            FakeClock clock = new FakeClock(1000);
            SimulatedLed led = new SimulatedLed();
            BlinkOut blink = new BlinkOut(led);
            blink.Start(count, clock.NowMicros, true);
            Assert.IsFalse(led.IsOn, "dark during the opening pause");
            int duration = blink.DurationMicros(count) / 1000;
            int lit = Walk(clock, blink, led, duration - 1);
            Assert.AreEqual(count, lit, "one lighting per counted press; 1 ms before the end");
            Assert.IsTrue(blink.IsActive, "still in the closing pause 1 ms before the end");
            Assert.IsFalse(led.IsOn, "dark in the closing pause");
            Walk(clock, blink, led, 1);
            Assert.IsFalse(blink.IsActive, "finished exactly at the computed duration");
            Assert.IsTrue(led.IsOn, "restored to the state the presses left");
            Assert.AreEqual(1, blink.Completed);
        }

        [TestMethod]
        public void TimingBoundariesOfTheFirstFlash()
        {
            FakeClock clock = new FakeClock(0xFFFFFF00u); // wraps during the pattern
            SimulatedLed led = new SimulatedLed();
            BlinkOut blink = new BlinkOut(led, 600, 200, 300);
            blink.Start(2, clock.NowMicros, false);
            Walk(clock, blink, led, 599);
            Assert.IsFalse(led.IsOn, "599 ms: still in the 600 ms pause");
            Walk(clock, blink, led, 1);
            Assert.IsTrue(led.IsOn, "600 ms: first flash");
            Walk(clock, blink, led, 199);
            Assert.IsTrue(led.IsOn, "799 ms: still lit");
            Walk(clock, blink, led, 1);
            Assert.IsFalse(led.IsOn, "800 ms: dark between flashes");
            Walk(clock, blink, led, 300);
            Assert.IsTrue(led.IsOn, "1100 ms: second flash");
            Assert.AreEqual(1900000, blink.DurationMicros(2), "600 + 2 x (200 + 300) - 300 + 600 = 1900 ms");
        }

        [TestMethod]
        public void LateServiceCatchesUpWithoutStretching()
        {
            FakeClock clock = new FakeClock();
            SimulatedLed led = new SimulatedLed();
            BlinkOut blink = new BlinkOut(led);
            blink.Start(3, clock.NowMicros, false);
            clock.AdvanceMillis(5000);
            blink.Service(clock.NowMicros);
            Assert.IsFalse(blink.IsActive, "one late call runs every overdue step");
            Assert.AreEqual(3, led.Lightings, "no flash skipped");
        }

        [TestMethod]
        public void ZeroBlinksIsTwoPausesAndRefusesBadInput()
        {
            SimulatedLed led = new SimulatedLed();
            BlinkOut blink = new BlinkOut(led);
            Assert.AreEqual(1200000, blink.DurationMicros(0), "two 600 ms pauses");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => blink.Start(-1, 0, false));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => blink.Start(1001, 0, false));
            Assert.IsFalse(blink.IsActive, "a refused start changes nothing");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new BlinkOut(led, 0, 200, 300));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new BlinkOut(led, 600, 10001, 300));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new BlinkOut(null));
        }
    }
}
