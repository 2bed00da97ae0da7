using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Core
{
    /// <summary>
    /// Real producer and consumer threads through the lock-free rings: nothing lost, duplicated or reordered,
    /// and Dropped + ReadCount == Written under every policy.
    /// </summary>
    [TestClass]
    public class RingStressTests
    {
        private const int Records = 10_000_000;

        [TestMethod]
        [Timeout(60_000)]
        public void TenMillionEdgesUnderRejectArriveExactlyOnceInOrder()
        {
            EdgeRing ring = new EdgeRing(256, OverflowPolicy.Reject);
            Exception producerError = null;
            Thread producer = new Thread(() =>
            {
                try
                {
                    for (uint seq = 1; seq <= Records; seq++)
                    {
                        EdgeRecord e = new EdgeRecord((int)(seq & 31), (seq & 1) != 0, seq * 3, seq, (seq & 4) != 0);
                        while (!ring.TryWrite(e))
                        {
                            Thread.Yield();
                        }
                    }
                }
                catch (Exception ex)
                {
                    producerError = ex;
                }
            });

            Stopwatch sw = Stopwatch.StartNew();
            producer.Start();
            uint expected = 1;
            while (expected <= Records)
            {
                EdgeRecord e = new EdgeRecord();
                if (!ring.TryRead(e))
                {
                    Thread.Yield();
                    continue;
                }

                if (e.Sequence != expected || e.Pin != (int)(expected & 31) || e.Level != ((expected & 1) != 0)
                    || e.TimeMicros != expected * 3 || e.StampIsLate != ((expected & 4) != 0))
                {
                    Assert.Fail("record " + expected + " arrived as " + e);
                }

                expected++;
            }

            producer.Join();
            sw.Stop();
            Assert.IsNull(producerError, "producer threw");
            Assert.AreEqual(Records, ring.ReadCount, "every record read once");
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped, "refused attempts are the only drops");
            Assert.AreEqual(0, ring.Count, "nothing left");
            Console.WriteLine("Reject: " + Records + " records in " + sw.ElapsedMilliseconds + " ms, " + ring.Dropped + " refused attempts retried");
        }

        [TestMethod]
        [Timeout(60_000)]
        [DataRow(OverflowPolicy.DropOldest)]
        [DataRow(OverflowPolicy.Overwrite)]
        [DataRow(OverflowPolicy.Reject)]
        public void LossyPoliciesAccountForEveryRecord(OverflowPolicy policy)
        {
            // Small ring, producer never waits: many drops, and the reader must still see a strictly
            // increasing sequence with intact fields, and the counters must balance.
            const int N = Records;
            EdgeRing ring = new EdgeRing(16, policy);
            int done = 0;
            Thread producer = new Thread(() =>
            {
                for (uint seq = 1; seq <= N; seq++)
                {
                    ring.TryWrite(new EdgeRecord((int)(seq & 63), (seq & 1) != 0, seq ^ 0x5A5A5A5Au, seq, false));
                    if ((seq & 7) == 0)
                    {
                        // Pace the producer near the reader's speed so that both reads and drops are many.
                        Thread.SpinWait(30);
                    }
                }

                Volatile.Write(ref done, 1);
            });
            producer.Start();

            uint last = 0;
            long read = 0;
            while (true)
            {
                bool finished = Volatile.Read(ref done) == 1;
                EdgeRecord e = new EdgeRecord();
                while (ring.TryRead(e))
                {
                    Assert.IsTrue(e.Sequence > last, "sequence " + e.Sequence + " after " + last + ": duplicated or reordered");
                    Assert.AreEqual(e.Sequence ^ 0x5A5A5A5Au, e.TimeMicros, "torn record " + e);
                    Assert.AreEqual((int)(e.Sequence & 63), e.Pin, "torn pin " + e);
                    Assert.AreEqual((e.Sequence & 1) != 0, e.Level, "torn level " + e);
                    last = e.Sequence;
                    read++;
                }

                if (finished)
                {
                    break;
                }
            }

            producer.Join();
            CheckAccounted(ring, N, read);
            if (policy != OverflowPolicy.Reject)
            {
                Assert.AreEqual((uint)N, last, "the newest record is never the one given up");
            }

            Console.WriteLine(policy + ": read " + read + ", dropped " + ring.Dropped + " of " + N);
        }

        [TestMethod]
        [Timeout(120_000)]
        [DataRow(OverflowPolicy.Overwrite, 2)]
        [DataRow(OverflowPolicy.Overwrite, 5)]
        [DataRow(OverflowPolicy.DropOldest, 2)]
        [DataRow(OverflowPolicy.DropOldest, 7)]
        [DataRow(OverflowPolicy.Reject, 3)]
        public void MixedSingleBatchAndPeekReadsStayExact(OverflowPolicy policy, int capacity)
        {
            // Tiny rings, so that the reader is constantly at the newest item (Overwrite's sequence-lock path)
            // or one behind it (the path that skips the lock), and the producer constantly overflows.
            const int N = Records;
            EdgeRing ring = new EdgeRing(capacity, policy);
            int done = 0;
            Thread producer = new Thread(() =>
            {
                for (uint seq = 1; seq <= N; seq++)
                {
                    ring.TryWrite(new EdgeRecord((int)(seq & 1023), (seq & 1) != 0, seq * 2654435761u, seq, (seq & 4) != 0));
                    if ((seq & 15) == 0)
                    {
                        Thread.SpinWait(20);
                    }
                }

                Volatile.Write(ref done, 1);
            });
            producer.Start();

            EdgeRecord[] batch = new EdgeRecord[8];
            uint last = 0;
            long read = 0;
            int turn = 0;
            while (true)
            {
                bool finished = Volatile.Read(ref done) == 1;
                while (true)
                {
                    turn++;
                    int n;
                    if ((turn & 3) == 0)
                    {
                        n = ring.Read(batch, 0, 1 + (turn >> 2) % 8);
                    }
                    else
                    {
                        EdgeRecord peeked = new EdgeRecord();
                        if ((turn & 3) == 1 && ring.TryPeek(peeked))
                        {
                            Check(peeked);
                            Assert.IsTrue(peeked.Sequence > last, "peeked " + peeked.Sequence + " after " + last);
                        }

                        batch[0] ??= new EdgeRecord();
                        n = ring.TryRead(batch[0]) ? 1 : 0;
                    }

                    if (n == 0)
                    {
                        break;
                    }

                    for (int k = 0; k < n; k++)
                    {
                        EdgeRecord e = batch[k];
                        Check(e);
                        Assert.IsTrue(e.Sequence > last, "sequence " + e.Sequence + " after " + last + ": duplicated or reordered");
                        last = e.Sequence;
                    }

                    read += n;
                }

                if (finished)
                {
                    break;
                }
            }

            producer.Join();
            CheckAccounted(ring, N, read);
            Console.WriteLine(policy + "/" + capacity + ": read " + read + ", dropped " + ring.Dropped + " of " + N);
        }

        [TestMethod]
        [Timeout(60_000)]
        [DataRow(OverflowPolicy.DropOldest)]
        [DataRow(OverflowPolicy.Overwrite)]
        [DataRow(OverflowPolicy.Reject)]
        public void ClearRacingProducerDropsKeepsEveryCounterExact(OverflowPolicy policy)
        {
            // Dropped is the sum of a producer-side counter (refusals, discards, overwrites) and a consumer-side
            // one (Clear), each with a single writer: while the producer overflows a tiny ring, the consumer
            // reads and clears, and no count may be lost or counted twice.
            // The producer waits for a new consumer round every 1,024 writes, so that the two overlap even when
            // the machine is loaded and the producer's thread would otherwise finish before the consumer's runs.
            const int N = 2_000_000;
            EdgeRing ring = new EdgeRing(4, policy);
            int done = 0;
            int rounds = 0;
            Thread producer = new Thread(() =>
            {
                int seen = 0;
                for (uint seq = 1; seq <= N; seq++)
                {
                    ring.TryWrite(new EdgeRecord((int)(seq & 63), (seq & 1) != 0, seq ^ 0x5A5A5A5Au, seq, false));
                    if ((seq & 1023) == 0)
                    {
                        while (Volatile.Read(ref rounds) == seen)
                        {
                            Thread.Yield();
                        }

                        seen = Volatile.Read(ref rounds);
                    }
                }

                Volatile.Write(ref done, 1);
            });
            producer.Start();

            uint last = 0;
            long read = 0;
            long cleared = 0;
            int round = 0;
            while (true)
            {
                bool finished = Volatile.Read(ref done) == 1;
                Volatile.Write(ref rounds, round + 1);
                EdgeRecord e = new EdgeRecord();
                if (ring.TryRead(e))
                {
                    Assert.IsTrue(e.Sequence > last, "sequence " + e.Sequence + " after " + last);
                    Assert.AreEqual(e.Sequence ^ 0x5A5A5A5Au, e.TimeMicros, "torn record " + e);
                    last = e.Sequence;
                    read++;
                }

                if ((++round & 3) == 0)
                {
                    cleared += ring.Clear();
                }

                if (finished)
                {
                    while (ring.TryRead(e))
                    {
                        read++;
                    }

                    break;
                }
            }

            producer.Join();
            Assert.IsTrue(cleared > 0, "the consumer cleared items while the producer ran");
            CheckAccounted(ring, N, read);
            long producerDrops = (long)ring.Dropped - cleared;
            Assert.IsTrue(producerDrops > 0, "the producer dropped items too (" + producerDrops + ")");
            Console.WriteLine(policy + ": read " + read + ", cleared " + cleared + ", producer drops " + producerDrops + " of " + N);
        }

        // After the producer joined: every offer written, every record the reader saw counted, the rest dropped.
        private static void CheckAccounted(EdgeRing ring, int offered, long read)
        {
            Assert.AreEqual(offered, ring.Written, "written counts every offer");
            Assert.AreEqual(read, (long)ring.ReadCount, "ReadCount matches what the reader saw");
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped, "dropped + read == written");
        }

        private static void Check(EdgeRecord e)
        {
            Assert.AreEqual(e.Sequence * 2654435761u, e.TimeMicros, "torn record " + e);
            Assert.AreEqual((int)(e.Sequence & 1023), e.Pin, "torn pin " + e);
            Assert.AreEqual((e.Sequence & 1) != 0, e.Level, "torn level " + e);
            Assert.AreEqual((e.Sequence & 4) != 0, e.StampIsLate, "torn flags " + e);
        }

        [TestMethod]
        [Timeout(60_000)]
        public void ByteStreamThroughBulkCallsIsExact()
        {
            const int Total = 10_000_000;
            ByteRing ring = new ByteRing(1000, OverflowPolicy.Reject);
            Thread producer = new Thread(() =>
            {
                byte[] chunk = new byte[97];
                int sent = 0;
                while (sent < Total)
                {
                    int n = Math.Min(chunk.Length, Total - sent);
                    for (int i = 0; i < n; i++)
                    {
                        chunk[i] = (byte)((sent + i) * 7);
                    }

                    int offset = 0;
                    while (offset < n)
                    {
                        int free = ring.Free;
                        int take = Math.Min(free, n - offset);
                        if (take == 0)
                        {
                            Thread.Yield();
                            continue;
                        }

                        Assert.AreEqual(take, ring.Write(chunk, offset, take), "space the producer saw is still free");
                        offset += take;
                    }

                    sent += n;
                }
            });
            producer.Start();

            byte[] buffer = new byte[61];
            int received = 0;
            while (received < Total)
            {
                int n = ring.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    int single = ring.ReadByte();
                    if (single < 0)
                    {
                        Thread.Yield();
                        continue;
                    }

                    Assert.AreEqual((byte)(received * 7), (byte)single, "byte " + received);
                    received++;
                    continue;
                }

                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] != (byte)((received + i) * 7))
                    {
                        Assert.Fail("byte " + (received + i) + " is " + buffer[i]);
                    }
                }

                received += n;
            }

            producer.Join();
            Assert.AreEqual(0, ring.Dropped, "nothing dropped");
            Assert.AreEqual(Total, ring.ReadCount, "read");
            Assert.AreEqual(Total, ring.Written, "written");
        }

        [TestMethod]
        [Timeout(60_000)]
        public void SharedRingWithThreeWritersKeepsEachWritersOrder()
        {
            const int PerWriter = 1_000_000;
            SharedEdgeRing ring = new SharedEdgeRing(128, OverflowPolicy.Reject);
            Thread[] writers = new Thread[3];
            for (int w = 0; w < writers.Length; w++)
            {
                int pin = w;
                writers[w] = new Thread(() =>
                {
                    for (uint seq = 1; seq <= PerWriter; seq++)
                    {
                        while (!ring.TryWrite(new EdgeRecord(pin, false, seq, seq, false)))
                        {
                            Thread.Yield();
                        }
                    }
                });
                writers[w].Start();
            }

            uint[] last = new uint[writers.Length];
            int total = 0;
            while (total < PerWriter * writers.Length)
            {
                EdgeRecord e = new EdgeRecord();
                if (!ring.TryRead(e))
                {
                    Thread.Yield();
                    continue;
                }

                Assert.AreEqual(last[e.Pin] + 1, e.Sequence, "writer " + e.Pin + " in order, none lost");
                last[e.Pin] = e.Sequence;
                total++;
            }

            foreach (Thread t in writers)
            {
                t.Join();
            }

            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped, "balance");
        }
    }
}
