using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Gestures
{
    /// <summary>Every timing boundary stepped with a FakeClock: 1 µs under, then exactly at the threshold.</summary>
    [TestClass]
    public class GestureDetectorTests
    {
        private const int LongPress = GestureOptions.DefaultLongPressMicros;
        private const int Gap = GestureOptions.DefaultMultiClickGapMicros;

        // Active-low: pressed = low.
        private static void Press(GestureDetector d, FakeClock c, GestureLog log)
        {
            d.Tick(c.NowMicros, log);
            d.Feed(new EdgeRecord(4, false, c.NowMicros, 1, false), log);
        }

        private static void Release(GestureDetector d, FakeClock c, GestureLog log)
        {
            d.Tick(c.NowMicros, log);
            d.Feed(new EdgeRecord(4, true, c.NowMicros, 2, false), log);
        }

        private static void Step(GestureDetector d, FakeClock c, GestureLog log, int micros)
        {
            c.Advance(micros);
            d.Tick(c.NowMicros, log);
        }

        [TestMethod]
        public void HeldJustUnderLongPressIsAClick()
        {
            FakeClock c = new FakeClock(1000);
            GestureLog log = new GestureLog();
            GestureDetector d = new GestureDetector(true, log.Record);
            Press(d, c, log);
            Step(d, c, log, LongPress - 1);
            Assert.AreEqual(0, log.CountOf(GestureKind.LongPressStart), "999,999 µs: not long yet");
            Release(d, c, log);
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "a click");
            Assert.AreEqual(LongPress - 1, log.Last(GestureKind.Click).DurationMicros, "held 999,999 µs");
            Assert.AreEqual(1, log.Last(GestureKind.Click).Count, "count 1");
            Assert.AreEqual(1, log.CountOf(GestureKind.Press), "press");
            Assert.AreEqual(1, log.CountOf(GestureKind.Release), "release");
            Assert.AreEqual(2, log.Edges, "both edges passed through");
        }

        [TestMethod]
        public void HeldExactlyLongPressIsLong()
        {
            FakeClock c = new FakeClock(1000);
            GestureLog log = new GestureLog();
            GestureDetector d = new GestureDetector(true, log.Record);
            Press(d, c, log);
            Step(d, c, log, LongPress);
            Assert.AreEqual(1, log.CountOf(GestureKind.LongPressStart), "1,000,000 µs: long press starts while held");
            Assert.AreEqual(1001000u, log.Last(GestureKind.LongPressStart).TimeMicros, "at press + 1 s");
            Assert.AreEqual(LongPress, log.Last(GestureKind.LongPressStart).DurationMicros, "duration = threshold");
            Step(d, c, log, 500000);
            Release(d, c, log);
            Assert.AreEqual(1, log.CountOf(GestureKind.LongPressEnd), "end");
            Assert.AreEqual(1500000, log.Last(GestureKind.LongPressEnd).DurationMicros, "held 1.5 s");
            Assert.AreEqual(0, log.CountOf(GestureKind.Click), "no click after a long press (default)");
            Step(d, c, log, Gap * 2);
            Assert.AreEqual(0, log.CountOf(GestureKind.Click), "still none after the gap");
        }

        [TestMethod]
        public void ClickAfterLongPressWhenNotSuppressed()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.SuppressClickAfterLongPress = false;
            GestureDetector d = new GestureDetector(true, log.Record, o);
            Press(d, c, log);
            Step(d, c, log, LongPress + 10);
            Release(d, c, log);
            Assert.AreEqual(1, log.CountOf(GestureKind.LongPressEnd), "long press ended");
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "and a click as asked");
        }

        [TestMethod]
        public void SecondPressJustInsideTheGapMakesADoubleClick()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureDetector d = new GestureDetector(true, log.Record);
            Press(d, c, log);
            Step(d, c, log, 100000);
            Release(d, c, log);
            Step(d, c, log, Gap - 1);
            Press(d, c, log);
            Assert.AreEqual(2, log.Last(GestureKind.Press).Count, "the press would make click 2");
            Step(d, c, log, 80000);
            Release(d, c, log);
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "first click reported at once (default)");
            Assert.AreEqual(1, log.CountOf(GestureKind.DoubleClick), "double click");
            Assert.AreEqual(2, log.Last(GestureKind.DoubleClick).Count, "count 2");
            Assert.AreEqual(80000, log.Last(GestureKind.DoubleClick).DurationMicros, "last press held 80 ms");
        }

        [TestMethod]
        public void SecondPressExactlyAtTheGapStartsANewSequence()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureDetector d = new GestureDetector(true, log.Record);
            Press(d, c, log);
            Step(d, c, log, 100000);
            Release(d, c, log);
            c.Advance(Gap);
            Press(d, c, log);
            Step(d, c, log, 80000);
            Release(d, c, log);
            Assert.AreEqual(2, log.CountOf(GestureKind.Click), "two single clicks");
            Assert.AreEqual(0, log.CountOf(GestureKind.DoubleClick), "no double click");
        }

        [TestMethod]
        public void WaitForMultiClickReportsOnlyTheFinalCountAfterTheGap()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.WaitForMultiClick = true;
            GestureDetector d = new GestureDetector(true, log.Record, o);
            for (int i = 0; i < 3; i++)
            {
                Press(d, c, log);
                Step(d, c, log, 60000);
                Release(d, c, log);
                Step(d, c, log, 100000);
            }

            // Last release at 3 x 60,000 + 2 x 100,000 = 380,000; 100,000 already stepped.
            Step(d, c, log, Gap - 100000 - 1);
            Assert.AreEqual(0, log.CountOf(GestureKind.Click) + log.CountOf(GestureKind.DoubleClick) + log.CountOf(GestureKind.MultiClick), "1 µs before the gap ends: nothing");
            Step(d, c, log, 1);
            Assert.AreEqual(1, log.CountOf(GestureKind.MultiClick), "one triple click");
            Assert.AreEqual(3, log.Last(GestureKind.MultiClick).Count, "count 3");
            Assert.AreEqual(780000u, log.Last(GestureKind.MultiClick).TimeMicros, "at last release 380,000 + 400,000");
            Assert.AreEqual(0, log.CountOf(GestureKind.Click), "no single click before it");
            Assert.AreEqual(0, log.CountOf(GestureKind.DoubleClick), "no double click before it");
        }

        [TestMethod]
        public void ImmediateTripleClickCountsUp()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureDetector d = new GestureDetector(true, log.Record);
            for (int i = 0; i < 4; i++)
            {
                Press(d, c, log);
                Step(d, c, log, 50000);
                Release(d, c, log);
                Step(d, c, log, 50000);
            }

            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "click");
            Assert.AreEqual(1, log.CountOf(GestureKind.DoubleClick), "double");
            Assert.AreEqual(2, log.CountOf(GestureKind.MultiClick), "3 and 4");
            Assert.AreEqual(4, log.Last(GestureKind.MultiClick).Count, "count 4");
        }

        [TestMethod]
        public void HoldRepeatEveryIntervalAfterLongPress()
        {
            FakeClock c = new FakeClock(0xFFFFFFFFu - 500000); // the wrap happens during the hold
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.HoldRepeatIntervalMicros = 200000;
            GestureDetector d = new GestureDetector(true, log.Record, o);
            Press(d, c, log);
            Step(d, c, log, LongPress);
            Assert.AreEqual(1, log.CountOf(GestureKind.LongPressStart), "long");
            Step(d, c, log, 199999);
            Assert.AreEqual(0, log.CountOf(GestureKind.HoldRepeat), "not 1 µs before the interval");
            Step(d, c, log, 1);
            Assert.AreEqual(1, log.CountOf(GestureKind.HoldRepeat), "first repeat at T + R");
            Assert.AreEqual(1200000, log.Last(GestureKind.HoldRepeat).DurationMicros, "held 1.2 s");
            Step(d, c, log, 400000);
            Assert.AreEqual(3, log.CountOf(GestureKind.HoldRepeat), "a late Tick catches up: repeats 2 and 3");
            Assert.AreEqual(3, log.Last(GestureKind.HoldRepeat).Count, "count 3");
            Release(d, c, log);
            Step(d, c, log, 1000000);
            Assert.AreEqual(3, log.CountOf(GestureKind.HoldRepeat), "none after release");
        }

        [TestMethod]
        public void ClickThenLongPressWithWaitReportsTheClickWhenTheLongPressStarts()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.WaitForMultiClick = true;
            GestureDetector d = new GestureDetector(true, log.Record, o);
            Press(d, c, log);
            Step(d, c, log, 50000);
            Release(d, c, log);
            Step(d, c, log, 100000);
            Press(d, c, log);
            Step(d, c, log, LongPress);
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "the held-back click");
            Assert.AreEqual(1, log.CountOf(GestureKind.LongPressStart), "then the long press");
        }

        [TestMethod]
        public void LongPressDisabledMakesEveryReleaseAClick()
        {
            FakeClock c = new FakeClock();
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.LongPressMicros = 0;
            GestureDetector d = new GestureDetector(false, log.Record, o);
            d.Feed(new EdgeRecord(2, true, 0, 1, false), log); // active-high: high = pressed
            uint deadline;
            Assert.IsFalse(d.TryGetDeadline(out deadline), "no long-press timer");
            d.Feed(new EdgeRecord(2, false, 5000000, 2, false), log);
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "a 5 s click");
            Assert.AreEqual(2, log.Last(GestureKind.Click).Pin, "pin carried");
        }

        [TestMethod]
        public void OptionsRejectOutOfRangeAndKeepTheOldValue()
        {
            GestureOptions o = new GestureOptions();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.LongPressMicros = -1, "negative");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.MultiClickGapMicros = 0, "zero gap");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HoldRepeatIntervalMicros = 60000001, "too long");
            Assert.AreEqual(1000000, o.LongPressMicros, "default 1 s kept");
            Assert.AreEqual(400000, o.MultiClickGapMicros, "default 400 ms kept");
            Assert.AreEqual(0, o.HoldRepeatIntervalMicros, "default off kept");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new GestureDetector(true, null), "null handler");
        }

        [TestMethod]
        public void ChainedAfterQuietTimeOneBouncyPressIsOneClick()
        {
            GestureLog log = new GestureLog();
            GestureDetector g = new GestureDetector(true, log.Record);
            FilterChain chain = new FilterChain(new QuietTimeDebouncer(true), g);
            uint[] t = new uint[] { 0, 300, 900, 1500, 2000, 150000, 150400, 151000, 152500, 153000 };
            bool[] l = new bool[] { false, true, false, true, false, true, false, true, false, true };
            for (int i = 0; i < t.Length; i++)
            {
                uint due;
                while (chain.TryGetDeadline(out due) && !Ticks.IsBefore(t[i], due))
                {
                    chain.Tick(due, log);
                }

                chain.Feed(new EdgeRecord(4, l[i], t[i], (uint)(i + 1), false), log);
            }

            chain.Tick(2000000, log);
            Assert.AreEqual(1, log.CountOf(GestureKind.Press), "one press");
            Assert.AreEqual(1, log.CountOf(GestureKind.Release), "one release");
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "one click");
            Assert.AreEqual(2, log.Edges, "two debounced edges out of the chain");
        }
    }
}
