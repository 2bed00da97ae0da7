using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>
    /// One smoke test of the ms wake-up source on a real runtime timer thread: the wiring from WakeAfter to the
    /// handler. The rounding itself is tested on a fake clock in tests/NFUnitTest/Timers/SystemTimerSourceTests.cs.
    /// </summary>
    [TestClass]
    public class SystemTimerSourceSmokeTests
    {
        [TestMethod]
        public void ARealTimerWakesTheHandlerNotLongBeforeTheDelay()
        {
            using (ManualResetEvent woke = new ManualResetEvent(false))
            {
                Stopwatch watch = new Stopwatch();
                using (SystemTimerSource source = new SystemTimerSource(() => { watch.Stop(); woke.Set(); }))
                {
                    watch.Start();
                    source.WakeAfter(20500); // 21 ms
                    Assert.IsTrue(woke.WaitOne(10000), "woke within 10 s");

                    // Generous: .NET timers count whole ms of the system tick and may fire up to ~1 ms before a
                    // Stopwatch agrees; anything from 15 ms on shows the delay was applied, not dropped.
                    Assert.IsTrue(watch.Elapsed.TotalMilliseconds >= 15, "the delay was applied: " + watch.Elapsed.TotalMilliseconds + " ms");
                }
            }
        }
    }
}
