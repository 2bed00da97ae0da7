using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>
    /// Stop called from a <see cref="Timer"/> callback. On nanoCLR that callback runs on a runtime thread on which
    /// Thread.Join throws InvalidOperationException, so a Stop that only joined failed there.
    /// </summary>
    [TestClass]
    public class IrqDispatcherStopFromTimerTests
    {
        [TestMethod]
        public void StopFromATimerCallbackWaitsForTheThreadAndDoesNotThrow()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            dispatcher.Start();
            Exception thrown = null;
            bool runningAfter = true;
            int loopsAfter = -1;
            bool ran = TimerThread.Run(() =>
            {
                try
                {
                    dispatcher.Stop();
                    runningAfter = dispatcher.IsRunning;
                    loopsAfter = dispatcher.LiveLoops;
                }
                catch (Exception e)
                {
                    thrown = e;
                }
            });
            Assert.IsTrue(ran, "the timer callback ran");
            Assert.IsNull(thrown, "Stop from a timer callback does not throw");
            Assert.IsFalse(runningAfter, "stopped");
            Assert.AreEqual(0, loopsAfter, "the dispatcher thread had ended when Stop returned");
            dispatcher.Dispose();
        }
    }
}
