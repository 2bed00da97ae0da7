using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>
    /// The dispatcher thread with a wake source: the wake-up ends the thread's millisecond wait. The deadline is on a
    /// FakeClock far enough ahead that the thread's own timeout is its 1,000 ms maximum, so a fire well before that
    /// can only come from the wake-up. Waits on an event for the handler (bounded), never sleeps.
    /// </summary>
    [TestClass]
    public class DispatcherWakeThreadTests
    {
        [TestMethod]
        public void TheWakeUpReleasesTheDispatcherThreadBeforeItsTimeout()
        {
            FakeClock clock = new FakeClock(0);
            using (ManualResetEvent fired = new ManualResetEvent(false))
            using (IrqDispatcher dispatcher = new IrqDispatcher(clock))
            {
                FakeWakeSource source = new FakeWakeSource(clock, dispatcher.Wake);
                dispatcher.WakeSource = source;
                TimerIrq timer = new TimerIrq(clock, t => fired.Set(), "far");
                dispatcher.Attach(timer);
                timer.StartOneShot(TimerIrq.MaxPeriodMicros);   // 1,000 s ahead: the thread waits its 1,000 ms maximum
                dispatcher.Start();

                Stopwatch armed = Stopwatch.StartNew();
                while (!source.IsPending && armed.ElapsedMilliseconds < 10000)
                {
                    Thread.Yield();
                }

                Assert.IsTrue(source.IsPending, "the thread's first poll armed the source");
                Assert.AreEqual(TimerIrq.MaxPeriodMicros, source.LastDelayMicros, "for the one-shot's full delay");

                clock.Advance(TimerIrq.MaxPeriodMicros);
                Stopwatch watch = Stopwatch.StartNew();
                Assert.IsTrue(source.FireIfDue(), "due");
                Assert.IsTrue(fired.WaitOne(10000), "the timer fired");
                watch.Stop();
                dispatcher.Stop();

                // The thread's timeout would end its wait up to 1,000 ms after it began; the wake-up ends it at once.
                Assert.IsTrue(watch.ElapsedMilliseconds < 700, "fired " + watch.ElapsedMilliseconds + " ms after the wake-up");
                Assert.IsFalse(source.IsPending, "Stop cancelled the source");
                Assert.AreEqual(1, timer.Fires, "once");
            }
        }

        [TestMethod]
        public void StopFromAHandlerLeavesNoWakeUpPending()
        {
            FakeClock clock = new FakeClock(0);
            using (IrqDispatcher dispatcher = new IrqDispatcher(clock))
            {
                FakeWakeSource source = new FakeWakeSource(clock, dispatcher.Wake);
                dispatcher.WakeSource = source;
                TimerIrq timer = new TimerIrq(clock, t => dispatcher.Stop(), "stopper");
                dispatcher.Attach(timer);
                timer.StartPeriodic(1000);          // its poll re-arms the source after Stop returned
                clock.Advance(1000);
                dispatcher.Start();

                Stopwatch watch = Stopwatch.StartNew();
                while (source.Cancels == 0 && watch.ElapsedMilliseconds < 10000)
                {
                    Thread.Yield();
                }

                Assert.AreEqual(1, timer.Fires, "the handler ran and stopped the dispatcher");
                Assert.IsFalse(dispatcher.IsRunning, "stopped");
                Assert.IsFalse(source.IsPending, "the ending thread cancelled the wake-up its last poll armed");
                Assert.AreEqual(1, source.Arms, "armed once by the last poll");
                Assert.AreEqual(1, source.Cancels, "and cancelled once as the thread ended");
            }
        }
    }
}
