using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>Real threads: a blocking Disable/Enter waits while another thread holds the lock, and only that long.</summary>
    [TestClass]
    public class BlockingTests
    {
        // True once the thread is parked in a wait (not merely not yet scheduled); fails after 5 s.
        private static void WaitUntilBlocked(Thread t)
        {
            Stopwatch sw = Stopwatch.StartNew();
            while ((t.ThreadState & System.Threading.ThreadState.WaitSleepJoin) == 0)
            {
                Assert.IsTrue(sw.ElapsedMilliseconds < 5000, "thread never blocked");
                Thread.Yield();
            }
        }

        [TestMethod]
        [Timeout(10_000)]
        public void DisableOnThreadBWaitsWhileThreadAHolds()
        {
            CriticalSection cs = new CriticalSection(new HostClock());
            int key = cs.Disable();
            int entered = 0;
            Thread b = new Thread(() =>
            {
                int k = cs.Disable();
                Volatile.Write(ref entered, 1);
                cs.Restore(k);
            });
            b.Start();
            WaitUntilBlocked(b);
            Assert.AreEqual(0, Volatile.Read(ref entered), "B is blocked inside Disable while A holds the section");
            cs.Restore(key);
            Assert.IsTrue(b.Join(5000), "B proceeds after A's restore");
            Assert.AreEqual(1, entered, "B entered");
            Assert.IsFalse(cs.IsHeld, "free at the end");
        }

        [TestMethod]
        [Timeout(10_000)]
        public void DisableWaitsWhileTheDispatcherRunsAHandler()
        {
            CriticalSection cs = new CriticalSection(new HostClock());
            Assert.IsTrue(cs.TryEnterDispatch(), "dispatcher takes it");
            int entered = 0;
            Thread user = new Thread(() =>
            {
                int k = cs.Disable();
                Volatile.Write(ref entered, 1);
                cs.Restore(k);
            });
            user.Start();
            WaitUntilBlocked(user);
            Assert.AreEqual(0, Volatile.Read(ref entered), "the user's Disable waits for the handler");
            cs.ExitDispatch();
            Assert.IsTrue(user.Join(5000), "then proceeds");
        }

        [TestMethod]
        [Timeout(10_000)]
        public void HandlerMutexEnterWaitsForTheHolder()
        {
            HandlerMutex mutex = new HandlerMutex();
            Assert.IsTrue(mutex.TryEnter(), "handler holds it");
            int entered = 0;
            Thread loop = new Thread(() =>
            {
                mutex.Enter();
                Volatile.Write(ref entered, 1);
                mutex.Exit();
            });
            loop.Start();
            WaitUntilBlocked(loop);
            Assert.AreEqual(0, Volatile.Read(ref entered), "the main loop waits");
            mutex.Exit();
            Assert.IsTrue(loop.Join(5000), "then enters");
        }

        [TestMethod]
        [Timeout(30_000)]
        public void CriticalSectionIsMutuallyExclusiveUnderContention()
        {
            CriticalSection cs = new CriticalSection(new HostClock());
            int inside = 0;
            int violations = 0;
            long counter = 0;
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.Length; t++)
            {
                threads[t] = new Thread(() =>
                {
                    for (int i = 0; i < 50_000; i++)
                    {
                        using (cs.Enter())
                        {
                            if (Interlocked.Increment(ref inside) != 1)
                            {
                                Interlocked.Increment(ref violations);
                            }

                            counter++;
                            Interlocked.Decrement(ref inside);
                        }
                    }
                });
                threads[t].Start();
            }

            foreach (Thread t in threads)
            {
                Assert.IsTrue(t.Join(25_000), "no deadlock");
            }

            Assert.AreEqual(0, violations, "never two holders");
            Assert.AreEqual(200_000L, counter, "no lost update");
        }

        [TestMethod]
        [Timeout(30_000)]
        public void SchedulerWithFourProducersRunsEverythingOnce()
        {
            const int PerProducer = 200_000;
            Scheduler scheduler = new Scheduler(64, new HostClock());
            long sum = 0;
            int ran = 0;
            ScheduledCallback callback = arg =>
            {
                sum += (int)arg;
                ran++;
            };
            object[] args = new object[] { 1, 10, 100, 1000 };
            Thread[] producers = new Thread[4];
            for (int p = 0; p < producers.Length; p++)
            {
                object arg = args[p];
                producers[p] = new Thread(() =>
                {
                    for (int i = 0; i < PerProducer; i++)
                    {
                        while (!scheduler.Schedule(callback, arg))
                        {
                            Thread.Yield();
                        }
                    }
                });
                producers[p].Start();
            }

            while (ran < PerProducer * producers.Length)
            {
                if (scheduler.RunPending() == 0)
                {
                    Thread.Yield();
                }
            }

            foreach (Thread t in producers)
            {
                t.Join();
            }

            Assert.AreEqual(1111L * PerProducer, sum, "every callback ran exactly once with its argument");
            Assert.AreEqual(scheduler.Scheduled, scheduler.Ran, "scheduled == ran");
        }
    }
}
