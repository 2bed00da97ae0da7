using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>
    /// The host clock is the only real clock the host suite has: it must be monotonic (never a negative
    /// Ticks.Diff between consecutive readings) and count microseconds (not ticks, ms or ns).
    /// </summary>
    [TestClass]
    public class HostClockTests
    {
        [TestMethod]
        public void ConsecutiveReadingsNeverGoBackwards()
        {
            HostClock clock = new HostClock();
            uint previous = clock.NowMicros;
            for (int i = 0; i < 1_000_000; i++)
            {
                uint now = clock.NowMicros;
                int step = Ticks.Diff(now, previous);
                if (step < 0)
                {
                    Assert.Fail("reading " + i + " went back by " + (-step) + " µs");
                }

                previous = now;
            }
        }

        [TestMethod]
        [Timeout(10_000)]
        public void CountsMicrosecondsAgainstTheStopwatch()
        {
            // Busy-wait 50 ms of Stopwatch time (no sleep: the spin is the interval being measured) and compare.
            HostClock clock = new HostClock();
            Stopwatch sw = Stopwatch.StartNew();
            uint start = clock.NowMicros;
            while (sw.Elapsed.TotalMilliseconds < 50)
            {
            }

            uint end = clock.NowMicros;
            double swMicros = sw.Elapsed.TotalMilliseconds * 1000.0;
            int micros = Ticks.Diff(end, start);
            Assert.IsTrue(micros >= 49_900, "about the 50,000 µs spun (truncation and the read after StartNew may take a few µs off): " + micros);
            Assert.IsTrue(micros <= swMicros + 1000, "no more than the Stopwatch saw (+1 ms): " + micros + " vs " + swMicros);
        }
    }
}
