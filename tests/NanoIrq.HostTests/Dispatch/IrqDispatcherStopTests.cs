using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Dispatch
{
    /// <summary>
    /// IrqDispatcher.Stop from another thread after a Stop from inside a handler: when the outside Stop returns, the
    /// handler has returned and no dispatcher loop is left (it used to return at once, since the handler's Stop had
    /// already cleared the running flag, while the handler was still running).
    /// </summary>
    [TestClass]
    public class IrqDispatcherStopTests
    {
        [TestMethod]
        public void StopFromOutsideAfterStopInAHandlerWaitsForTheHandlerAndTheLoop()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            ManualResetEventSlim inHandler = new ManualResetEventSlim(false);
            ManualResetEventSlim release = new ManualResetEventSlim(false);
            int handlerDone = 0;
            new IrqPin(sim, 4).Irq((irq, edge) =>
            {
                dispatcher.Stop();
                inHandler.Set();
                release.Wait(10000);
                Volatile.Write(ref handlerDone, 1);
            }, IrqTrigger.Both);

            dispatcher.Start();
            sim.Pin(4).Drive(true);
            Assert.IsTrue(inHandler.Wait(5000), "handler entered and called Stop");

            StopFromOutside(dispatcher, release, () => Volatile.Read(ref handlerDone), out int done, out int loops);
            Assert.AreEqual(1, done, "the handler had returned when the outside Stop returned");
            Assert.AreEqual(0, loops, "no dispatcher loop was left when the outside Stop returned");
            Assert.IsFalse(dispatcher.IsRunning);
        }

        // Calls Stop on a new thread while the handler is held, and releases the handler once that Stop has returned
        // (a Stop that does not wait: it sees the handler unfinished) or is blocked (a Stop that waits: it sees the
        // handler finished whatever the scheduling). Returns what the Stop saw the moment it returned.
        private static void StopFromOutside(IrqDispatcher dispatcher, ManualResetEventSlim release, Func<int> handlerDone, out int done, out int loops)
        {
            int doneSeen = -1;
            int loopsSeen = -1;
            Thread stopper = new Thread(() =>
            {
                dispatcher.Stop();
                doneSeen = handlerDone();
                loopsSeen = dispatcher.LiveLoops;
            });
            stopper.Start();
            SpinWait.SpinUntil(() => (stopper.ThreadState & (ThreadState.WaitSleepJoin | ThreadState.Stopped)) != 0, 5000);
            release.Set();
            Assert.IsTrue(stopper.Join(5000), "outside Stop returned once the handler did");
            done = doneSeen;
            loops = loopsSeen;
        }

        [TestMethod]
        public void StopFromOutsideAfterStopAndStartInAHandlerJoinsBothThreads()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            ManualResetEventSlim inHandler = new ManualResetEventSlim(false);
            ManualResetEventSlim release = new ManualResetEventSlim(false);
            int handlerDone = 0;
            int calls = 0;
            new IrqPin(sim, 5).Irq((irq, edge) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    dispatcher.Stop();
                    dispatcher.Start();
                    inHandler.Set();
                    release.Wait(10000);
                    Volatile.Write(ref handlerDone, 1);
                }
            }, IrqTrigger.Both);

            dispatcher.Start();
            sim.Pin(5).Drive(true);
            Assert.IsTrue(inHandler.Wait(5000), "handler entered, stopped and restarted");

            StopFromOutside(dispatcher, release, () => Volatile.Read(ref handlerDone), out int done, out int loops);
            Assert.AreEqual(1, done, "the old thread's handler had returned when the outside Stop returned");
            Assert.AreEqual(0, loops, "neither the old nor the new dispatcher loop was left");
            Assert.IsFalse(dispatcher.IsRunning);
        }

        [TestMethod]
        public void StopFromAHandlerRunOnAnotherThreadDoesNotWaitForTheDispatcherThread()
        {
            // Invoke runs the handler on the calling thread, under the dispatch gate, while the dispatcher thread runs.
            // A Stop that joined the dispatcher thread there would wait forever: that thread needs the gate to leave.
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            Irq irq = new IrqPin(sim, 6).Irq((i, edge) => dispatcher.Stop(), IrqTrigger.Both);
            dispatcher.Start();
            Thread invoker = new Thread(() => irq.Invoke());
            invoker.Start();
            Assert.IsTrue(invoker.Join(5000), "Invoke returned: the handler's Stop did not wait for the dispatcher thread");
            Assert.IsTrue(SpinWait.SpinUntil(() => dispatcher.LiveLoops == 0, 5000), "the dispatcher loop ended after");
            Assert.IsFalse(dispatcher.IsRunning);
            dispatcher.Stop();
            Assert.AreEqual(0, dispatcher.LiveLoops);
        }
    }
}
