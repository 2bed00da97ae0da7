using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Debounce
{
    [TestClass]
    public class LockoutAndSampleTests
    {
        [TestMethod]
        public void LockoutPassesTheFirstEdgeAtOnceAndIgnoresTheWindow()
        {
            LockoutDebouncer d = new LockoutDebouncer(true, 10000);
            EdgeLog log = new EdgeLog();
            d.Feed(new EdgeRecord(7, false, 100, 1, true), log);
            Assert.AreEqual(1, log.Count, "immediate");
            Assert.AreEqual(100u, log[0].TimeMicros, "its own time");
            Assert.IsTrue(log[0].StampIsLate, "its own stamp flag");
            d.Feed(new EdgeRecord(7, true, 200, 2, false), log);
            d.Feed(new EdgeRecord(7, false, 9000, 3, false), log);
            d.Tick(10099, log);
            Assert.AreEqual(1, log.Count, "bounce inside the 10 ms lockout ignored");
            uint deadline;
            Assert.IsTrue(d.TryGetDeadline(out deadline), "locked");
            Assert.AreEqual(10100u, deadline, "100 + 10000");
            d.Tick(10100, log);
            Assert.AreEqual(1, log.Count, "raw level equals the output: nothing to correct");
            Assert.IsFalse(d.TryGetDeadline(out deadline), "unlocked");
        }

        [TestMethod]
        public void SampleAfterDelaySamplesOnceAtTheWindowEnd()
        {
            SampleAfterDelayDebouncer d = new SampleAfterDelayDebouncer(true, 10000);
            EdgeLog log = new EdgeLog();
            d.Feed(new EdgeRecord(4, false, 0, 1, false), log);
            d.Feed(new EdgeRecord(4, true, 3000, 2, false), log);
            d.Feed(new EdgeRecord(4, false, 6000, 3, false), log);
            d.Tick(9999, log);
            Assert.AreEqual(0, log.Count, "before the sample");
            d.Tick(10000, log);
            Assert.AreEqual(1, log.Count, "sampled low at 10000");
            Assert.AreEqual(3u, log[0].Sequence, "sequence of the last raw edge");
            Assert.AreEqual(10000u, log[0].TimeMicros, "sampling time");
        }

        [TestMethod]
        public void SampleAfterDelayMissesAPressShorterThanTheWindow()
        {
            SampleAfterDelayDebouncer d = new SampleAfterDelayDebouncer(true, 20000);
            EdgeLog log = new EdgeLog();
            d.Feed(new EdgeRecord(4, false, 0, 1, false), log);
            d.Feed(new EdgeRecord(4, true, 15000, 2, false), log);
            d.Tick(100000, log);
            Assert.AreEqual(0, log.Count, "a 15 ms tap is invisible to a 20 ms sample delay");
        }

        [TestMethod]
        public void GlitchFilterBoundaryIsTheWidth()
        {
            GlitchFilter g = new GlitchFilter(true, 100);
            EdgeLog log = new EdgeLog();
            g.Feed(new EdgeRecord(4, false, 1000, 1, false), log);
            g.Feed(new EdgeRecord(4, true, 1099, 2, false), log);
            Assert.AreEqual(0, log.Count, "99 µs pulse dropped");
            Assert.AreEqual(1, g.RejectedPulses, "counted");
            g.Feed(new EdgeRecord(4, false, 2000, 3, false), log);
            g.Feed(new EdgeRecord(4, true, 2100, 4, false), log);
            Assert.AreEqual(1, log.Count, "100 µs pulse: its first edge passed");
            Assert.AreEqual(2100u, log[0].TimeMicros, "decision time = 2000 + 100");
            Assert.AreEqual(3u, log[0].Sequence, "the accepted raw edge's sequence");
            g.Tick(2200, log);
            Assert.AreEqual(2, log.Count, "and its second edge 100 µs later");
            Assert.AreEqual(2200u, log[1].TimeMicros, "2100 + 100");
            Assert.IsTrue(g.Level, "high again");
        }

        [TestMethod]
        public void BadWindowsThrowNamingTheParameter()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LockoutDebouncer(true, 0), "lockout 0");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SampleAfterDelayDebouncer(true, -1), "delay -1");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new GlitchFilter(true, 10000001), "width too large");
            try
            {
                new GlitchFilter(true, 0);
                Assert.IsTrue(false, "should have thrown");
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.AreEqual("minWidthMicros", e.ParamName, "names the parameter");
            }
        }

        [TestMethod]
        public void ChainGlitchThenQuietTimeAndEarliestDeadline()
        {
            GlitchFilter g = new GlitchFilter(true, 100);
            QuietTimeDebouncer q = new QuietTimeDebouncer(true, 20000);
            FilterChain chain = new FilterChain(g, q);
            EdgeLog log = new EdgeLog();
            chain.Feed(new EdgeRecord(4, false, 1000, 1, false), log);
            uint deadline;
            Assert.IsTrue(chain.TryGetDeadline(out deadline), "glitch stage waits");
            Assert.AreEqual(1100u, deadline, "earliest: the glitch filter's 1000 + 100");
            chain.Tick(1100, log);
            Assert.IsTrue(chain.TryGetDeadline(out deadline), "quiet stage waits");
            Assert.AreEqual(21100u, deadline, "1100 + 20000");
            chain.Tick(21100, log);
            Assert.AreEqual(1, log.Count, "one debounced press out of the chain");
            Assert.AreEqual(21100u, log[0].TimeMicros, "decision time of the last stage");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new FilterChain(g, null), "null stage");
        }
    }
}
