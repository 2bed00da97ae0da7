using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Buffers
{
    /// <summary>EdgeRing.Read (batch drain), storage rounding to a power of two, and Clear's count.</summary>
    [TestClass]
    public class EdgeRingBatchTests
    {
        private static EdgeRecord Edge(uint sequence)
        {
            return new EdgeRecord((int)sequence - 3, (sequence & 1) != 0, sequence * 100, sequence, (sequence & 2) != 0);
        }

        private static void Fill(EdgeRing ring, uint first, int count)
        {
            for (int i = 0; i < count; i++)
            {
                ring.TryWrite(Edge(first + (uint)i));
            }
        }

        private static void CheckRecord(uint sequence, EdgeRecord e, string what)
        {
            Assert.AreEqual(sequence, e.Sequence, what + ": sequence");
            Assert.AreEqual((int)sequence - 3, e.Pin, what + ": pin");
            Assert.AreEqual((sequence & 1) != 0, e.Level, what + ": level");
            Assert.AreEqual(sequence * 100, e.TimeMicros, what + ": time");
            Assert.AreEqual((sequence & 2) != 0, e.StampIsLate, what + ": late stamp");
        }

        [TestMethod]
        public void ReadDrainsInOrderUpToCountAndLeavesTheRest()
        {
            EdgeRing ring = new EdgeRing(6, OverflowPolicy.Reject);
            Fill(ring, 1, 5);
            EdgeRecord[] buffer = new EdgeRecord[8];
            buffer[0] = Edge(99);
            buffer[4] = Edge(98);
            Assert.AreEqual(3, ring.Read(buffer, 1, 3), "three asked; three taken");
            CheckRecord(99, buffer[0], "element before the offset untouched");
            CheckRecord(1, buffer[1], "first");
            CheckRecord(2, buffer[2], "second");
            CheckRecord(3, buffer[3], "third");
            CheckRecord(98, buffer[4], "element past the count untouched");
            Assert.AreEqual(2, ring.Count, "two left");
            Assert.AreEqual(3, ring.ReadCount, "read count");
            Assert.AreEqual(2, ring.Read(buffer, 0, 8), "only two available");
            CheckRecord(4, buffer[0], "fourth");
            CheckRecord(5, buffer[1], "fifth");
            Assert.AreEqual(0, ring.Read(buffer, 0, 8), "empty: nothing");
            Assert.AreEqual(0, ring.Read(buffer, 8, 0), "count 0 at the end of the buffer is allowed");
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped + ring.Count, "balance");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void ReadAcrossTheArrayEndAndThePositionWrap(int policy)
        {
            EdgeRing ring = new EdgeRing(5, (OverflowPolicy)policy);
            ring.StartBelowWrap(3);
            Fill(ring, 1, 4);
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(e), "one single read first");
            Fill(ring, 5, 3);
            EdgeRecord[] buffer = new EdgeRecord[10];
            int n = ring.Read(buffer, 0, 10);

            // Seven offered to five slots, one read before the ring filled: Reject refuses 7, DropOldest
            // discards 2, Overwrite replaces 6 with 7.
            uint[] expected = policy == 0 ? new uint[] { 2, 3, 4, 5, 6 }
                : policy == 1 ? new uint[] { 3, 4, 5, 6, 7 }
                : new uint[] { 2, 3, 4, 5, 7 };
            Assert.AreEqual(expected.Length, n, "everything stored is taken");
            for (int i = 0; i < n; i++)
            {
                CheckRecord(expected[i], buffer[i], "item " + i.ToString());
            }

            Assert.AreEqual(7, ring.Written, "written");
            Assert.AreEqual(6, ring.ReadCount, "read count");
            Assert.AreEqual(1, ring.Dropped, "dropped");
            Assert.AreEqual(0, ring.Count, "empty");
        }

        [TestMethod]
        public void ReadRefusesBadArgumentsAndChangesNothing()
        {
            EdgeRing ring = new EdgeRing(4, OverflowPolicy.Reject);
            Fill(ring, 1, 3);
            EdgeRecord[] buffer = new EdgeRecord[4];
            Assert.ThrowsException(typeof(ArgumentNullException), () => ring.Read(null, 0, 1), "null buffer");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Read(buffer, -1, 1), "negative offset");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Read(buffer, 5, 0), "offset past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Read(buffer, 0, -1), "negative count");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Read(buffer, 2, 3), "count past the end");
            Assert.AreEqual(3, ring.Count, "nothing taken");
            Assert.AreEqual(0, ring.ReadCount, "nothing counted");
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(e), "still readable");
            CheckRecord(1, e, "oldest still first");
        }

        [TestMethod]
        [DataRow(1, 1)]
        [DataRow(3, 4)]
        [DataRow(1000, 1024)]
        [DataRow(1024, 1024)]
        [DataRow(1025, 2048)]
        public void StorageIsTheCapacityRoundedUpToAPowerOfTwo(int capacity, int storage)
        {
            Assert.AreEqual(storage, new EdgeRing(capacity, OverflowPolicy.Reject).StorageSlots, "edge ring");
            Assert.AreEqual(storage, new ByteRing(capacity, OverflowPolicy.Reject).StorageSlots, "byte ring");
        }

        [TestMethod]
        public void CapacityStaysExactWhenStorageIsLarger()
        {
            EdgeRing ring = new EdgeRing(5, OverflowPolicy.Reject);
            Fill(ring, 1, 5);
            Assert.IsFalse(ring.TryWrite(Edge(6)), "the sixth is refused although eight slots exist");
            Assert.AreEqual(5, ring.Count, "count");
            Assert.AreEqual(5, ring.HighWater, "high water");
            Assert.AreEqual(0, ring.Free, "free");

            ByteRing bytes = new ByteRing(5, OverflowPolicy.Reject);
            Assert.AreEqual(5, bytes.Write(new byte[8], 0, 8), "bulk write stores five of eight");
            Assert.AreEqual(3, bytes.Dropped, "three refused");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void ClearReturnsHowManyItDiscarded(int policy)
        {
            EdgeRing ring = new EdgeRing(4, (OverflowPolicy)policy);
            Fill(ring, 1, 3);
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(e), "read one");
            Assert.AreEqual(2, ring.Clear(), "two discarded");
            Assert.AreEqual(0, ring.Clear(), "nothing left to discard");
            Assert.AreEqual(2, ring.Dropped, "counted as dropped");
            Assert.AreEqual(1, ring.ReadCount, "the read stays counted");
            Assert.AreEqual(3, ring.Written, "written");
            Fill(ring, 4, 2);
            Assert.IsTrue(ring.TryRead(e), "readable after clear");
            CheckRecord(4, e, "first after clear");
        }
    }
}
