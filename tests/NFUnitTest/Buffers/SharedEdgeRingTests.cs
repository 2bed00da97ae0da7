using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Buffers
{
    [TestClass]
    public class SharedEdgeRingTests
    {
        [TestMethod]
        public void TwoWritersLoseNothingUnderReject()
        {
            SharedEdgeRing ring = new SharedEdgeRing(400, OverflowPolicy.Reject);
            Thread a = new Thread(() =>
            {
                for (uint i = 1; i <= 150; i++)
                {
                    ring.TryWrite(new EdgeRecord(1, true, i, i, false));
                }
            });
            Thread b = new Thread(() =>
            {
                for (uint i = 1; i <= 150; i++)
                {
                    ring.TryWrite(new EdgeRecord(2, false, i, i, false));
                }
            });
            a.Start();
            b.Start();
            a.Join();
            b.Join();
            uint lastA = 0;
            uint lastB = 0;
            EdgeRecord e = new EdgeRecord();
            while (ring.TryRead(e))
            {
                if (e.Pin == 1)
                {
                    Assert.AreEqual(lastA + 1, e.Sequence, "writer 1 in order; none lost");
                    lastA = e.Sequence;
                }
                else
                {
                    Assert.AreEqual(lastB + 1, e.Sequence, "writer 2 in order; none lost");
                    lastB = e.Sequence;
                }
            }

            Assert.AreEqual(150u, lastA, "all of writer 1");
            Assert.AreEqual(150u, lastB, "all of writer 2");
            Assert.AreEqual(300, ring.Written, "written");
            Assert.AreEqual(0, ring.Dropped, "dropped");
        }

        [TestMethod]
        public void SharedRingAppliesThePolicy()
        {
            SharedEdgeRing ring = new SharedEdgeRing(2, OverflowPolicy.DropOldest);
            for (uint i = 1; i <= 3; i++)
            {
                Assert.IsTrue(ring.TryWrite(new EdgeRecord(0, false, i, i, false)), "write");
            }

            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryPeek(e), "peek");
            Assert.AreEqual(2u, e.Sequence, "oldest dropped");
            Assert.AreEqual(1, ring.Dropped, "counted");
            Assert.AreEqual(2, ring.HighWater, "high water");
            ring.Clear();
            Assert.AreEqual(3, ring.Dropped, "clear counted");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SharedEdgeRing(0, OverflowPolicy.Reject), "capacity 0");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void EveryCounterAndCallReportsTheInnerRing(int p)
        {
            OverflowPolicy policy = (OverflowPolicy)p;
            SharedEdgeRing ring = new SharedEdgeRing(5, policy);
            Assert.AreEqual(5, ring.Capacity, "capacity");
            Assert.AreEqual(p, (int)ring.Policy, "policy");
            Assert.AreEqual(5, ring.Free, "free when empty");
            for (uint i = 1; i <= 7; i++)
            {
                Assert.AreEqual(p != 0 || i <= 5, ring.TryWrite(new EdgeRecord(3, true, i * 10, i, false)), "write " + i.ToString());
            }

            Assert.AreEqual(7, ring.Written, "written counts every offer");
            Assert.AreEqual(2, ring.Dropped, "two over capacity whatever the policy");
            Assert.AreEqual(5, ring.Count, "full");
            Assert.AreEqual(0, ring.Free, "no room");
            Assert.AreEqual(5, ring.HighWater, "high water");
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryPeek(e), "peek");
            uint first = p == 1 ? 3u : 1u;
            Assert.AreEqual(first, e.Sequence, "peek sees the oldest kept");
            Assert.IsTrue(ring.TryRead(e), "read");
            Assert.AreEqual(first, e.Sequence, "read takes it");
            EdgeRecord[] batch = new EdgeRecord[4];
            Assert.AreEqual(2, ring.Read(batch, 1, 2), "batch of two");
            Assert.AreEqual(first + 1, batch[1].Sequence, "batch in order");
            Assert.AreEqual(3, ring.ReadCount, "three read");
            Assert.AreEqual(2, ring.Count, "two left");
            Assert.AreEqual(3, ring.Free, "three free");
            Assert.AreEqual(2, ring.Clear(), "clear discards two");
            Assert.AreEqual(4, ring.Dropped, "cleared items count as dropped");
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped + ring.Count, "balance");
            Assert.IsFalse(ring.TryRead(e), "empty");
        }

        [TestMethod]
        public void WritersAreNotHeldOffByAUsersCriticalSection()
        {
            // The design choice in SharedEdgeRing's remarks: edges must queue while user code holds the critical
            // section, so writers may wait only for each other. A writer on another thread finishes while this
            // thread holds the section.
            CriticalSection cs = new CriticalSection(new FakeClock());
            SharedEdgeRing ring = new SharedEdgeRing(8, OverflowPolicy.Reject);
            int key = cs.Disable();
            Thread writer = new Thread(() =>
            {
                for (uint i = 1; i <= 3; i++)
                {
                    ring.TryWrite(new EdgeRecord(1, true, i, i, false));
                }
            });
            writer.Start();
            bool finished = writer.Join(5000);
            Assert.IsTrue(cs.IsHeldByCurrentThread, "still held while the writer ran");
            cs.Restore(key);
            Assert.IsTrue(finished, "the writer did not wait for the section");
            Assert.AreEqual(3, ring.Count, "three queued");
        }
    }
}
