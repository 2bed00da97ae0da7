using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Debounce
{
    [TestClass]
    public class QuietTimeDebouncerTests
    {
        private static EdgeRecord Edge(bool level, uint time, uint seq)
        {
            return new EdgeRecord(4, level, time, seq, false);
        }

        [TestMethod]
        public void BouncyPressIsReportedOnceWhenQuietForTheWindow()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(true);
            EdgeLog log = new EdgeLog();
            d.Feed(Edge(false, 1000, 1), log);
            d.Feed(Edge(true, 1300, 2), log);
            d.Feed(Edge(false, 1800, 3), log);
            d.Feed(Edge(true, 2500, 4), log);
            d.Feed(Edge(false, 3000, 5), log);
            uint deadline;
            Assert.IsTrue(d.TryGetDeadline(out deadline), "busy while bouncing");
            Assert.AreEqual(23000u, deadline, "last edge 3000 + 20000 µs default window");
            d.Tick(22999, log);
            Assert.AreEqual(0, log.Count, "1 µs before the window ends: nothing");
            d.Tick(23000, log);
            Assert.AreEqual(1, log.Count, "exactly at the window end: one press");
            Assert.IsFalse(log[0].Level, "low");
            Assert.AreEqual(23000u, log[0].TimeMicros, "decision time");
            Assert.AreEqual(5u, log[0].Sequence, "sequence of the last raw edge");
            Assert.AreEqual(4, log[0].Pin, "pin kept");
            Assert.IsFalse(d.TryGetDeadline(out deadline), "idle afterwards");
            Assert.IsFalse(d.Level, "debounced level is low");
        }

        [TestMethod]
        public void GlitchShorterThanTheWindowIsIgnored()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(true, 10000);
            EdgeLog log = new EdgeLog();
            d.Feed(Edge(false, 500, 1), log);
            d.Feed(Edge(true, 540, 2), log);
            d.Tick(1000000, log);
            Assert.AreEqual(0, log.Count, "a 40 µs pulse back to the same level emits nothing");
            Assert.IsTrue(d.Level, "still high");
        }

        [TestMethod]
        public void LateTickOrLateEdgeStillDecidesAtTheDeadline()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(true, 10000);
            EdgeLog log = new EdgeLog();
            d.Feed(Edge(false, 0, 1), log);
            d.Feed(Edge(true, 50000, 2), log); // no Tick in between: the press settles first
            Assert.AreEqual(1, log.Count, "the press that was due at 10000 is emitted before the next edge is taken");
            Assert.AreEqual(10000u, log[0].TimeMicros, "stamped with its deadline; not the edge time");
            d.Tick(90000, log);
            Assert.AreEqual(2, log.Count, "release");
            Assert.AreEqual(60000u, log[1].TimeMicros, "50000 + 10000; although Tick came at 90000");
        }

        [TestMethod]
        public void SeparatePressAndReleaseWindows()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(true, true, 5000, 30000);
            EdgeLog log = new EdgeLog();
            d.Feed(Edge(false, 0, 1), log);
            d.Tick(4999, log);
            Assert.AreEqual(0, log.Count, "press window 5000: not at 4999");
            d.Tick(5000, log);
            Assert.AreEqual(1, log.Count, "press at 5000");
            d.Feed(Edge(true, 100000, 2), log);
            d.Tick(129999, log);
            Assert.AreEqual(1, log.Count, "release window 30000: not at 129999");
            d.Tick(130000, log);
            Assert.AreEqual(2, log.Count, "release at 130000");
            Assert.IsTrue(log[1].Level, "high");
        }

        [TestMethod]
        public void WorksAcrossTheClockWrap()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(true, 1000);
            EdgeLog log = new EdgeLog();
            d.Feed(Edge(false, 0xFFFFFF00u, 1), log);
            d.Feed(Edge(true, 0xFFFFFF80u, 2), log);
            d.Feed(Edge(false, 0xFFFFFFF0u, 3), log);
            d.Tick(0x000003D7u, log); // 0xFFFFFFF0 + 999 wraps to 0x3D7
            Assert.AreEqual(0, log.Count, "999 µs after the last edge; across the wrap");
            d.Tick(0x000003D8u, log);
            Assert.AreEqual(1, log.Count, "1000 µs after");
            Assert.AreEqual(0x3D8u, log[0].TimeMicros, "decision time wrapped");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-5)]
        [DataRow(10000001)]
        public void RejectsWindowsOutOfRange(int window)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new QuietTimeDebouncer(true, window), "window out of [1..10000000]");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new QuietTimeDebouncer(true, true, 1000, window), "release window out of range");
        }

        [TestMethod]
        public void DefaultsAreDocumentedNumbers()
        {
            QuietTimeDebouncer d = new QuietTimeDebouncer(false);
            Assert.AreEqual(20000, d.PressQuietMicros, "20 ms");
            Assert.AreEqual(20000, d.ReleaseQuietMicros, "20 ms");
            Assert.AreEqual(100, new GlitchFilter(false).MinWidthMicros, "100 µs");
            Assert.AreEqual(20000, new LockoutDebouncer(false).LockoutMicros, "20 ms");
            Assert.AreEqual(20000, new SampleAfterDelayDebouncer(false).DelayMicros, "20 ms");
        }
    }
}
