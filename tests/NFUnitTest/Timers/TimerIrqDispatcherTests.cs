using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Timers
{
    [TestClass]
    public class TimerIrqDispatcherTests
    {
        private static int s_fast;
        private static int s_slow;
        private static int s_faulty;

        private static void Fast(TimerIrq timer)
        {
            s_fast++;
        }

        private static void Slow(TimerIrq timer)
        {
            s_slow++;
        }

        private static void Faulty(TimerIrq timer)
        {
            s_faulty++;
            throw new InvalidOperationException("handler bug");
        }

        private static void Reset()
        {
            s_fast = 0;
            s_slow = 0;
            s_faulty = 0;
        }

        [TestMethod]
        public void TimersAttachedToTheDispatcherFireOnItsPoll()
        {
            Reset();
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            TimerIrq fast = new TimerIrq(clock, Fast, "fast");
            TimerIrq slow = new TimerIrq(clock, Slow, "slow");
            dispatcher.Attach(fast);
            dispatcher.Attach(slow);
            fast.StartPeriodicMillis(2);
            slow.StartOneShotMillis(5);
            for (int ms = 1; ms <= 20; ms++)
            {
                clock.AdvanceMillis(1);
                dispatcher.Poll();
            }

            Assert.AreEqual(10, s_fast, "every 2 ms for 20 ms");
            Assert.AreEqual(1, s_slow, "the one-shot once");
            Assert.AreEqual(0, fast.Lateness.Max, "polled exactly at each due time");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AThrowingTimerIsRecordedAsAFaultAndStopsWhileOthersRun()
        {
            Reset();
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            TimerIrq good = new TimerIrq(clock, Fast, "good");
            TimerIrq bad = new TimerIrq(clock, Faulty, "bad");
            dispatcher.Attach(good);
            dispatcher.Attach(bad);
            good.StartPeriodic(1000);
            bad.StartPeriodic(1000);
            for (int i = 0; i < 5; i++)
            {
                clock.Advance(1000);
                dispatcher.Poll();
            }

            Assert.AreEqual(5, s_fast, "the good timer keeps running");
            Assert.AreEqual(1, s_faulty, "the bad one ran once");
            Assert.IsFalse(bad.IsRunning, "and was stopped");
            Assert.AreEqual(1, dispatcher.Faults.Count, "one fault in the dispatcher's log");
            Fault fault;
            Assert.IsTrue(dispatcher.Faults.TryRead(out fault), "readable");
            Assert.AreSame(bad, fault.Source, "the source is the timer");
            Assert.IsInstanceOfType(fault.Error, typeof(InvalidOperationException), "with the handler's exception");
            Assert.AreEqual(1000u, fault.TimeMicros, "at the time of the fire");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void ALatePollServesEachTimerOnceAndKeepsThePhase()
        {
            Reset();
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            TimerIrq fast = new TimerIrq(clock, Fast, "fast");
            dispatcher.Attach(fast);
            fast.StartPeriodic(1000);
            clock.Advance(3500);
            dispatcher.Poll();
            Assert.AreEqual(1, s_fast, "one call for a poll 2.5 periods late");
            Assert.AreEqual(2, fast.Skipped, "2000 and 3000 skipped");
            uint deadline;
            fast.TryGetDeadline(out deadline);
            Assert.AreEqual(4000u, deadline, "next on the grid");
            dispatcher.Detach(fast);
            clock.Advance(10000);
            dispatcher.Poll();
            Assert.AreEqual(1, s_fast, "a detached timer is not serviced");
            dispatcher.Dispose();
        }
    }
}
