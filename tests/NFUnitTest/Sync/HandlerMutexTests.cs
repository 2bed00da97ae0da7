using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Sync
{
    [TestClass]
    public class HandlerMutexTests
    {
        [TestMethod]
        public void HandlerTryEnterFailsFastWhileTheLoopHoldsIt()
        {
            HandlerMutex mutex = new HandlerMutex();
            mutex.Enter();
            bool handlerGotIt = true;
            Thread handler = new Thread(() =>
            {
                handlerGotIt = mutex.TryEnter();
            });
            handler.Start();
            handler.Join();
            Assert.IsFalse(handlerGotIt, "TryEnter does not wait");
            Assert.AreEqual(1, mutex.Contended, "counted");
            mutex.Exit();
            Assert.IsFalse(mutex.IsHeld, "free");
            Assert.IsTrue(mutex.TryEnter(), "free mutex is taken");
            Assert.AreEqual(1, mutex.Contended, "success not counted");
            mutex.Exit();
        }

        [TestMethod]
        public void EnterIsNotReentrantAndTryEnterCountsIt()
        {
            HandlerMutex mutex = new HandlerMutex();
            mutex.Enter();
            Assert.ThrowsException(typeof(InvalidOperationException), () => mutex.Enter(), "self-deadlock refused");
            Assert.IsFalse(mutex.TryEnter(), "TryEnter on a held mutex");
            Assert.AreEqual(1, mutex.Contended, "contended once");
            mutex.Exit();
        }

        [TestMethod]
        public void UnbalancedOrCrossThreadExitIsRefused()
        {
            HandlerMutex mutex = new HandlerMutex();
            Assert.ThrowsException(typeof(InvalidOperationException), () => mutex.Exit(), "exit without enter");
            mutex.Enter();
            bool refused = false;
            Thread other = new Thread(() =>
            {
                try
                {
                    mutex.Exit();
                }
                catch (InvalidOperationException)
                {
                    refused = true;
                }
            });
            other.Start();
            other.Join();
            Assert.IsTrue(refused, "cross-thread exit throws");
            Assert.IsTrue(mutex.IsHeld, "still held by the owner");
            mutex.Exit();
        }

        [TestMethod]
        public void LockScopeExits()
        {
            HandlerMutex mutex = new HandlerMutex();
            using (mutex.Lock())
            {
                Assert.IsTrue(mutex.IsHeld, "held inside");
            }

            Assert.IsFalse(mutex.IsHeld, "free after");
            new HandlerMutexScope().Dispose();
        }

        private static string Message(Action action)
        {
            try
            {
                action();
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }

            return null;
        }

        [TestMethod]
        public void ErrorsSayWhatWentWrongAndCountOnlyHandlerFailures()
        {
            HandlerMutex mutex = new HandlerMutex();
            Assert.Contains("not held", Message(() => mutex.Exit()), "unbalanced exit");
            mutex.Enter();
            Assert.Contains("not reentrant", Message(() => mutex.Enter()), "re-entry");
            string crossThread = null;
            Thread other = new Thread(() => crossThread = Message(() => mutex.Exit()));
            other.Start();
            other.Join();
            Assert.Contains("does not hold", crossThread, "cross-thread exit");
            Assert.AreEqual(0, mutex.Contended, "Enter and Exit errors are not handler contention");
            for (int i = 0; i < 3; i++)
            {
                Assert.IsFalse(mutex.TryEnter(), "try " + i.ToString());
            }

            Assert.AreEqual(3, mutex.Contended, "each failed TryEnter counted once");
            mutex.Exit();
            Assert.IsFalse(mutex.IsHeld, "free");
        }
    }
}
