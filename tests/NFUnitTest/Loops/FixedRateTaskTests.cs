using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Loops
{
    [TestClass]
    public class FixedRateTaskTests
    {
        private static int s_runs;
        private static FakeClock s_clock;
        private static int s_workMicros;

        private static FakeClock Fresh(uint startMicros, int workMicros)
        {
            s_runs = 0;
            s_workMicros = workMicros;
            s_clock = new FakeClock(startMicros);
            return s_clock;
        }

        private static void Work(FixedRateTask task)
        {
            s_runs++;
            if (s_workMicros > 0)
            {
                s_clock.Advance(s_workMicros);
            }
        }

        [TestMethod]
        public void PollRunsOnlyWhenDue()
        {
            FakeClock clock = Fresh(0, 0);
            FixedRateTask task = new FixedRateTask(clock, Work, "loop");
            task.Start(10);
            Assert.IsFalse(task.Poll(), "not due at 0");
            clock.Advance(9999);
            Assert.IsFalse(task.Poll(), "not due at 9.999 ms");
            Assert.AreEqual(1, task.MicrosUntilDue, "1 µs left");
            Assert.AreEqual(1, task.MillisUntilDue, "rounded up to 1 ms");
            clock.Advance(1);
            Assert.IsTrue(task.Poll(), "due at 10 ms");
            Assert.IsFalse(task.Poll(), "once");
            Assert.AreEqual(1, s_runs, "one run");
            Assert.AreEqual(10000, task.MicrosUntilDue, "next in 10 ms");
        }

        [TestMethod]
        public void MainLoopWithWorkAndJitterDoesNotDrift()
        {
            // A 10 ms loop whose callback takes 3 ms and whose main loop polls every 700 µs.
            FakeClock clock = Fresh(0xFFFFFFFFu - 20000u, 3000);
            uint start = clock.NowMicros;
            FixedRateTask task = new FixedRateTask(clock, Work, "loop");
            task.Start(10);
            int polls = LoopCount.Pick(20000, 2000); // 14 s or 1.4 s of polling: both cross the wrap 20 ms in
            for (int i = 0; i < polls; i++)
            {
                task.Poll();
                clock.Advance(700);
            }

            // polls * 700 µs + 3 ms per run; each run is due at start + n * 10 ms exactly.
            uint expectedDue = unchecked(start + (uint)(s_runs + 1) * 10000u);
            Assert.AreEqual(expectedDue, task.DueMicros, "the next due time is still on the ideal grid");
            Assert.AreEqual(0, task.Overruns, "3 ms of work fits 10 ms");
            Assert.AreEqual(0, task.Skipped, "never a whole period late");
            Assert.IsTrue(task.Lateness.Max < 700, "late by less than one poll interval");
            Assert.AreEqual(3000, task.Duration.Max, "3 ms callbacks");
        }

        [TestMethod]
        public void WorkLongerThanThePeriodCountsOverrunsAndSkips()
        {
            FakeClock clock = Fresh(0, 25000); // 25 ms of work in a 10 ms loop
            FixedRateTask task = new FixedRateTask(clock, Work, "slow");
            task.Start(10);
            clock.Advance(10000);
            task.Poll();  // run due at 10 ms, returns at 35 ms
            Assert.AreEqual(1, task.Overruns, "returned after 20 ms was due");
            task.Poll();  // at 35 ms: serves the 20 ms run, skips 30 ms, returns at 60 ms
            Assert.AreEqual(2, task.Overruns, "again");
            Assert.AreEqual(1, task.Skipped, "30 ms was skipped");
            Assert.AreEqual(40000u, task.DueMicros, "phase kept: 40 ms");
            Assert.AreEqual(2, s_runs, "no back-to-back replay");
            Assert.StartsWith("slow: runs=2 skipped=1 overruns=2", task.Report(), "report");
        }

        [TestMethod]
        public void StopInsideTheCallbackAndBadInput()
        {
            FakeClock clock = Fresh(0, 0);
            FixedRateTask task = new FixedRateTask(clock, StopSelf, "once");
            task.StartMicros(500);
            for (int i = 0; i < 10; i++)
            {
                clock.Advance(500);
                task.Poll();
            }

            Assert.AreEqual(1, s_runs, "stopped itself");
            Assert.IsFalse(task.IsRunning, "stopped");
            Assert.AreEqual(-1, task.MicrosUntilDue, "-1 when stopped");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => task.Start(0), "0 ms");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => task.Start(-10), "negative");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => task.StartMicros(99), "below 100 µs");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => task.Start(1000001), "above 1000 s");
            Assert.AreEqual(500, task.PeriodMicros, "period unchanged");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new FixedRateTask(clock, null, "x"), "no handler");
        }

        private static void StopSelf(FixedRateTask task)
        {
            s_runs++;
            task.Stop();
        }
    }
}
