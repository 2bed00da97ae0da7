using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>
    /// IrqDispatcher.Stop then Start while a handler runs on the dispatcher thread: afterwards exactly one dispatcher
    /// loop runs (the old thread leaves its loop once the handler returns; it was never joined and used to keep
    /// polling next to the new one).
    /// </summary>
    [TestClass]
    public class IrqDispatcherRestartTests
    {
        [TestMethod]
        public void StopThenStartFromAHandlerLeavesExactlyOneDispatcherLoop()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            int calls = 0;
            int restartThread = 0;
            int[] laterThreads = new int[20];
            new IrqPin(sim, 3).Irq((irq, edge) =>
            {
                int n = Interlocked.Increment(ref calls);
                if (n == 1)
                {
                    restartThread = Thread.CurrentThread.ManagedThreadId;
                    dispatcher.Stop();
                    dispatcher.Start();
                }
                else if (n - 2 < laterThreads.Length)
                {
                    laterThreads[n - 2] = Thread.CurrentThread.ManagedThreadId;
                }
            }, IrqTrigger.Both);

            dispatcher.Start();
            try
            {
                sim.Pin(3).Drive(true);
                Assert.IsTrue(SpinWait.SpinUntil(() => Volatile.Read(ref calls) >= 1, 5000), "first edge delivered");
                Assert.IsTrue(dispatcher.IsRunning);
                bool settled = SpinWait.SpinUntil(() => dispatcher.LiveLoops == 1, 3000);
                Assert.IsTrue(settled, "one dispatcher loop after the restart, found " + dispatcher.LiveLoops);

                for (int i = 0; i < laterThreads.Length; i++)
                {
                    sim.Pin(3).Drive(!sim.Pin(3).Level);
                    int expected = i + 2;
                    Assert.IsTrue(SpinWait.SpinUntil(() => Volatile.Read(ref calls) >= expected, 5000), "edge " + expected + " delivered");
                }

                for (int i = 0; i < laterThreads.Length; i++)
                {
                    Assert.AreNotEqual(restartThread, laterThreads[i], "edge " + (i + 2) + " ran on the old dispatcher thread");
                    Assert.AreEqual(laterThreads[0], laterThreads[i], "edges after the restart all run on the new thread");
                }

                Assert.AreEqual(1, dispatcher.LiveLoops);
            }
            finally
            {
                dispatcher.Stop();
            }

            Assert.AreEqual(0, dispatcher.LiveLoops, "Stop joined the new thread");
            Assert.IsFalse(dispatcher.IsRunning);
        }

        [TestMethod]
        public void StopFromAHandlerAloneEndsTheLoopOnceTheHandlerReturns()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            int calls = 0;
            new IrqPin(sim, 6).Irq((irq, edge) =>
            {
                Interlocked.Increment(ref calls);
                dispatcher.Stop();
            }, IrqTrigger.Both);

            dispatcher.Start();
            sim.Pin(6).Drive(true);
            Assert.IsTrue(SpinWait.SpinUntil(() => dispatcher.LiveLoops == 0 && Volatile.Read(ref calls) == 1, 5000), "loop left after Stop from the handler");
            Assert.IsFalse(dispatcher.IsRunning);
        }
    }
}
