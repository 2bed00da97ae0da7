using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>The dispatcher thread with real producer threads: nothing lost, nothing reordered, handlers never overlap.</summary>
    [TestClass]
    public class IrqDispatcherThreadTests
    {
        [TestMethod]
        public void TwoProducerThreadsAndTheDispatcherThreadAccountForEveryEdge()
        {
            const int PerThread = 200000;
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock(), 1024, 8);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            int inHandler = 0;
            int overlaps = 0;
            uint[] last = new uint[2];
            int disorder = 0;
            Irq[] irqs = new Irq[2];
            for (int p = 0; p < 2; p++)
            {
                int index = p;
                irqs[p] = new IrqPin(sim, 20 + p).Irq((irq, edge) =>
                {
                    if (Interlocked.Increment(ref inHandler) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    if (edge.Sequence <= last[index])
                    {
                        disorder++;
                    }

                    last[index] = edge.Sequence;
                    Interlocked.Decrement(ref inHandler);
                }, IrqTrigger.Both);
            }

            dispatcher.Start();
            Thread[] producers = new Thread[2];
            for (int p = 0; p < 2; p++)
            {
                SimulatedPin pin = sim.Pin(20 + p);
                producers[p] = new Thread(() =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        pin.Drive(!pin.Level);
                        if ((i & 255) == 0)
                        {
                            Thread.Yield();
                        }
                    }
                });
                producers[p].Start();
            }

            foreach (Thread t in producers)
            {
                t.Join();
            }

            Stopwatch waited = Stopwatch.StartNew();
            while (dispatcher.Stats.RingCount > 0 && waited.ElapsedMilliseconds < 10000)
            {
                Thread.Yield();
            }

            dispatcher.Stop();
            dispatcher.Poll();
            Assert.AreEqual(0, overlaps, "handlers never ran concurrently");
            Assert.AreEqual(0, disorder, "sequence numbers strictly increasing per pin");
            for (int p = 0; p < 2; p++)
            {
                Assert.AreEqual(PerThread, irqs[p].Stats.EdgesSeen, "seen on pin " + p);
                Assert.AreEqual(PerThread, irqs[p].Stats.Delivered + irqs[p].Stats.Dropped, "delivered + dropped == produced on pin " + p);
            }

            Assert.IsFalse(dispatcher.IsRunning, "stopped");
        }

        [TestMethod]
        public void ReleasingTheCriticalSectionWakesTheDispatcherThread()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            ManualResetEventSlim third = new ManualResetEventSlim(false);
            int delivered = 0;
            new IrqPin(sim, 4).Irq((irq, edge) =>
            {
                if (Interlocked.Increment(ref delivered) == 3)
                {
                    third.Set();
                }
            }, IrqTrigger.Both);
            dispatcher.Start();
            try
            {
                CriticalSection cs = dispatcher.CriticalSection;
                int key = cs.Disable();
                SimulatedPin pin = sim.Pin(4);
                pin.Drive(true);
                pin.Drive(false);
                pin.Drive(true);
                Assert.AreEqual(0, Volatile.Read(ref delivered), "nothing delivered while this thread holds the section");
                Stopwatch sw = Stopwatch.StartNew();
                cs.Restore(key);
                Assert.IsTrue(third.Wait(5000), "all three delivered after Restore");
                Console.WriteLine("delivered " + sw.Elapsed.TotalMilliseconds.ToString("F3") + " ms after Restore");
                Assert.IsTrue(sw.ElapsedMilliseconds < IrqDispatcher.MaxIdleMillis / 2, "woken by the release, not by the 1 s idle timeout");
                Assert.AreEqual(3, cs.EdgesWaited, "three edges waited");
            }
            finally
            {
                dispatcher.Stop();
            }
        }

        [TestMethod]
        public void ReopeningAPinWhileAnotherThreadPostsNeverHandsAnIrqEdgesItDidNotSee()
        {
            const int Reopens = 2000;
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock(), 64, 8);
            int[] delivered = new int[Reopens];
            Irq[] irqs = new Irq[Reopens];
            IrqPin pin = null;
            bool stop = false;
            long posted = 0;
            long lastPosted = 0;
            int early = 0;
            Thread poster = new Thread(() =>
            {
                uint seq = 0;
                while (!Volatile.Read(ref stop))
                {
                    seq++;
                    dispatcher.Post(new EdgeRecord(7, (seq & 1) != 0, seq, seq, false));
                    posted++;
                    Volatile.Write(ref lastPosted, seq);
                }
            });

            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            poster.Start();
            for (int k = 0; k < Reopens; k++)
            {
                int index = k;
                uint before = (uint)Volatile.Read(ref lastPosted); // every edge up to here was posted before this Irq existed
                pin = new IrqPin(sim, 7);
                irqs[k] = pin.Irq((irq, edge) =>
                {
                    delivered[index]++;
                    if (edge.Sequence <= before)
                    {
                        early++;
                    }
                }, IrqTrigger.Both);
                if ((k & 1) == 0)
                {
                    dispatcher.Poll(); // half the Irqs see a poll, half are disposed with edges still queued
                }

                Thread.Yield();
                pin.Dispose();
            }

            Volatile.Write(ref stop, true);
            poster.Join();
            dispatcher.Poll();
            Assert.AreEqual(0, dispatcher.Stats.RingCount, "ring drained");
            Assert.AreEqual(0, early, "no Irq was handed an edge posted before it was created");
            long seen = 0;
            long discarded = 0;
            for (int k = 0; k < Reopens; k++)
            {
                Irq irq = irqs[k];
                Assert.AreEqual(irq.Stats.Delivered, delivered[k], "Irq " + k + ": Delivered counts its handler calls");
                Assert.AreEqual(irq.Stats.EdgesSeen, irq.Stats.Delivered + irq.Stats.Dropped + irq.Stats.Discarded, "Irq " + k + ": it was handed only edges posted while it lived");
                Assert.AreEqual(0, irq.Stats.Queued, "Irq " + k + ": nothing left queued");
                Assert.IsTrue(irq.Stats.Discarded >= 0, "Irq " + k + ": Discarded is a count, never negative");
                seen += irq.Stats.EdgesSeen;
                discarded += irq.Stats.Discarded;
            }

            Assert.AreEqual(discarded, dispatcher.Stats.Discarded, "every edge written off at a Dispose was taken out of the ring unseen");
            Assert.AreEqual(posted, seen + dispatcher.Stats.Unrouted, "every post reached an Irq or was counted unrouted");
            Assert.IsTrue(discarded > 0, "the race was exercised: some Irqs were disposed with edges queued");
        }
    }
}
