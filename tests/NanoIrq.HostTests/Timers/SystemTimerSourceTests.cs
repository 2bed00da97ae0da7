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
                    // .NET timers count whole milliseconds of the system tick and may fire up to ~1 ms before a
                    // Stopwatch says the due time has passed; the 21 ms request (20.5 rounded up) must not come
                    // back as the unrounded 20 ms or earlier.
                    Assert.IsTrue(watch.Elapsed.TotalMilliseconds >= 19.5, "not early: " + watch.Elapsed.TotalMilliseconds + " ms");
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
