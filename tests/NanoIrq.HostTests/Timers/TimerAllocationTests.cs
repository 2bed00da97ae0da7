using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>Proof that the hot paths of timers, loops and statistics allocate nothing after construction.</summary>
    [TestClass]
    [DoNotParallelize]
    public class TimerAllocationTests
    {
        private static int s_fires;

        private static void Count(TimerIrq timer)
        {
            s_fires++;
        }

        private static void Work(FixedRateTask task)
        {
            s_fires++;
        }

        [TestMethod]
        public void TimerTickAllocatesNothing()
        {
            FakeClock clock = new FakeClock(0xFFFF0000u);
            TimerIrq timer = new TimerIrq(clock, Count, "alloc");
            timer.DebugPin = new RecordingOutput(clock, 16); // fills, then counts drops: also allocation-free
            timer.StartFrequency(3000);                      // fractional period: the 64-bit path
            Tick(clock, timer, 1000);                        // warm-up (JIT, first calls)

            long before = GC.GetAllocatedBytesForCurrentThread();
            Tick(clock, timer, 100000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 timer ticks");
            Assert.AreEqual(101000, timer.Fires, "every tick fired");
        }

        [TestMethod]
        public void TimerTickThroughTheDispatcherAllocatesNothing()
        {
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            TimerIrq timer = new TimerIrq(clock, Count, "alloc");
            dispatcher.Attach(timer);
            timer.StartPeriodic(1000);
            for (int i = 0; i < 1000; i++)
            {
                clock.Advance(1000);
                dispatcher.Poll();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100000; i++)
            {
                clock.Advance(1000);
                dispatcher.Poll();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 dispatched ticks");
            Assert.AreEqual(101000, timer.Fires, "every tick fired");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void ArmingAndFiringTheWakeSourceAllocatesNothing()
        {
            // The dispatcher thread's work per wake, with the thread played by the loop: the clock steps to the
            // source's due time, the source fires (IrqDispatcher.Wake), Poll services the timer and re-arms.
            FakeClock clock = new FakeClock(0xFFFF0000u);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            FakeWakeSource source = new FakeWakeSource(clock, dispatcher.Wake);
            dispatcher.WakeSource = source;
            TimerIrq timer = new TimerIrq(clock, Count, "alloc");
            dispatcher.Attach(timer);
            timer.StartPeriodic(250);
            dispatcher.Poll();
            int firesBefore = timer.Fires;
            RunWakes(clock, source, dispatcher, 1000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            RunWakes(clock, source, dispatcher, 100000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 wake-ups (arm, fire, poll)");
            Assert.AreEqual(firesBefore + 101000, timer.Fires, "a fire per wake-up");
            Assert.AreEqual(101001, source.Arms, "an arm per wake-up plus the first");
            Assert.AreEqual(0, timer.Lateness.Max, "every fire at its due time");
            dispatcher.Dispose();
        }

        private static void RunWakes(FakeClock clock, FakeWakeSource source, IrqDispatcher dispatcher, int count)
        {
            for (int i = 0; i < count; i++)
            {
                clock.Advance(Ticks.Diff(source.DueMicros, clock.NowMicros));
                source.FireIfDue();
                dispatcher.Poll();
            }
        }

        [TestMethod]
        public void StatisticsUpdateAllocatesNothing()
        {
            LatencyStats stats = new LatencyStats("alloc");
            FakeClock clock = new FakeClock();
            HandlerProbe probe = new HandlerProbe(clock, "probe");

            // A full warm-up pass first: the JIT's tiering and on-stack replacement of this loop may
            // allocate once; the measured pass is the same work on warm code.
            UseStatistics(stats, probe, clock);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int p99 = UseStatistics(stats, probe, clock);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 Add, Enter/Exit, one percentile and a reset");
            Assert.IsTrue(p99 > 0, "the statistics were used");
        }

        private static int UseStatistics(LatencyStats stats, HandlerProbe probe, FakeClock clock)
        {
            for (int i = 0; i < 100000; i++)
            {
                stats.Add(i % 25000 - 10);
                probe.Enter(clock.NowMicros);
                clock.Advance(3);
                probe.Exit();
            }

            int p99 = stats.P99;
            stats.Reset();
            return p99;
        }

        [TestMethod]
        public void FixedRateTaskPollAllocatesNothing()
        {
            FakeClock clock = new FakeClock();
            FixedRateTask task = new FixedRateTask(clock, Work, "alloc");
            task.Start(1);
            for (int i = 0; i < 100; i++)
            {
                clock.Advance(250);
                task.Poll();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100000; i++)
            {
                clock.Advance(250);
                task.Poll();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated over 100,000 polls");
            Assert.AreEqual(25025, task.Runs, "a run every fourth poll");
        }

        private static void Tick(FakeClock clock, TimerIrq timer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                uint deadline;
                timer.TryGetDeadline(out deadline);
                clock.Advance(Ticks.Diff(deadline, clock.NowMicros) + (i % 7));
                timer.Service(clock.NowMicros);
            }
        }
    }
}
