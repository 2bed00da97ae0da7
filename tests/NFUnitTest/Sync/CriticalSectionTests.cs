using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Sync
{
    [TestClass]
    public class CriticalSectionTests
    {
        [TestMethod]
        public void NestedDisableReturnsTheDepthAsKey()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            Assert.IsFalse(cs.IsHeld, "free");
            int k0 = cs.Disable();
            int k1 = cs.Disable();
            int k2 = cs.Disable();
            Assert.AreEqual(0, k0, "outermost key");
            Assert.AreEqual(1, k1, "second key");
            Assert.AreEqual(2, k2, "third key");
            Assert.AreEqual(3, cs.Depth, "depth");
            Assert.IsTrue(cs.IsHeld, "held");
            Assert.IsTrue(cs.IsHeldByCurrentThread, "held here");
            cs.Restore(k2);
            cs.Restore(k1);
            Assert.IsTrue(cs.IsHeld, "still held");
            cs.Restore(k0);
            Assert.IsFalse(cs.IsHeld, "free");
            Assert.AreEqual(0, cs.Depth, "depth 0");
        }

        [TestMethod]
        public void UnbalancedRestoreIsRefused()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.Restore(0), "unbalanced restore");
            int k = cs.Disable();
            cs.Restore(k);
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.Restore(k), "second restore");
            Assert.IsFalse(cs.IsHeld, "still free");
        }

        [TestMethod]
        public void OutOfOrderKeyIsRefusedAndChangesNothing()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int k0 = cs.Disable();
            int k1 = cs.Disable();
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.Restore(k0), "outer key");
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.Restore(5), "made-up key");
            Assert.AreEqual(2, cs.Depth, "depth unchanged");
            cs.Restore(k1);
            cs.Restore(k0);
            Assert.IsFalse(cs.IsHeld, "free");
        }

        [TestMethod]
        public void RestoreFromAnotherThreadIsRefused()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int key = cs.Disable();
            bool refused = false;
            Thread other = new Thread(() =>
            {
                try
                {
                    cs.Restore(key);
                }
                catch (InvalidOperationException)
                {
                    refused = true;
                }
            });
            other.Start();
            other.Join();
            Assert.IsTrue(refused, "cross-thread restore");
            Assert.IsTrue(cs.IsHeldByCurrentThread, "still held");
            cs.Restore(key);
        }

        [TestMethod]
        public void LongestHoldIsTheOutermostHoldOnTheClock()
        {
            FakeClock clock = new FakeClock(0xFFFFFF00u);
            CriticalSection cs = new CriticalSection(clock);
            int k0 = cs.Disable();
            clock.Advance(100);
            int k1 = cs.Disable();
            clock.Advance(50);
            cs.Restore(k1);
            Assert.AreEqual(0u, cs.LongestHoldMicros, "nested not measured");
            clock.Advance(250);
            cs.Restore(k0);
            Assert.AreEqual(400u, cs.LongestHoldMicros, "400 µs");
            using (cs.Enter())
            {
                clock.Advance(30);
            }

            Assert.AreEqual(400u, cs.LongestHoldMicros, "max kept");
            using (cs.Enter())
            {
                clock.AdvanceMillis(2);
            }

            Assert.AreEqual(2000u, cs.LongestHoldMicros, "max raised");
        }

        [TestMethod]
        public void ScopeRestoresAndNests()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            using (CriticalSectionScope outer = cs.Enter())
            {
                Assert.AreEqual(0, outer.Key, "outer key");
                using (CriticalSectionScope inner = cs.Enter())
                {
                    Assert.AreEqual(1, inner.Key, "inner key");
                    Assert.AreEqual(2, cs.Depth, "depth 2");
                }

                Assert.AreEqual(1, cs.Depth, "depth 1");
            }

            Assert.IsFalse(cs.IsHeld, "free");
            new CriticalSectionScope().Dispose();
        }

        [TestMethod]
        public void ReleasedRunsAfterTheOutermostRestoreOnly()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int calls = 0;
            bool heldDuringCallback = true;
            cs.Released = () =>
            {
                calls++;
                heldDuringCallback = cs.IsHeld;
            };
            int k0 = cs.Disable();
            int k1 = cs.Disable();
            cs.Restore(k1);
            Assert.AreEqual(0, calls, "not when nested");
            cs.Restore(k0);
            Assert.AreEqual(1, calls, "once");
            Assert.IsFalse(heldDuringCallback, "free in Released");
        }

        [TestMethod]
        public void EdgesWaitedCountsNotes()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            cs.NoteEdgeWaiting();
            cs.NoteEdgeWaiting();
            Assert.AreEqual(2, cs.EdgesWaited, "two waited");
        }

        [TestMethod]
        public void DispatchHoldFailsWhileHeldAndNestsHandlerDisables()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int released = 0;
            cs.Released = () => released++;
            int k = cs.Disable();
            Assert.IsFalse(cs.TryEnterDispatch(), "held: no dispatch");
            cs.Restore(k);
            Assert.AreEqual(1, released, "notified");
            Assert.IsTrue(cs.TryEnterDispatch(), "dispatch takes it");
            Assert.IsTrue(cs.IsHeld, "held");
            Assert.IsFalse(cs.TryEnterDispatch(), "not reentrant");
            int hk = cs.Disable();
            Assert.AreEqual(1, hk, "nested key");
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.ExitDispatch(), "Disable left open");
            cs.Restore(hk);
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.Restore(0), "not a Disable");
            cs.ExitDispatch();
            Assert.IsFalse(cs.IsHeld, "free");
            Assert.AreEqual(1, released, "not notified");
            Assert.ThrowsException(typeof(InvalidOperationException), () => cs.ExitDispatch(), "unbalanced ExitDispatch");
        }

        [TestMethod]
        public void NullClockIsRefused()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new CriticalSection(null), "null clock");
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
        public void ExitErrorsSayWhatWentWrong()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            Assert.Contains("not held", Message(() => cs.Restore(0)), "unbalanced restore");
            int k0 = cs.Disable();
            int k1 = cs.Disable();
            string outOfOrder = Message(() => cs.Restore(k0));
            Assert.Contains("out of order", outOfOrder, "out-of-order restore");
            Assert.Contains("1", outOfOrder, "names key");
            string crossThread = null;
            Thread other = new Thread(() => crossThread = Message(() => cs.Restore(k1)));
            other.Start();
            other.Join();
            Assert.Contains("does not hold", crossThread, "cross-thread restore");
            Assert.AreEqual(2, cs.Depth, "depth unchanged");
            cs.Restore(k1);
            cs.Restore(k0);
            Assert.AreEqual(0u, cs.LongestHoldMicros, "nothing measured");
            Assert.Contains("ExitDispatch without", Message(() => cs.ExitDispatch()), "unbalanced ExitDispatch");
        }

        [TestMethod]
        public void HoldsLongerThanHalfTheTickRangeDoNotCorruptTheMaximum()
        {
            FakeClock clock = new FakeClock();
            CriticalSection cs = new CriticalSection(clock);
            using (cs.Enter())
            {
                clock.Advance(700);
            }

            using (cs.Enter())
            {
                clock.Advance(int.MaxValue);
                clock.Advance(10);
            }

            Assert.AreEqual(700u, cs.LongestHoldMicros, "wrapped hold ignored");
        }
    }
}
