using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Sync
{
    /// <summary>
    /// Ownership seen from a thread the runtime starts itself: a <see cref="Timer"/> callback. On nanoCLR such a
    /// thread, like the main thread that runs these tests, reports <see cref="Thread.ManagedThreadId"/> 0 (the id is
    /// only booked by <c>new Thread(...)</c>), so ownership keyed on that id took the callback for the holder.
    /// </summary>
    [TestClass]
    public class RuntimeThreadOwnershipTests
    {
        [TestMethod]
        public void ATimerCallbackDoesNotOwnTheTestThreadsCriticalSection()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int key = cs.Disable();
            bool ownedThere = true;
            bool refused = false;
            bool ran = TimerThread.Run(() =>
            {
                ownedThere = cs.IsHeldByCurrentThread;
                try
                {
                    cs.Restore(key);
                }
                catch (InvalidOperationException)
                {
                    refused = true;
                }
            });
            Assert.IsTrue(ran, "the timer callback ran");
            Assert.IsFalse(ownedThere, "the callback's thread does not hold the section");
            Assert.IsTrue(refused, "its Restore is refused");
            Assert.IsTrue(cs.IsHeldByCurrentThread, "the test thread still holds it");
            Assert.AreEqual(1, cs.Depth, "depth unchanged");
            cs.Restore(key);
            Assert.IsFalse(cs.IsHeld, "free after the owner's Restore");
        }

        [TestMethod]
        public void ATimerCallbackCannotExitTheTestThreadsHandlerMutex()
        {
            HandlerMutex mutex = new HandlerMutex();
            mutex.Enter();
            bool refused = false;
            bool tried = true;
            bool ran = TimerThread.Run(() =>
            {
                try
                {
                    mutex.Exit();
                }
                catch (InvalidOperationException)
                {
                    refused = true;
                }

                tried = mutex.TryEnter();
            });
            Assert.IsTrue(ran, "the timer callback ran");
            Assert.IsTrue(refused, "its Exit is refused");
            Assert.IsFalse(tried, "its TryEnter finds the mutex held");
            Assert.IsTrue(mutex.IsHeld, "still held by the test thread");
            mutex.Exit();
            Assert.IsFalse(mutex.IsHeld, "free after the owner's Exit");
        }
    }
}
