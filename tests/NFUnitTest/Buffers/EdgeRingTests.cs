using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Buffers
{
    [TestClass]
    public class EdgeRingTests
    {
        private static EdgeRecord Edge(uint sequence)
        {
            return new EdgeRecord(4, (sequence & 1) != 0, sequence * 100, sequence, (sequence & 2) != 0);
        }

        private static void Fill(EdgeRing ring, uint first, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Assert.IsTrue(ring.TryWrite(Edge(first + (uint)i)), "write " + i.ToString());
            }
        }

        private static void ExpectSequences(EdgeRing ring, uint[] expected)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                EdgeRecord e = new EdgeRecord();
                Assert.IsTrue(ring.TryRead(e), "read " + i.ToString());
                Assert.AreEqual(expected[i], e.Sequence, "item " + i.ToString());
            }

            EdgeRecord none = new EdgeRecord();
            Assert.IsFalse(ring.TryRead(none), "nothing after the expected items");
        }

        private static void CheckBalance(EdgeRing ring)
        {
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped + ring.Count, "Written == ReadCount + Dropped + Count");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(16777217)]
        public void CapacityOutOfRangeIsRefused(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EdgeRing(capacity, OverflowPolicy.Reject), "capacity " + capacity.ToString());
        }

        [TestMethod]
        public void OverwriteNeedsTwoSlotsAndUnknownPolicyIsRefused()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EdgeRing(1, OverflowPolicy.Overwrite), "Overwrite with one slot");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EdgeRing(4, (OverflowPolicy)7), "undefined policy");
            Assert.AreEqual(2, new EdgeRing(2, OverflowPolicy.Overwrite).Capacity, "two slots are enough");
        }

        [TestMethod]
        public void FieldsRoundTripInOrder()
        {
            EdgeRing ring = new EdgeRing(4, OverflowPolicy.Reject);
            Assert.IsTrue(ring.TryWrite(new EdgeRecord(13, true, 0xFFFFFFFFu, 1, false)), "first");
            Assert.IsTrue(ring.TryWrite(new EdgeRecord(-2, false, 7, 0xFFFFFFFFu, true)), "second");
            EdgeRecord a = new EdgeRecord();
            EdgeRecord b = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(a), "read first");
            Assert.IsTrue(ring.TryRead(b), "read second");
            Assert.AreEqual(13, a.Pin, "pin");
            Assert.IsTrue(a.Level, "level high");
            Assert.AreEqual(0xFFFFFFFFu, a.TimeMicros, "time");
            Assert.AreEqual(1u, a.Sequence, "sequence");
            Assert.IsFalse(a.StampIsLate, "stamp on time");
            Assert.AreEqual(-2, b.Pin, "pin 2");
            Assert.IsFalse(b.Level, "level low");
            Assert.AreEqual(7u, b.TimeMicros, "time 2");
            Assert.AreEqual(0xFFFFFFFFu, b.Sequence, "sequence 2");
            Assert.IsTrue(b.StampIsLate, "late stamp");
        }

        [TestMethod]
        public void EmptyRingReadsNothingAndCountsNothing()
        {
            EdgeRing ring = new EdgeRing(3, OverflowPolicy.DropOldest);
            EdgeRecord e = new EdgeRecord();
            Assert.IsFalse(ring.TryRead(e), "read");
            Assert.IsFalse(ring.TryPeek(e), "peek");
            Assert.AreEqual(0u, e.Sequence, "default record");
            Assert.AreEqual(0, ring.Count, "count");
            Assert.AreEqual(3, ring.Free, "free");
            Assert.AreEqual(0, ring.ReadCount, "read count");
            Assert.AreEqual(0, ring.Dropped, "dropped");
        }

        [TestMethod]
        public void RejectRefusesTheNewItemAndKeepsTheStoredOnes()
        {
            EdgeRing ring = new EdgeRing(3, OverflowPolicy.Reject);
            Fill(ring, 1, 3);
            Assert.IsFalse(ring.TryWrite(Edge(4)), "full ring refuses");
            Assert.IsFalse(ring.TryWrite(Edge(5)), "still refuses");
            Assert.AreEqual(2, ring.Dropped, "both refusals counted");
            Assert.AreEqual(5, ring.Written, "offered items counted");
            Assert.AreEqual(0, ring.Free, "free");
            CheckBalance(ring);
            ExpectSequences(ring, new uint[] { 1, 2, 3 });
            CheckBalance(ring);
        }

        [TestMethod]
        public void DropOldestDiscardsTheOldestUnread()
        {
            EdgeRing ring = new EdgeRing(3, OverflowPolicy.DropOldest);
            Fill(ring, 1, 5);
            Assert.AreEqual(2, ring.Dropped, "two oldest discarded");
            Assert.AreEqual(3, ring.Count, "still full");
            CheckBalance(ring);
            ExpectSequences(ring, new uint[] { 3, 4, 5 });
            CheckBalance(ring);
        }

        [TestMethod]
        public void OverwriteReplacesTheNewestAndKeepsTheOldest()
        {
            EdgeRing ring = new EdgeRing(3, OverflowPolicy.Overwrite);
            Fill(ring, 1, 6);
            Assert.AreEqual(3, ring.Dropped, "3; 4 and 5 replaced in turn");
            CheckBalance(ring);
            ExpectSequences(ring, new uint[] { 1, 2, 6 });
            CheckBalance(ring);
        }

        [TestMethod]
        public void OverwriteAfterAReadAppendsAgain()
        {
            EdgeRing ring = new EdgeRing(2, OverflowPolicy.Overwrite);
            Fill(ring, 1, 3);
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(e), "read");
            Assert.AreEqual(1u, e.Sequence, "oldest kept");
            Fill(ring, 4, 1);
            ExpectSequences(ring, new uint[] { 3, 4 });
            Assert.AreEqual(1, ring.Dropped, "only 2 was replaced");
        }

        [TestMethod]
        public void PeekDoesNotConsume()
        {
            EdgeRing ring = new EdgeRing(2, OverflowPolicy.Reject);
            Fill(ring, 9, 2);
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryPeek(e), "peek");
            Assert.AreEqual(9u, e.Sequence, "peek sees the oldest");
            Assert.IsTrue(ring.TryPeek(e), "peek again");
            Assert.AreEqual(9u, e.Sequence, "still the oldest");
            Assert.AreEqual(2, ring.Count, "nothing taken");
            Assert.AreEqual(0, ring.ReadCount, "not counted as read");
            ExpectSequences(ring, new uint[] { 9, 10 });
        }

        [TestMethod]
        public void CountersAndHighWater()
        {
            EdgeRing ring = new EdgeRing(8, OverflowPolicy.Reject);
            Fill(ring, 1, 5);
            EdgeRecord e = new EdgeRecord();
            ring.TryRead(e);
            ring.TryRead(e);
            Fill(ring, 6, 1);
            Assert.AreEqual(6, ring.Written, "written");
            Assert.AreEqual(2, ring.ReadCount, "read");
            Assert.AreEqual(4, ring.Count, "count");
            Assert.AreEqual(4, ring.Free, "free");
            Assert.AreEqual(5, ring.HighWater, "high water stays at the peak");
        }

        [TestMethod]
        public void ClearCountsWhatItDiscards()
        {
            EdgeRing ring = new EdgeRing(4, OverflowPolicy.Reject);
            Fill(ring, 1, 3);
            ring.Clear();
            Assert.AreEqual(0, ring.Count, "empty");
            Assert.AreEqual(3, ring.Dropped, "three discarded");
            CheckBalance(ring);
            Fill(ring, 10, 4);
            ExpectSequences(ring, new uint[] { 10, 11, 12, 13 });
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void SlotsWrapAroundManyTimes(int policy)
        {
            EdgeRing ring = new EdgeRing(3, (OverflowPolicy)policy);
            uint next = 1;
            uint expected = 1;
            for (int round = 0; round < 500; round++)
            {
                int burst = 1 + (round % 3);
                Fill(ring, next, burst);
                next += (uint)burst;
                for (int i = 0; i < burst; i++)
                {
                    EdgeRecord e = new EdgeRecord();
                    Assert.IsTrue(ring.TryRead(e), "read");
                    Assert.AreEqual(expected, e.Sequence, "order kept across the wrap");
                    expected++;
                }
            }

            Assert.AreEqual(0, ring.Dropped, "never full; never dropped");
            CheckBalance(ring);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void PositionsWrapAtTheModulus(int policy)
        {
            EdgeRing ring = new EdgeRing(5, (OverflowPolicy)policy);
            ring.StartBelowWrap(2);
            Fill(ring, 1, 4);
            Assert.AreEqual(4, ring.Count, "count across the position wrap");
            EdgeRecord e = new EdgeRecord();
            Assert.IsTrue(ring.TryRead(e), "read");
            Assert.AreEqual(1u, e.Sequence, "oldest first");
            Fill(ring, 5, 2);
            Assert.AreEqual(policy != 0, ring.TryWrite(Edge(7)), "the write past capacity fails only under Reject");
            Assert.AreEqual(5, ring.Count, "full");
            Assert.AreEqual(1, ring.Dropped, "one over capacity; whatever the policy");
            CheckBalance(ring);
            uint[] expected = policy == 0 ? new uint[] { 2, 3, 4, 5, 6 }
                : policy == 1 ? new uint[] { 3, 4, 5, 6, 7 }
                : new uint[] { 2, 3, 4, 5, 7 };
            ExpectSequences(ring, expected);
        }
    }
}
