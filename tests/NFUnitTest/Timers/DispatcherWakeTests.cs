using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Timers
{
    /// <summary>
    /// IrqDispatcher.WakeSource on a FakeClock with a FakeWakeSource: what the dispatcher arms (delay = next deadline
    /// minus now in µs) and when; the test plays the dispatcher thread by stepping the clock to the source's due time,
    /// firing it and polling.
    /// </summary>
    [TestClass]
    public class DispatcherWakeTests
    {
        private static int s_fires;
        private static uint s_lastFireAt;
        private static int s_edges;
        private static FakeClock s_clock;

        private static void Count(TimerIrq timer)
        {
            s_fires++;
            s_lastFireAt = s_clock.NowMicros;
        }

        private static void CountEdge(Irq irq, EdgeRecord edge)
        {
            s_edges++;
        }

        private static FakeClock Reset(uint startMicros)
        {
            s_fires = 0;
            s_lastFireAt = 0;
            s_edges = 0;
            s_clock = new FakeClock(startMicros);
            return s_clock;
        }

        private static FakeWakeSource Wire(IrqDispatcher dispatcher, int resolutionMicros)
        {
            FakeWakeSource source = new FakeWakeSource(dispatcher.Clock, dispatcher.Wake, resolutionMicros);
            dispatcher.WakeSource = source;
            return source;
        }

        // A fresh dispatcher on a FakeClock that starts at startMicros, with a FakeWakeSource of the given resolution wired in.
        private static IrqDispatcher Rig(uint startMicros, int resolutionMicros, out FakeClock clock, out FakeWakeSource source)
        {
            clock = Reset(startMicros);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            source = Wire(dispatcher, resolutionMicros);
            return dispatcher;
        }

        // A TimerIrq on the dispatcher's clock that counts its fires (s_fires, s_lastFireAt), attached to the dispatcher.
        private static TimerIrq AttachedTimer(IrqDispatcher dispatcher, string name)
        {
            TimerIrq timer = new TimerIrq(dispatcher.Clock, Count, name);
            dispatcher.Attach(timer);
            return timer;
        }

        // One round of the dispatcher thread as the wake source drives it: sleep until the wake-up, then poll.
        private static void RunToWake(FakeClock clock, FakeWakeSource source, IrqDispatcher dispatcher)
        {
            Assert.IsTrue(source.IsPending, "armed");
            clock.Advance(Ticks.Diff(source.DueMicros, clock.NowMicros));
            Assert.IsTrue(source.FireIfDue(), "due");
            dispatcher.Poll();
        }

        [TestMethod]
        public void WithoutAWakeSourceNothingIsArmedAndTheDefaultIsNull()
        {
            FakeClock clock = Reset(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            Assert.IsNull(dispatcher.WakeSource, "null by default");
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(1500);
            dispatcher.Poll();
            clock.Advance(1500);
            dispatcher.Poll();
            Assert.AreEqual(1, s_fires, "timer fired");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void TheArmedDelayIsTheNextDeadlineMinusNowInMicroseconds()
        {
            IrqDispatcher dispatcher = Rig(1000, 1, out FakeClock clock, out FakeWakeSource source);
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(2500);                 // due at 3500
            clock.Advance(137);
            dispatcher.Poll();
            Assert.AreEqual(1, source.Arms, "armed once");
            Assert.AreEqual(2363, source.LastDelayMicros, "3500 - 1137 µs");
            Assert.AreEqual(3500u, source.DueMicros, "due at deadline");

            clock.Advance(700);
            dispatcher.Poll();
            Assert.AreEqual(1, source.Arms, "not re-armed");

            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_fires, "fired");
            Assert.AreEqual(3500u, s_lastFireAt, "at deadline");
            Assert.AreEqual(0, timer.Lateness.Max, "0 µs late");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AnEarlierDeadlineReArmsTheSource()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            TimerIrq slow = AttachedTimer(dispatcher, "slow");
            TimerIrq fast = AttachedTimer(dispatcher, "fast");
            slow.StartOneShot(5000);                  // due at 5000
            dispatcher.Poll();
            Assert.AreEqual(5000, source.LastDelayMicros, "armed");

            clock.Advance(1000);
            fast.StartOneShot(1500);                  // due at 2500: earlier
            dispatcher.Wake();                        // as after a change from another thread
            dispatcher.Poll();
            Assert.AreEqual(2, source.Arms, "re-armed");
            Assert.AreEqual(1500, source.LastDelayMicros, "earlier delay");
            Assert.AreEqual(2500u, source.DueMicros, "due at 2500");

            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_fires, "fast fired");
            Assert.AreEqual(2500u, s_lastFireAt, "at 2500");
            Assert.AreEqual(3, source.Arms, "slow armed");
            Assert.AreEqual(2500, source.LastDelayMicros, "5000 - 2500 µs");

            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(2, s_fires, "slow fired");
            Assert.AreEqual(5000u, s_lastFireAt, "at 5000");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AnEarlierDeadlineIsArmedEvenWithoutWake()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            TimerIrq slow = AttachedTimer(dispatcher, "slow");
            TimerIrq fast = AttachedTimer(dispatcher, "fast");
            slow.StartOneShot(5000);
            dispatcher.Poll();
            fast.StartOneShot(300);
            dispatcher.Poll();
            Assert.AreEqual(2, source.Arms, "re-armed");
            Assert.AreEqual(300, source.LastDelayMicros, "earlier delay");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void TheSourceIsCancelledOnceWhenNothingIsPending()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            dispatcher.Poll();
            Assert.AreEqual(0, source.Arms, "not armed");
            Assert.AreEqual(1, source.Cancels, "cancelled");

            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(800);
            dispatcher.Poll();
            Assert.AreEqual(800, source.LastDelayMicros, "armed");
            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_fires, "fired");
            Assert.IsFalse(source.IsPending, "nothing armed");
            Assert.AreEqual(2, source.Cancels, "cancelled");
            dispatcher.Poll();
            dispatcher.Poll();
            Assert.AreEqual(2, source.Cancels, "cancelled once");

            timer.StartPeriodic(1000);
            dispatcher.Poll();
            Assert.IsTrue(source.IsPending, "armed");
            timer.Stop();
            dispatcher.Wake();
            dispatcher.Poll();
            Assert.IsFalse(source.IsPending, "stop cancels");
            Assert.AreEqual(3, source.Cancels, "three cancels");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void ASubMillisecondPeriodicTimerIsArmedEveryPeriodAndKeepsItsRate()
        {
            IrqDispatcher dispatcher = Rig(0xFFFFF000u, 1, out FakeClock clock, out FakeWakeSource source);     // crosses the 32-bit wrap after 4096 µs
            TimerIrq timer = AttachedTimer(dispatcher, "fast");
            timer.StartPeriodic(250);
            dispatcher.Poll();
            Assert.AreEqual(250, source.LastDelayMicros, "one period");
            for (int i = 0; i < 400; i++)
            {
                RunToWake(clock, source, dispatcher);
                Assert.AreEqual(250, source.LastDelayMicros, "one period");
            }

            Assert.AreEqual(400, s_fires, "400 fires");
            Assert.AreEqual(401, source.Arms, "401 arms");
            Assert.AreEqual(0, timer.Skipped, "none skipped");
            Assert.AreEqual(0, timer.Lateness.Max, "never late");
            Assert.AreEqual(Ticks.Add(0xFFFFF000u, 100000), clock.NowMicros, "100 ms");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AMillisecondSourceServesWithinItsResolution()
        {
            IrqDispatcher dispatcher = Rig(0, 1000, out FakeClock clock, out FakeWakeSource source);
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(1500);
            dispatcher.Poll();
            Assert.AreEqual(1500, source.LastDelayMicros, "exact delay");
            Assert.AreEqual(2000u, source.DueMicros, "rounded up");
            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_fires, "fired");
            Assert.AreEqual(500, timer.Lateness.Max, "500 µs late");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AnEarlyWakeUpDoesNotFireATimerEarly()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(1000);
            dispatcher.Poll();
            clock.Advance(400);
            source.Fire();                            // spurious: 600 µs early
            dispatcher.Poll();
            Assert.AreEqual(0, s_fires, "not early");
            Assert.IsTrue(source.IsPending, "re-armed");
            Assert.AreEqual(2, source.Arms, "second arm");
            Assert.AreEqual(600, source.LastDelayMicros, "600 µs left");

            clock.Advance(599);
            source.Fire();                            // 1 µs early
            dispatcher.Poll();
            Assert.AreEqual(0, s_fires, "not early");
            Assert.AreEqual(1, source.LastDelayMicros, "1 µs left");

            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_fires, "fired");
            Assert.AreEqual(1000u, s_lastFireAt, "at 1000");
            Assert.AreEqual(0, timer.Lateness.Max, "0 µs late");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void AFilterDeadlineIsArmedAndServedOnTheWakeUp()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            IrqOptions options = new IrqOptions();
            options.Filter = new QuietTimeDebouncer(false, 700);
            new IrqPin(sim, 4).Irq(CountEdge, IrqTrigger.Both, options);
            clock.Advance(100);
            sim.Pin(4).Drive(true);                   // quiet until 800
            clock.Advance(50);
            dispatcher.Poll();
            Assert.AreEqual(650, source.LastDelayMicros, "800 - 150 µs");
            Assert.AreEqual(0, s_edges, "held");
            RunToWake(clock, source, dispatcher);
            Assert.AreEqual(1, s_edges, "edge delivered");
            Assert.AreEqual(800u, clock.NowMicros, "at deadline");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void ADeadlineAlreadyDueIsNotArmed()
        {
            IrqDispatcher dispatcher = Rig(1000, 1, out FakeClock clock, out FakeWakeSource source);
            StuckTarget stuck = new StuckTarget();
            stuck.Due = 500;
            dispatcher.AttachTarget(stuck);
            dispatcher.Poll();
            Assert.AreEqual(1, stuck.Served, "served");
            Assert.AreEqual(0, source.Arms, "past not armed");
            Assert.AreEqual(1, source.Cancels, "cancelled");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void APollHeldOffByTheCriticalSectionArmsNothing()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource source);
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartOneShot(400);
            int key = dispatcher.CriticalSection.Disable();
            Assert.AreEqual(0, dispatcher.Poll(), "held off");
            Assert.AreEqual(0, source.Arms, "not armed");
            dispatcher.CriticalSection.Restore(key);
            dispatcher.Poll();
            Assert.AreEqual(400, source.LastDelayMicros, "armed after Restore");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void ReplacingTheSourceCancelsTheOldOneAndStopCancelsTheCurrent()
        {
            IrqDispatcher dispatcher = Rig(0, 1, out FakeClock clock, out FakeWakeSource first);
            TimerIrq timer = AttachedTimer(dispatcher, "t");
            timer.StartPeriodic(2000);
            dispatcher.Poll();
            Assert.IsTrue(first.IsPending, "first armed");
            FakeWakeSource second = Wire(dispatcher, 1);
            Assert.IsFalse(first.IsPending, "old cancelled");
            Assert.AreSame(second, dispatcher.WakeSource, "new in place");
            dispatcher.Poll();
            Assert.AreEqual(2000, second.LastDelayMicros, "new armed");
            Assert.AreEqual(1, first.Arms, "old unused");

            dispatcher.Start();
            Assert.ThrowsException(typeof(InvalidOperationException), () => { dispatcher.WakeSource = first; });
            Assert.AreSame(second, dispatcher.WakeSource, "unchanged");
            dispatcher.Stop();
            Assert.IsFalse(second.IsPending, "Stop cancels");
            dispatcher.WakeSource = null;
            Assert.IsNull(dispatcher.WakeSource, "cleared");
            dispatcher.Dispose();
        }

        [TestMethod]
        public void FakeWakeSourceRefusesBadInput()
        {
            FakeClock clock = new FakeClock(0);
            Assert.ThrowsException(typeof(ArgumentNullException), () => { new FakeWakeSource(null, null, 1); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { new FakeWakeSource(clock, null, 0); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { new FakeWakeSource(clock, null, 1000001); });
            FakeWakeSource source = new FakeWakeSource(clock, null, 1000000);
            source.WakeAfter(int.MaxValue);
            Assert.AreEqual(2148000000u, source.DueMicros, "no overflow");
            source.WakeAfter(-5);
            Assert.AreEqual(0u, source.DueMicros, "due now");
            source.Dispose();
            Assert.IsFalse(source.IsPending, "nothing pending");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => { source.WakeAfter(1); });
        }
    }

    /// <summary>A target whose deadline never moves: due forever once the clock passes it.</summary>
    internal sealed class StuckTarget : IDispatchTarget
    {
        public uint Due;
        public int Served;

        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = Due;
            return true;
        }

        public void Service(uint nowMicros)
        {
            Served++;
        }
    }
}
