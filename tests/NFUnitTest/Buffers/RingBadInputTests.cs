using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Buffers
{
    /// <summary>
    /// Every refusal of every ring, under every policy: the exception is of the ArgumentException family, names
    /// the parameter, states the allowed range, and leaves what is stored and counted exactly as it was (a ring
    /// filled to capacity first, so that a write that slipped past validation would show as a drop).
    /// </summary>
    [TestClass]
    public class RingBadInputTests
    {
        // range null: the parameter is a reference that must not be null (ArgumentNullException).
        private static void ExpectRefused(Action action, string param, string range, string what)
        {
            ArgumentException e = Refusal.Of(action);
            Assert.IsNotNull(e, what + ": must throw an ArgumentException");
            Assert.AreEqual(param, e.ParamName, what + ": names the parameter");
            if (range == null)
            {
                Assert.IsInstanceOfType(e, typeof(ArgumentNullException), what + ": a null is an ArgumentNullException");
            }
            else
            {
                Assert.IsInstanceOfType(e, typeof(ArgumentOutOfRangeException), what + ": an ArgumentOutOfRangeException");
                Assert.Contains(range, e.Message, what + ": states the allowed range");
            }
        }

        private static string State(SpscRing ring)
        {
            return ring.Count.ToString() + "/" + ring.Free.ToString() + "/" + ring.Written.ToString() + "/" + ring.ReadCount.ToString()
                + "/" + ring.Dropped.ToString() + "/" + ring.HighWater.ToString();
        }

        private static EdgeRecord Edge(uint sequence)
        {
            return new EdgeRecord((int)sequence, (sequence & 1) != 0, sequence * 10, sequence, false);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(16777217)]
        [DataRow(int.MinValue)]
        [DataRow(int.MaxValue)]
        public void CapacityRefusalNamesCapacityAndItsRange(int capacity)
        {
            for (int p = 0; p < 3; p++)
            {
                OverflowPolicy policy = (OverflowPolicy)p;
                // Under Overwrite the lower bound is 2, and the message says so.
                string range = p == 2 ? "[2, 16777216]" : "[1, 16777216]";
                ExpectRefused(() => new ByteRing(capacity, policy), "capacity", range, "ByteRing " + capacity.ToString());
                ExpectRefused(() => new EdgeRing(capacity, policy), "capacity", range, "EdgeRing " + capacity.ToString());
                ExpectRefused(() => new SharedEdgeRing(capacity, policy), "capacity", range, "SharedEdgeRing " + capacity.ToString());
            }
        }

        [TestMethod]
        public void OverwriteWithOneSlotStatesItsOwnRange()
        {
            ExpectRefused(() => new ByteRing(1, OverflowPolicy.Overwrite), "capacity", "[2, 16777216]", "ByteRing");
            ExpectRefused(() => new EdgeRing(1, OverflowPolicy.Overwrite), "capacity", "[2, 16777216]", "EdgeRing");
            ExpectRefused(() => new SharedEdgeRing(1, OverflowPolicy.Overwrite), "capacity", "[2, 16777216]", "SharedEdgeRing");
#if NANOIRQ_HOST
            // Host only: nanoCLR caps one array at 65,535 heap blocks of 12 bytes (about 786 KB; CLR_RT_HeapBlock::HB_MaxSize),
            // so a 16 MB ring cannot be built there (OutOfMemoryException), whatever the heap size.
            Assert.AreEqual(16777216, new ByteRing(SpscRing.MaxCapacity, OverflowPolicy.Reject).Capacity, "the maximum itself is accepted");
#endif
        }

        [TestMethod]
        [DataRow(3)]
        [DataRow(-1)]
        public void UnknownPolicyNamesPolicyAndTheChoices(int policy)
        {
            string choices = "Reject, DropOldest or Overwrite";
            ExpectRefused(() => new ByteRing(4, (OverflowPolicy)policy), "policy", choices, "ByteRing");
            ExpectRefused(() => new EdgeRing(4, (OverflowPolicy)policy), "policy", choices, "EdgeRing");
            ExpectRefused(() => new SharedEdgeRing(4, (OverflowPolicy)policy), "policy", choices, "SharedEdgeRing");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void ByteRingBulkRefusalsChangeNothing(int p)
        {
            ByteRing ring = new ByteRing(4, (OverflowPolicy)p);
            ring.Write(new byte[] { 1, 2, 3, 4, 5 }, 0, 5);
            ring.ReadByte();
            ring.TryWrite(6);
            string before = State(ring);
            byte[] five = new byte[] { 90, 91, 92, 93, 94 };
            for (int op = 0; op < 3; op++)
            {
                string name = op == 0 ? "Write" : op == 1 ? "Read" : "Peek";
                int call = op;
                ExpectRefused(() => Bulk(ring, call, null, 0, 1), "buffer", null, name + " null buffer");
                ExpectRefused(() => Bulk(ring, call, null, 0, 0), "buffer", null, name + " null buffer and count 0");
                ExpectRefused(() => Bulk(ring, call, five, -1, 1), "offset", "[0, 5]", name + " offset -1");
                ExpectRefused(() => Bulk(ring, call, five, 6, 0), "offset", "[0, 5]", name + " offset past the end");
                ExpectRefused(() => Bulk(ring, call, five, int.MinValue, 0), "offset", "[0, 5]", name + " offset int.MinValue");
                ExpectRefused(() => Bulk(ring, call, five, 0, -1), "count", "[0, 5]", name + " count -1");
                ExpectRefused(() => Bulk(ring, call, five, 2, 4), "count", "[0, 3]", name + " count past the end");
                ExpectRefused(() => Bulk(ring, call, five, 5, 1), "count", "[0, 0]", name + " count from the end");
                ExpectRefused(() => Bulk(ring, call, five, 1, int.MaxValue), "count", "[0, 4]", name + " count int.MaxValue");
                Assert.AreEqual(before, State(ring), name + ": count/free/written/read/dropped/high water unchanged");
            }

            byte[] got = new byte[5];
            Assert.AreEqual(4, ring.Read(got, 0, 5), "four stored");
            byte[] expected = p == 0 ? new byte[] { 2, 3, 4, 6 } : p == 1 ? new byte[] { 3, 4, 5, 6 } : new byte[] { 2, 3, 5, 6 };
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(expected[i], got[i], "stored byte " + i.ToString() + " unchanged");
            }

            Assert.AreEqual((byte)90, five[0], "the caller's buffer was not written either");
        }

        private static int Bulk(ByteRing ring, int op, byte[] buffer, int offset, int count)
        {
            return op == 0 ? ring.Write(buffer, offset, count) : op == 1 ? ring.Read(buffer, offset, count) : ring.Peek(buffer, offset, count);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void EdgeRingAndSharedEdgeRingBatchReadRefusalsChangeNothing(int p)
        {
            EdgeRing ring = new EdgeRing(3, (OverflowPolicy)p);
            SharedEdgeRing shared = new SharedEdgeRing(3, (OverflowPolicy)p);
            for (uint s = 1; s <= 4; s++)
            {
                ring.TryWrite(Edge(s));
                shared.TryWrite(Edge(s));
            }

            string before = State(ring);
            string sharedBefore = shared.Count.ToString() + "/" + shared.Free.ToString() + "/" + shared.Written.ToString() + "/"
                + shared.ReadCount.ToString() + "/" + shared.Dropped.ToString() + "/" + shared.HighWater.ToString();
            EdgeRecord[] four = new EdgeRecord[4];
            four[0] = Edge(77);
            ExpectRefused(() => ring.Read(null, 0, 1), "buffer", null, "null buffer");
            ExpectRefused(() => ring.Read(four, -1, 1), "offset", "[0, 4]", "offset -1");
            ExpectRefused(() => ring.Read(four, 5, 0), "offset", "[0, 4]", "offset past the end");
            ExpectRefused(() => ring.Read(four, 0, -1), "count", "[0, 4]", "count -1");
            ExpectRefused(() => ring.Read(four, 3, 2), "count", "[0, 1]", "count past the end");
            ExpectRefused(() => ring.Read(four, 0, int.MaxValue), "count", "[0, 4]", "count int.MaxValue");
            ExpectRefused(() => shared.Read(null, 0, 1), "buffer", null, "shared: null buffer");
            ExpectRefused(() => shared.Read(four, -1, 1), "offset", "[0, 4]", "shared: offset -1");
            ExpectRefused(() => shared.Read(four, 0, 5), "count", "[0, 4]", "shared: count past the end");
            Assert.AreEqual(before, State(ring), "count/free/written/read/dropped/high water unchanged");
            Assert.AreEqual(sharedBefore, shared.Count.ToString() + "/" + shared.Free.ToString() + "/" + shared.Written.ToString() + "/"
                + shared.ReadCount.ToString() + "/" + shared.Dropped.ToString() + "/" + shared.HighWater.ToString(), "shared: counters unchanged");
            Assert.AreEqual(77u, four[0].Sequence, "the caller's buffer was not written");

            uint[] expected = p == 0 ? new uint[] { 1, 2, 3 } : p == 1 ? new uint[] { 2, 3, 4 } : new uint[] { 1, 2, 4 };
            Assert.AreEqual(3, ring.Read(four, 0, 4), "three stored");
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(expected[i], four[i].Sequence, "item " + i.ToString() + " unchanged");
            }

            Assert.AreEqual(3, shared.Read(four, 1, 3), "three stored in the shared ring");
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(expected[i], four[i + 1].Sequence, "shared item " + i.ToString() + " unchanged");
            }
        }
    }
}
