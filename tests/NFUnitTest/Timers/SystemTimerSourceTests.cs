using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Timers
{
    /// <summary>
    /// The ms wake-up source's rounding, on a fake clock: a wait of Ticks.ToMillisRoundedUp(d) whole ms, started at
    /// any time, never ends before d µs and ends less than 1 ms after. The real timer is smoke-tested on the host.
    /// </summary>
    [TestClass]
    public class SystemTimerSourceTests
    {
        [TestMethod]
        [DataRow(1, 1)]
        [DataRow(999, 1)]
        [DataRow(1000, 1)]
        [DataRow(1001, 2)]
        [DataRow(1500, 2)]
        [DataRow(20500, 21)]
        [DataRow(2147483000, 2147483)]
        [DataRow(2147483647, 2147484)]
        public void DelaysRoundUpToWholeMilliseconds(int micros, int millis)
        {
            Assert.AreEqual(millis, Ticks.ToMillisRoundedUp(micros), micros.ToString() + " µs");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(-2147483648)]
        public void NoDelayIsNoWait(int micros)
        {
            Assert.AreEqual(0, Ticks.ToMillisRoundedUp(micros), "0 ms: wake as soon as possible");
        }

        [TestMethod]
        [DataRow(0u)]
        [DataRow(0xFFFFF000u)]
        [DataRow(0xFFFFFFFFu)]
        public void AMillisecondWaitNeverEndsEarlyNorAWholeMillisecondLate(uint start)
        {
            FakeClock clock = new FakeClock(start);
            for (int delay = 0; delay <= 5000; delay += 7)
            {
                clock.Set(start);
                uint due = Ticks.Add(clock.NowMicros, delay);
                clock.AdvanceMillis(Ticks.ToMillisRoundedUp(delay)); // what a 1 ms timer waits
                int late = Ticks.Diff(clock.NowMicros, due);
                Assert.IsTrue(late >= 0, "never early: " + delay.ToString() + " µs woke " + late.ToString() + " µs late");
                Assert.IsTrue(late < Ticks.MicrosPerMilli, "less than 1 ms late: " + delay.ToString() + " µs woke " + late.ToString() + " µs late");
            }
        }

        [TestMethod]
        public void ResolutionIsOneMillisecondAndBadUseIsRefused()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SystemTimerSource(null), "no handler");
            SystemTimerSource source = new SystemTimerSource(Nothing);
            Assert.AreEqual(1000, source.ResolutionMicros, "1 ms");
            source.Cancel();
            source.Dispose();
            source.Dispose();
            source.Cancel();
            Assert.ThrowsException(typeof(ObjectDisposedException), () => source.WakeAfter(1000), "disposed");
        }

        private static void Nothing()
        {
        }
    }
}
