using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Faults
{
    [TestClass]
    public class FaultLogTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(1025)]
        public void CapacityOutOfRangeIsRefused(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new FaultLog(capacity), "capacity " + capacity.ToString());
        }

        [TestMethod]
        public void KeepsTheFirstFaultsAndCountsTheRest()
        {
            FaultLog log = new FaultLog(2);
            Exception e1 = new Exception("one");
            Exception e2 = new Exception("two");
            Exception e3 = new Exception("three");
            log.Record("a", e1, 10);
            log.Record("b", e2, 20);
            log.Record("c", e3, 30);
            Assert.AreEqual(2, log.Count, "two stored");
            Assert.AreEqual(1, log.Lost, "one lost");
            Assert.AreEqual(3, log.Recorded, "three recorded");
            Fault f;
            Assert.IsTrue(log.TryRead(out f), "first");
            Assert.AreEqual("a", (string)f.Source, "oldest first");
            Assert.AreSame(e1, f.Error, "same exception object");
            Assert.AreEqual(10u, f.TimeMicros, "time");
            Assert.IsTrue(log.TryRead(out f), "second");
            Assert.AreSame(e2, f.Error, "second exception");
            Assert.IsFalse(log.TryRead(out f), "empty");
            Assert.IsNull(f.Error, "default fault");
        }

        [TestMethod]
        public void ReadingMakesRoomAndTheLogWraps()
        {
            FaultLog log = new FaultLog(2);
            Exception e = new Exception("x");
            Fault f;
            for (uint i = 0; i < 7; i++)
            {
                log.Record(null, e, i);
                Assert.IsTrue(log.TryRead(out f), "read " + i.ToString());
                Assert.AreEqual(i, f.TimeMicros, "the fault just recorded");
            }

            Assert.AreEqual(0, log.Lost, "never full");
        }

        [TestMethod]
        public void ClearEmptiesButKeepsTheCounters()
        {
            FaultLog log = new FaultLog(1);
            log.Record(null, new Exception("a"), 1);
            log.Record(null, new Exception("b"), 2);
            log.Clear();
            Assert.AreEqual(0, log.Count, "empty");
            Assert.AreEqual(1, log.Lost, "lost kept");
            log.Record(null, new Exception("c"), 3);
            Assert.AreEqual(1, log.Count, "room again");
        }

        [TestMethod]
        public void NullErrorIsRefused()
        {
            FaultLog log = new FaultLog(1);
            Assert.ThrowsException(typeof(ArgumentNullException), () => log.Record("s", null, 0), "null error");
            Assert.AreEqual(0, log.Count, "nothing stored");
            Assert.AreEqual(0, log.Recorded, "nothing counted");
        }
    }
}
