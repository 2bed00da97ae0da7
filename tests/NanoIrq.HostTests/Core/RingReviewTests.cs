using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>Checks added by the review of the ring rework (issue #3) that the other ring suites did not make.</summary>
    [TestClass]
    public class RingReviewTests
    {
        [TestMethod]
        [Timeout(30_000)]
        [DataRow(256)]
        [DataRow(64)]
        public void DropOldestBatchReaderMakesProgressWhileTheProducerOverflows(int capacity)
        {
            // A producer that never stops overflowing a DropOldest ring moves the head on every write. A batch
            // read that can only commit when the head did not move during its whole copy never commits while
            // the overload lasts: the reader must still receive edges, in order, while the producer runs.
            EdgeRing ring = new EdgeRing(capacity, OverflowPolicy.DropOldest);
            EdgeRecord[] batch = new EdgeRecord[capacity];
            int stop = 0;
            long written = 0;
            Thread producer = new Thread(() =>
            {
                uint seq = 1;
                while (Volatile.Read(ref stop) == 0)
                {
                    ring.TryWrite(new EdgeRecord(1, (seq & 1) != 0, seq, seq, false));
                    seq++;
                }

                written = seq - 1;
            });

            producer.Start();
            while (ring.Count < capacity)
            {
                Thread.Yield();
            }

            long received = 0;
            int batches = 0;
            uint last = 0;
            Stopwatch sw = Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < 2000 && batches < 2000)
            {
                int n = ring.Read(batch, 0, capacity);
                for (int k = 0; k < n; k++)
                {
                    Assert.IsTrue(batch[k].Sequence > last, "order: " + batch[k].Sequence + " after " + last);
                    Assert.AreEqual(batch[k].Sequence, batch[k].TimeMicros, "torn record");
                    last = batch[k].Sequence;
                }

                if (n > 0)
                {
                    batches++;
                    received += n;
                }
            }

            bool producerRan = producer.IsAlive;
            Volatile.Write(ref stop, 1);
            producer.Join();
            Console.WriteLine("capacity " + capacity + ": " + batches + " batches, " + received + " edges read in " + sw.ElapsedMilliseconds + " ms while " + written + " were written");
            Assert.IsTrue(producerRan, "the producer was still overflowing the ring when the reads ended");
            Assert.IsTrue(batches >= 20, "only " + batches + " batch reads returned edges in " + sw.ElapsedMilliseconds + " ms of overload");
        }
    }
}
