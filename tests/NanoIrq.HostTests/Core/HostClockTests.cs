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
            // Each clock reading is sandwiched between two Stopwatch readings, so a preemption anywhere widens
            // the allowed window instead of failing the test. The 50 ms busy spin (no sleep) is the interval measured.
            HostClock clock = new HostClock();
            long beforeStart = Stopwatch.GetTimestamp();
            uint start = clock.NowMicros;
            long afterStart = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(afterStart).TotalMilliseconds < 50)
            {
            }

            long beforeEnd = Stopwatch.GetTimestamp();
            uint end = clock.NowMicros;
            long afterEnd = Stopwatch.GetTimestamp();
            int micros = Ticks.Diff(end, start);
            double shortest = Stopwatch.GetElapsedTime(afterStart, beforeEnd).TotalMilliseconds * 1000.0;
            double longest = Stopwatch.GetElapsedTime(beforeStart, afterEnd).TotalMilliseconds * 1000.0;
            Assert.IsTrue(micros >= shortest - 2, "at least the Stopwatch time between the readings (2 µs for truncation): " + micros + " vs " + shortest);
            Assert.IsTrue(micros <= longest + 2, "at most the Stopwatch time around the readings: " + micros + " vs " + longest);
        }
    }
}
