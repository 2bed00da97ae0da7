using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>
    /// Posting takes no lock: two threads post for two pins at once while a third party (the test thread) polls, and
    /// every edge is delivered or counted as dropped, none twice, none lost, none handed to the other pin's Irq. On
    /// nanoCLR the threads interleave at the interpreter's time slices, on the host truly in parallel.
    /// </summary>
    [TestClass]
    public class ConcurrentPostTests
    {
        private const int EdgesPerThread = 20000; // A's edges: on nanoCLR several time slices

        [TestMethod]
        public void TwoThreadsPostingAtOnceLoseNoEdgeUncounted()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock(0), 64, 8);
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            SimulatedPin wireA = source.Pin(4);
            SimulatedPin wireB = source.Pin(5);
            int handledA = 0;
            int handledB = 0;
            int wrongPin = 0;
            Irq a = new IrqPin(source, 4).Irq((irq, edge) =>
            {
                handledA++;
                wrongPin += edge.Pin == 4 ? 0 : 1;
            }, IrqTrigger.Both);
            Irq b = new IrqPin(source, 5).Irq((irq, edge) =>
            {
                handledB++;
                wrongPin += edge.Pin == 5 ? 0 : 1;
            }, IrqTrigger.Both);

            // B's thread posts until A's loop is done, so the two run together for all of A's edges.
            int postedB = 0;
            bool stop = false;
            Thread other = new Thread(() =>
            {
                while (!stop)
                {
                    wireB.Drive(!wireB.Level);
                    postedB++;
                }
            });
            other.Start();
            while (postedB == 0)
            {
                Thread.Sleep(0); // let B's thread start
            }

            int atStart = postedB;
            for (int i = 0; i < EdgesPerThread; i++)
            {
                wireA.Drive(!wireA.Level);
                if ((i & 15) == 15)
                {
                    dispatcher.Poll();
                }
            }

            bool interleaved = postedB != atStart;
            stop = true;
            other.Join();
            dispatcher.Poll();
            dispatcher.Poll();

            Assert.IsTrue(interleaved, "the other thread posted while this one did");
            Assert.AreEqual(0, wrongPin, "each edge reached its own pin's Irq");
            Assert.AreEqual(EdgesPerThread, a.Stats.EdgesSeen, "A saw every edge");
            Assert.AreEqual(postedB, b.Stats.EdgesSeen, "B saw every edge");
            Assert.AreEqual(EdgesPerThread, a.Stats.Delivered + a.Stats.Dropped, "A delivered or dropped");
            Assert.AreEqual(postedB, b.Stats.Delivered + b.Stats.Dropped, "B delivered or dropped");
            Assert.AreEqual(a.Stats.Delivered, handledA, "A handler calls");
            Assert.AreEqual(b.Stats.Delivered, handledB, "B handler calls");
            Assert.AreEqual(0, a.Stats.Queued + b.Stats.Queued, "nothing left queued");
            Assert.AreEqual(0, dispatcher.Stats.RingCount, "ring empty");
            Assert.AreEqual(dispatcher.Stats.RingWritten, dispatcher.Stats.RingReadCount + dispatcher.Stats.RingDropped, "ring counters add up");
            Assert.AreEqual(a.Stats.Dropped + b.Stats.Dropped, dispatcher.Stats.RingDropped, "drops counted on both sides");
        }
    }
}
