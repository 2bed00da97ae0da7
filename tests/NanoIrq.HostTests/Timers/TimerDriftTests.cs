using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>10^6-period drift proofs: too slow for the device suite.</summary>
    [TestClass]
    public class TimerDriftTests
    {
        private const int Periods = 1000000;

        private static void Nothing(TimerIrq timer)
        {
        }

        [TestMethod]
        [DataRow(10007, 0xFFFFF000u)]  // 10^6 * 10,007 µs = 2.33 wraps of the 32-bit counter
        [DataRow(100, 0xFFFFFF00u)]    // 10 kHz, crossing the wrap right away
        [DataRow(1000000000, 0u)]      // the longest period: 10^6 * 1000 s wraps 232,830 times
        public void PeriodicFireNIsDueAtStartPlusNTimesPeriodAfterAMillionPeriods(int period, uint start)
        {
            FakeClock clock = new FakeClock(start);
            TimerIrq timer = new TimerIrq(clock, Nothing);
            timer.StartPeriodic(period);
            uint lcg = 12345;
            for (int n = 1; n <= Periods; n++)
            {
                uint deadline;
                timer.TryGetDeadline(out deadline);
                uint ideal = unchecked(start + (uint)((long)n * period));
                if (deadline != ideal)
                {
                    Assert.Fail("fire " + n + " due at " + deadline + ", ideal " + ideal);
                }

                lcg = unchecked(lcg * 1664525u + 1013904223u);
                int late = (int)(lcg >> 8) % period; // random lateness below one period
                clock.Set(deadline);
                clock.Advance(late);
                timer.Service(clock.NowMicros);
            }

            Assert.AreEqual(Periods, timer.Fires, "every fire ran");
            Assert.AreEqual(0, timer.Skipped, "no skip when always less than a period late");
        }

        [TestMethod]
        public void FrequencyScheduleIsExactAfterAMillionPeriods()
        {
            uint start = 0xFFFFFFFFu;
            FakeClock clock = new FakeClock(start);
            TimerIrq timer = new TimerIrq(clock, Nothing);
            timer.StartFrequency(7); // 142,857.142857... µs
            for (long n = 1; n <= Periods; n++)
            {
                uint deadline;
                timer.TryGetDeadline(out deadline);
                uint ideal = unchecked(start + (uint)(n * 1000000 / 7));
                if (deadline != ideal)
                {
                    Assert.Fail("fire " + n + " due at " + deadline + ", ideal " + ideal);
                }

                clock.Set(unchecked(deadline + 5000u));
                timer.Service(clock.NowMicros);
            }

            // After 10^6 fires at 7 Hz exactly 142,857.142857 s have elapsed: drift would show here.
            uint last;
            timer.TryGetDeadline(out last);
            Assert.AreEqual(unchecked(start + (uint)(1000001L * 1000000 / 7)), last, "next due time on the exact grid");
        }

        private static int s_loopRuns;

        private static void LoopWork(FixedRateTask task)
        {
            s_loopRuns++;
        }

        [TestMethod]
        public void FixedRateTaskDoesNotDriftOverAMillionPeriods()
        {
            s_loopRuns = 0;
            uint start = 0xF0000000u;
            FakeClock clock = new FakeClock(start);
            FixedRateTask task = new FixedRateTask(clock, LoopWork, "loop");
            task.Start(10);
            uint lcg = 99;
            while (s_loopRuns < Periods)
            {
                lcg = unchecked(lcg * 1664525u + 1013904223u);
                clock.Advance((int)(lcg >> 20) % 3000 + 1); // a main loop that comes back every 1..3000 µs
                task.Poll();
            }

            Assert.AreEqual(unchecked(start + (uint)((Periods + 1L) * 10000)), task.DueMicros, "run 10^6 + 1 due at start + (10^6 + 1) * 10 ms");
            Assert.AreEqual(0, task.Skipped, "never a whole period late");
            Assert.IsTrue(task.Lateness.Max < 3000, "late by less than one main-loop pass");
        }
    }
}
