using System;
using System.Threading;
using nanoFramework.TestFramework;
using NanoIrq;

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
            EdgeRecord e;
            while (ring.TryRead(out e))
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

            EdgeRecord e;
            Assert.IsTrue(ring.TryPeek(out e), "peek");
            Assert.AreEqual(2u, e.Sequence, "oldest dropped");
            Assert.AreEqual(1, ring.Dropped, "counted");
            Assert.AreEqual(2, ring.HighWater, "high water");
            ring.Clear();
            Assert.AreEqual(3, ring.Dropped, "clear counted");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SharedEdgeRing(0, OverflowPolicy.Reject), "capacity 0");
        }
    }
}
