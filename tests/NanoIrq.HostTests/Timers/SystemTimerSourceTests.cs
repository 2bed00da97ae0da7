using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>The ms wake-up source on a real runtime timer thread.</summary>
    [TestClass]
    public class SystemTimerSourceTests
    {
        [TestMethod]
        public void WakesNoEarlierThanAskedRoundedUpToWholeMilliseconds()
        {
            using (ManualResetEvent woke = new ManualResetEvent(false))
            {
                Stopwatch watch = new Stopwatch();
                using (SystemTimerSource source = new SystemTimerSource(() => { watch.Stop(); woke.Set(); }))
                {
                    Assert.AreEqual(1000, source.ResolutionMicros, "1 ms");
                    watch.Start();
                    source.WakeAfter(20500); // rounds up to 21 ms
                    Assert.IsTrue(woke.WaitOne(5000), "woke within 5 s");
                    Assert.IsTrue(watch.Elapsed.TotalMilliseconds >= 20.5, "not early: " + watch.Elapsed.TotalMilliseconds + " ms");
                }
            }
        }

        [TestMethod]
        public void CancelPreventsTheWakeAndDisposeRefusesNewOnes()
        {
            int wakes = 0;
            SystemTimerSource source = new SystemTimerSource(() => Interlocked.Increment(ref wakes));
            source.WakeAfter(30000);
            source.Cancel();
            Thread.Sleep(100);
            Assert.AreEqual(0, wakes, "cancelled");
            source.Dispose();
            Assert.ThrowsExactly<ObjectDisposedException>(() => source.WakeAfter(1000), "disposed");
            Assert.ThrowsExactly<ArgumentNullException>(() => new SystemTimerSource(null), "no handler");
        }
    }
}
