using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Gestures
{
    /// <summary>Every timing boundary stepped with a FakeClock: 1 µs under, then exactly at the threshold.</summary>
    [TestClass]
    public class GestureDetectorTests
    {
        private const int LongPress = GestureOptions.DefaultLongPressMicros;
        private const int Gap = GestureOptions.DefaultMultiClickGapMicros;

        [TestMethod]
        public void HeldJustUnderLongPressIsAClick()
        {
            GestureBench b = new GestureBench(1000, null);
            b.Press();
            b.Step(LongPress - 1);
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.LongPressStart), "not long yet");
            b.Release();
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Click), "a click");
            Assert.AreEqual(LongPress - 1, b.Log.Last(GestureKind.Click).DurationMicros, "duration");
            Assert.AreEqual(1, b.Log.Last(GestureKind.Click).Count, "count 1");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Press), "press");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Release), "release");
            Assert.AreEqual(2, b.Log.Edges, "edges passed");
        }

        [TestMethod]
        public void HeldExactlyLongPressIsLong()
        {
            GestureBench b = new GestureBench(1000, null);
            b.Press();
            b.Step(LongPress);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.LongPressStart), "long press starts");
            Assert.AreEqual(1001000u, b.Log.Last(GestureKind.LongPressStart).TimeMicros, "at press + 1 s");
            Assert.AreEqual(LongPress, b.Log.Last(GestureKind.LongPressStart).DurationMicros, "duration");
            b.Step(500000);
            b.Release();
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.LongPressEnd), "end");
            Assert.AreEqual(1500000, b.Log.Last(GestureKind.LongPressEnd).DurationMicros, "duration");
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.Click), "no click");
            b.Step(Gap * 2);
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.Click), "no click");
        }

        [TestMethod]
        public void ClickAfterLongPressWhenNotSuppressed()
        {
            GestureOptions o = new GestureOptions();
            o.SuppressClickAfterLongPress = false;
            GestureBench b = new GestureBench(0, o);
            b.Click(LongPress + 10);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.LongPressEnd), "end");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Click), "a click");
        }

        [TestMethod]
        public void SecondPressJustInsideTheGapMakesADoubleClick()
        {
            GestureBench b = new GestureBench(0, null);
            b.Click(100000);
            b.Step(Gap - 1);
            b.Press();
            Assert.AreEqual(2, b.Log.Last(GestureKind.Press).Count, "count 2");
            b.Step(80000);
            b.Release();
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Click), "a click");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.DoubleClick), "double click");
            Assert.AreEqual(2, b.Log.Last(GestureKind.DoubleClick).Count, "count 2");
            Assert.AreEqual(80000, b.Log.Last(GestureKind.DoubleClick).DurationMicros, "duration");
        }

        [TestMethod]
        public void SecondPressExactlyAtTheGapStartsANewSequence()
        {
            GestureBench b = new GestureBench(0, null);
            b.Click(100000);
            b.Clock.Advance(Gap);
            b.Click(80000);
            Assert.AreEqual(2, b.Log.CountOf(GestureKind.Click), "two clicks");
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.DoubleClick), "no double click");
        }

        [TestMethod]
        public void WaitForMultiClickReportsOnlyTheFinalCountAfterTheGap()
        {
            GestureOptions o = new GestureOptions();
            o.WaitForMultiClick = true;
            GestureBench b = new GestureBench(0, o);
            for (int i = 0; i < 3; i++)
            {
                b.Click(60000);
                b.Step(100000);
            }

            // Last release at 3 x 60,000 + 2 x 100,000 = 380,000; 100,000 already stepped.
            b.Step(Gap - 100000 - 1);
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.Click) + b.Log.CountOf(GestureKind.DoubleClick) + b.Log.CountOf(GestureKind.MultiClick), "nothing yet");
            b.Step(1);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.MultiClick), "one triple");
            Assert.AreEqual(3, b.Log.Last(GestureKind.MultiClick).Count, "count 3");
            Assert.AreEqual(780000u, b.Log.Last(GestureKind.MultiClick).TimeMicros, "time");
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.Click), "no click");
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.DoubleClick), "no double click");
        }

        [TestMethod]
        public void ImmediateTripleClickCountsUp()
        {
            GestureBench b = new GestureBench(0, null);
            for (int i = 0; i < 4; i++)
            {
                b.Click(50000);
                b.Step(50000);
            }

            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Click), "click");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.DoubleClick), "double");
            Assert.AreEqual(2, b.Log.CountOf(GestureKind.MultiClick), "3 and 4");
            Assert.AreEqual(4, b.Log.Last(GestureKind.MultiClick).Count, "count 4");
        }

        [TestMethod]
        public void HoldRepeatEveryIntervalAfterLongPress()
        {
            GestureOptions o = new GestureOptions();
            o.HoldRepeatIntervalMicros = 200000;
            GestureBench b = new GestureBench(0xFFFFFFFFu - 500000, o); // the wrap happens during the hold
            b.Press();
            b.Step(LongPress);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.LongPressStart), "long");
            b.Step(199999);
            Assert.AreEqual(0, b.Log.CountOf(GestureKind.HoldRepeat), "not yet");
            b.Step(1);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.HoldRepeat), "first repeat");
            Assert.AreEqual(1200000, b.Log.Last(GestureKind.HoldRepeat).DurationMicros, "duration");
            b.Step(400000);
            Assert.AreEqual(3, b.Log.CountOf(GestureKind.HoldRepeat), "caught up");
            Assert.AreEqual(3, b.Log.Last(GestureKind.HoldRepeat).Count, "count 3");
            b.Release();
            b.Step(1000000);
            Assert.AreEqual(3, b.Log.CountOf(GestureKind.HoldRepeat), "none after release");
        }

        [TestMethod]
        public void ClickThenLongPressWithWaitReportsTheClickWhenTheLongPressStarts()
        {
            GestureOptions o = new GestureOptions();
            o.WaitForMultiClick = true;
            GestureBench b = new GestureBench(0, o);
            b.Click(50000);
            b.Step(100000);
            b.Press();
            b.Step(LongPress);
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.Click), "a click");
            Assert.AreEqual(1, b.Log.CountOf(GestureKind.LongPressStart), "long");
        }

        [TestMethod]
        public void LongPressDisabledMakesEveryReleaseAClick()
        {
            GestureLog log = new GestureLog();
            GestureOptions o = new GestureOptions();
            o.LongPressMicros = 0;
            GestureDetector d = new GestureDetector(false, log.Record, o);
            d.Feed(new EdgeRecord(2, true, 0, 1, false), log); // active-high: high = pressed
            uint deadline;
            Assert.IsFalse(d.TryGetDeadline(out deadline), "no deadline");
            d.Feed(new EdgeRecord(2, false, 5000000, 2, false), log);
            Assert.AreEqual(1, log.CountOf(GestureKind.Click), "a click");
            Assert.AreEqual(2, log.Last(GestureKind.Click).Pin, "pin");
        }

        [TestMethod]
        public void OptionsRejectOutOfRangeAndKeepTheOldValue()
        {
            GestureOptions o = new GestureOptions();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.LongPressMicros = -1, "negative");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.MultiClickGapMicros = 0, "zero gap");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HoldRepeatIntervalMicros = 60000001, "too long");
            Assert.AreEqual(1000000, o.LongPressMicros, "unchanged");
            Assert.AreEqual(400000, o.MultiClickGapMicros, "unchanged");
            Assert.AreEqual(0, o.HoldRepeatIntervalMicros, "unchanged");
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
            Assert.AreEqual(2, log.Edges, "two edges");
        }
    }
}
