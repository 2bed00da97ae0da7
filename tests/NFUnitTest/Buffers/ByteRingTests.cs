using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Buffers
{
    [TestClass]
    public class ByteRingTests
    {
        private static byte[] Bytes(int first, int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++)
            {
                b[i] = (byte)(first + i);
            }

            return b;
        }

        private static void ExpectContent(ByteRing ring, byte[] expected)
        {
            byte[] got = new byte[expected.Length + 4];
            int n = ring.Read(got, 0, got.Length);
            Assert.AreEqual(expected.Length, n, "bytes read");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], got[i], "byte " + i.ToString());
            }
        }

        private static void CheckBalance(ByteRing ring)
        {
            Assert.AreEqual(ring.Written, ring.ReadCount + ring.Dropped + ring.Count, "Written == ReadCount + Dropped + Count");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-5)]
        [DataRow(16777217)]
        public void CapacityOutOfRangeIsRefused(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ByteRing(capacity, OverflowPolicy.DropOldest), "capacity " + capacity.ToString());
        }

        [TestMethod]
        public void SingleBytesInOrder()
        {
            ByteRing ring = new ByteRing(4, OverflowPolicy.Reject);
            Assert.IsTrue(ring.TryWrite(0x00), "write 0");
            Assert.IsTrue(ring.TryWrite(0xFF), "write 255");
            byte b;
            Assert.IsTrue(ring.TryPeek(out b), "peek");
            Assert.AreEqual((byte)0x00, b, "peek sees the oldest");
            Assert.AreEqual(0, ring.ReadByte(), "first");
            Assert.AreEqual(255, ring.ReadByte(), "second");
            Assert.AreEqual(-1, ring.ReadByte(), "empty reads -1");
            Assert.IsFalse(ring.TryRead(out b), "empty");
        }

        [TestMethod]
        public void BulkWriteUnderRejectTakesWhatFits()
        {
            ByteRing ring = new ByteRing(5, OverflowPolicy.Reject);
            Assert.AreEqual(3, ring.Write(Bytes(1, 3), 0, 3), "all fit");
            Assert.AreEqual(2, ring.Write(Bytes(10, 4), 0, 4), "two of four fit");
            Assert.AreEqual(2, ring.Dropped, "the other two counted");
            Assert.AreEqual(7, ring.Written, "all offered bytes counted");
            Assert.AreEqual(0, ring.Free, "full");
            CheckBalance(ring);
            ExpectContent(ring, new byte[] { 1, 2, 3, 10, 11 });
        }

        [TestMethod]
        public void BulkWriteUnderDropOldestKeepsTheNewest()
        {
            ByteRing ring = new ByteRing(4, OverflowPolicy.DropOldest);
            Assert.AreEqual(3, ring.Write(Bytes(1, 3), 0, 3), "first burst");
            Assert.AreEqual(6, ring.Write(Bytes(10, 6), 0, 6), "second burst all taken");
            Assert.AreEqual(5, ring.Dropped, "nine offered; four kept");
            CheckBalance(ring);
            ExpectContent(ring, new byte[] { 12, 13, 14, 15 });
        }

        [TestMethod]
        public void BulkWriteUnderOverwriteKeepsTheOldestAndTheLast()
        {
            ByteRing ring = new ByteRing(4, OverflowPolicy.Overwrite);
            Assert.AreEqual(7, ring.Write(Bytes(1, 7), 0, 7), "all taken");
            Assert.AreEqual(3, ring.Dropped, "4; 5; 6 replaced");
            CheckBalance(ring);
            ExpectContent(ring, new byte[] { 1, 2, 3, 7 });
        }

        [TestMethod]
        public void BulkCallsHonourOffsetAndCountAcrossTheArrayWrap()
        {
            ByteRing ring = new ByteRing(5, OverflowPolicy.Reject);
            byte[] source = Bytes(0, 10);
            ring.Write(source, 0, 3);
            byte[] sink = new byte[10];
            Assert.AreEqual(3, ring.Read(sink, 0, 3), "drain");
            Assert.AreEqual(5, ring.Write(source, 4, 5), "wraps the array end");
            byte[] peek = new byte[8];
            Assert.AreEqual(5, ring.Peek(peek, 2, 6), "peek up to what is stored");
            Assert.AreEqual((byte)4, peek[2], "peek first");
            Assert.AreEqual((byte)8, peek[6], "peek last");
            Assert.AreEqual(5, ring.Count, "peek took nothing");
            Assert.AreEqual(2, ring.Read(sink, 7, 2), "partial read at an offset");
            Assert.AreEqual((byte)4, sink[7], "read first");
            Assert.AreEqual((byte)5, sink[8], "read second");
            Assert.AreEqual(3, ring.Read(sink, 0, 10), "the rest");
            Assert.AreEqual((byte)6, sink[0], "order kept");
            Assert.AreEqual((byte)8, sink[2], "order kept to the end");
            Assert.AreEqual(0, ring.Read(sink, 0, 10), "empty");
        }

        [TestMethod]
        public void BadBulkArgumentsChangeNothing()
        {
            ByteRing ring = new ByteRing(4, OverflowPolicy.Reject);
            ring.Write(Bytes(1, 2), 0, 2);
            byte[] buffer = new byte[3];
            Assert.ThrowsException(typeof(ArgumentNullException), () => ring.Write(null, 0, 1), "null write buffer");
            Assert.ThrowsException(typeof(ArgumentNullException), () => ring.Read(null, 0, 1), "null read buffer");
            Assert.ThrowsException(typeof(ArgumentNullException), () => ring.Peek(null, 0, 1), "null peek buffer");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Write(buffer, -1, 1), "negative offset");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Write(buffer, 4, 0), "offset past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Write(buffer, 1, 3), "count past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Read(buffer, 0, -1), "negative count");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Peek(buffer, 2, 2), "peek count past the end");
            Assert.AreEqual(2, ring.Count, "stored bytes untouched");
            Assert.AreEqual(2, ring.Written, "nothing counted as written");
            Assert.AreEqual(0, ring.Dropped, "nothing counted as dropped");
            ExpectContent(ring, new byte[] { 1, 2 });
        }

        [TestMethod]
        public void ClearAndHighWater()
        {
            ByteRing ring = new ByteRing(8, OverflowPolicy.Reject);
            ring.Write(Bytes(0, 6), 0, 6);
            ring.ReadByte();
            ring.Clear();
            Assert.AreEqual(0, ring.Count, "empty");
            Assert.AreEqual(5, ring.Dropped, "five cleared");
            Assert.AreEqual(6, ring.HighWater, "peak kept");
            CheckBalance(ring);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void PositionsWrapAtTheModulus(int policy)
        {
            ByteRing ring = new ByteRing(3, (OverflowPolicy)policy);
            ring.StartBelowWrap(1);
            byte[] sink = new byte[4];
            for (int round = 0; round < 4; round++)
            {
                Assert.AreEqual(2, ring.Write(Bytes(round * 2, 2), 0, 2), "write pair " + round.ToString());
                Assert.AreEqual(2, ring.Read(sink, 0, 4), "read pair " + round.ToString());
                Assert.AreEqual((byte)(round * 2), sink[0], "first of pair");
                Assert.AreEqual((byte)(round * 2 + 1), sink[1], "second of pair");
            }

            Assert.AreEqual(0, ring.Dropped, "nothing dropped");
            CheckBalance(ring);
        }
    }
}
