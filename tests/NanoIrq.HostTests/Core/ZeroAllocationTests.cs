using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Core
{
    /// <summary>
    /// After construction the hot paths allocate nothing: 100,000 operations, measured with
    /// GC.GetAllocatedBytesForCurrentThread, after a warm-up so that JIT tiering is not counted.
    /// </summary>
    [TestClass]
    public class ZeroAllocationTests
    {
        private const int Operations = 100_000;

        private static long Measure(Action<int> body)
        {
            for (int i = 0; i < 2000; i++)
            {
                body(i);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Operations; i++)
            {
                body(i);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [TestMethod]
        [DataRow(OverflowPolicy.Reject)]
        [DataRow(OverflowPolicy.DropOldest)]
        [DataRow(OverflowPolicy.Overwrite)]
        public void EdgeRingWriteReadPeekAllocateNothing(OverflowPolicy policy)
        {
            EdgeRing ring = new EdgeRing(8, policy);
            EdgeRecord[] batch = { new EdgeRecord(), new EdgeRecord(), new EdgeRecord(), new EdgeRecord() };
            EdgeRecord e = new EdgeRecord();
            EdgeRecord source = new EdgeRecord();
            long bytes = Measure(i =>
            {
                ring.TryWrite(source.Set(i & 7, (i & 1) != 0, (uint)i, (uint)i, false));
                ring.TryWrite(i & 7, (i & 1) != 0, (uint)i, (uint)i, false);
                ring.TryWrite(i & 7, (i & 1) != 0, (uint)i, (uint)i, false);
                ring.TryPeek(e);
                ring.TryRead(e);
                ring.Read(batch, 0, 1);
                if ((i & 1023) == 0)
                {
                    ring.Clear();
                }
            });
            Assert.AreEqual(0L, bytes, "bytes allocated by 100,000 iterations");
            Assert.IsTrue(ring.Dropped > 0, "the overflow path was exercised too");
        }

        [TestMethod]
        public void SharedEdgeRingAllocatesNothing()
        {
            SharedEdgeRing ring = new SharedEdgeRing(4, OverflowPolicy.DropOldest);
            EdgeRecord source = new EdgeRecord();
            EdgeRecord e = new EdgeRecord();
            long bytes = Measure(i =>
            {
                ring.TryWrite(source.Set(1, true, (uint)i, (uint)i, false));
                ring.TryRead(e);
            });
            Assert.AreEqual(0L, bytes, "bytes allocated");
        }

        [TestMethod]
        [DataRow(OverflowPolicy.Reject)]
        [DataRow(OverflowPolicy.DropOldest)]
        [DataRow(OverflowPolicy.Overwrite)]
        public void ByteRingSingleAndBulkAllocateNothing(OverflowPolicy policy)
        {
            ByteRing ring = new ByteRing(64, policy);
            byte[] source = new byte[40];
            byte[] sink = new byte[30];
            long bytes = Measure(i =>
            {
                ring.TryWrite((byte)i);
                ring.Write(source, 3, 37);
                ring.Peek(sink, 0, 10);
                ring.Read(sink, 0, 30);
                ring.ReadByte();
            });
            Assert.AreEqual(0L, bytes, "bytes allocated");
        }

        [TestMethod]
        public void CriticalSectionAllocatesNothing()
        {
            CriticalSection cs = new CriticalSection(new FakeClock());
            int releases = 0;
            cs.Released = () => releases++;
            long bytes = Measure(i =>
            {
                using (cs.Enter())
                {
                    int key = cs.Disable();
                    cs.NoteEdgeWaiting();
                    cs.Restore(key);
                }

                if (cs.TryEnterDispatch())
                {
                    cs.ExitDispatch();
                }
            });
            Assert.AreEqual(0L, bytes, "bytes allocated");
            Assert.AreEqual(Operations + 2000, releases, "Released ran once per outermost restore");
        }

        [TestMethod]
        public void HandlerMutexAllocatesNothing()
        {
            HandlerMutex mutex = new HandlerMutex();
            long bytes = Measure(i =>
            {
                using (mutex.Lock())
                {
                    mutex.TryEnter();
                }

                if (mutex.TryEnter())
                {
                    mutex.Exit();
                }
            });
            Assert.AreEqual(0L, bytes, "bytes allocated");
            Assert.AreEqual(Operations + 2000, mutex.Contended, "the contended path ran every iteration");
        }

        [TestMethod]
        public void SchedulerAndFaultLogAllocateNothing()
        {
            Scheduler scheduler = new Scheduler(16, new FakeClock());
            FaultLog log = new FaultLog(4);
            Exception error = new InvalidOperationException("preallocated");
            int sum = 0;
            object arg = new object();
            ScheduledCallback callback = a => sum++;
            long bytes = Measure(i =>
            {
                scheduler.Schedule(callback, arg);
                scheduler.Schedule(callback, null);
                scheduler.RunPending();
                log.Record(scheduler, error, (uint)i);
                Fault f;
                log.TryRead(out f);
            });
            Assert.AreEqual(0L, bytes, "bytes allocated");
            Assert.AreEqual(2 * (Operations + 2000), sum, "every callback ran");
        }
    }
}
