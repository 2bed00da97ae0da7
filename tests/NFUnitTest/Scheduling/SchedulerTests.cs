using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Scheduling
{
    [TestClass]
    public class SchedulerTests
    {
        private static int s_sum;
        private static string s_order;

        private static void Add(object arg)
        {
            s_sum += (int)arg;
        }

        private static void Append(object arg)
        {
            s_order += (string)arg;
        }

        private static void Fail(object arg)
        {
            throw new InvalidOperationException("callback failed: " + (string)arg);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-3)]
        [DataRow(65537)]
        public void CapacityOutOfRangeIsRefused(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Scheduler(capacity, new FakeClock()), "capacity " + capacity.ToString());
        }

        [TestMethod]
        public void NullArgumentsAreRefused()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Scheduler(4, null), "null clock");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Scheduler(4, new FakeClock(), null), "null fault log");
            Scheduler s = new Scheduler(4, new FakeClock());
            Assert.ThrowsException(typeof(ArgumentNullException), () => s.Schedule(null, 1), "null callback");
            Assert.AreEqual(0, s.Pending, "none pending");
            Assert.AreEqual(0, s.Scheduled, "none scheduled");
        }

        [TestMethod]
        public void RunsInOrderWithTheirArguments()
        {
            s_order = "";
            Scheduler s = new Scheduler(4, new FakeClock());
            ScheduledCallback append = Append;
            Assert.IsTrue(s.Schedule(append, "a"), "a");
            Assert.IsTrue(s.Schedule(append, "b"), "b");
            Assert.IsTrue(s.Schedule(append, "c"), "c");
            Assert.AreEqual(3, s.Pending, "pending");
            Assert.AreEqual(3, s.RunPending(), "ran three");
            Assert.AreEqual("abc", s_order, "oldest first");
            Assert.AreEqual(0, s.RunPending(), "nothing left");
            Assert.AreEqual(3, s.Ran, "ran counter");
        }

        [TestMethod]
        public void FullQueueRejectsAndCounts()
        {
            s_sum = 0;
            Scheduler s = new Scheduler(2, new FakeClock());
            ScheduledCallback add = Add;
            Assert.IsTrue(s.Schedule(add, 1), "first");
            Assert.IsTrue(s.Schedule(add, 2), "second");
            Assert.IsFalse(s.Schedule(add, 100), "full");
            Assert.AreEqual(1, s.Rejected, "rejected");
            Assert.AreEqual(2, s.Scheduled, "scheduled");
            Assert.AreEqual(2, s.HighWater, "high water");
            s.RunPending();
            Assert.AreEqual(3, s_sum, "rejected not run");
        }

        [TestMethod]
        public void ThrowWhenFullThrowsAndStillCounts()
        {
            Scheduler s = new Scheduler(1, new FakeClock());
            s.ThrowWhenFull = true;
            ScheduledCallback add = Add;
            s.Schedule(add, 1);
            Assert.ThrowsException(typeof(InvalidOperationException), () => s.Schedule(add, 2), "full throws");
            Assert.AreEqual(1, s.Rejected, "counted");
            Assert.AreEqual(1, s.Pending, "pending unchanged");
        }

        [TestMethod]
        public void ThrowingCallbackIsRecordedAndTheDrainContinues()
        {
            s_order = "";
            FakeClock clock = new FakeClock(1234);
            FaultLog log = new FaultLog(4);
            Scheduler s = new Scheduler(4, clock, log);
            ScheduledCallback append = Append;
            ScheduledCallback fail = Fail;
            s.Schedule(append, "x");
            s.Schedule(fail, "boom");
            s.Schedule(append, "y");
            Assert.AreEqual(3, s.RunPending(), "all three ran");
            Assert.AreEqual("xy", s_order, "ran after failure");
            Assert.AreSame(log, s.Faults, "given log");
            Assert.AreEqual(1, log.Count, "one fault");
            Fault f;
            Assert.IsTrue(log.TryRead(out f), "read fault");
            Assert.AreSame(fail, f.Source, "source");
            Assert.IsInstanceOfType(f.Error, typeof(InvalidOperationException), "exception kept");
            Assert.AreEqual(1234u, f.TimeMicros, "clock time");
        }

        [TestMethod]
        public void WorkScheduledDuringADrainWaitsForTheNextDrain()
        {
            Scheduler s = new Scheduler(4, new FakeClock());
            int runs = 0;
            ScheduledCallback again = null;
            again = arg =>
            {
                runs++;
                s.Schedule(again, null);
            };
            s.Schedule(again, null);
            Assert.AreEqual(1, s.RunPending(), "only pending");
            Assert.AreEqual(1, runs, "ran once");
            Assert.AreEqual(1, s.Pending, "rescheduled waits");
            Assert.AreEqual(1, s.RunPending(), "next drain");
            Assert.AreEqual(2, runs, "ran twice");
        }

        [TestMethod]
        public void QueueWrapsAroundItsArray()
        {
            s_sum = 0;
            Scheduler s = new Scheduler(3, new FakeClock());
            ScheduledCallback add = Add;
            int expected = 0;
            for (int round = 1; round <= 50; round++)
            {
                s.Schedule(add, round);
                s.Schedule(add, 1000);
                expected += round + 1000;
                Assert.AreEqual(2, s.RunPending(), "round " + round.ToString());
            }

            Assert.AreEqual(expected, s_sum, "all ran once");
            Assert.AreEqual(0, s.Rejected, "never full");
            Assert.AreEqual(2, s.HighWater, "two at most");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(65537)]
        [DataRow(int.MinValue)]
        [DataRow(int.MaxValue)]
        public void CapacityRefusalNamesCapacityAndItsRange(int capacity)
        {
            ArgumentException e = Refusal.Of(() => new Scheduler(capacity, new FakeClock()));
            Assert.IsNotNull(e, "refused");
            Assert.IsInstanceOfType(e, typeof(ArgumentOutOfRangeException), "out of range");
            Assert.AreEqual("capacity", e.ParamName, "names the parameter");
            Assert.Contains("[1, 65536]", e.Message, "states the range");
#if NANOIRQ_HOST
            // Host only: on nanoCLR an array of 65,536 references needs 65,536 heap blocks of 12 bytes plus its header,
            // over the 65,535-block limit of one object (CLR_RT_HeapBlock::HB_MaxSize): OutOfMemoryException there.
            Assert.AreEqual(65536, new Scheduler(Scheduler.MaxCapacity, new FakeClock()).Capacity, "the maximum itself is accepted");
#endif
            Assert.AreEqual(1, new Scheduler(1, new FakeClock()).Capacity, "min accepted");
        }

        [TestMethod]
        public void NullRefusalsNameTheParameterAndChangeNothing()
        {
            Assert.AreEqual("clock", Refusal.Of(() => new Scheduler(4, null)).ParamName, "clock");
            Assert.AreEqual("faults", Refusal.Of(() => new Scheduler(4, new FakeClock(), null)).ParamName, "faults");
            Scheduler s = new Scheduler(1, new FakeClock());
            s.ThrowWhenFull = true;
            ScheduledCallback add = Add;
            Assert.IsTrue(s.Schedule(add, 1), "fill");
            ArgumentException e = Refusal.Of(() => s.Schedule(null, 2));
            Assert.IsNotNull(e, "null refused");
            Assert.IsInstanceOfType(e, typeof(ArgumentNullException), "ArgumentNullException");
            Assert.AreEqual("callback", e.ParamName, "names the parameter");
            Assert.AreEqual(1, s.Pending, "pending unchanged");
            Assert.AreEqual(1, s.Scheduled, "scheduled unchanged");
            Assert.AreEqual(0, s.Rejected, "not rejected");
        }

        [TestMethod]
        public void ThrowingCallbacksBeyondTheFaultLogAreCountedNotLost()
        {
            s_order = "";
            FaultLog log = new FaultLog(2);
            Scheduler s = new Scheduler(8, new FakeClock(), log);
            ScheduledCallback fail = Fail;
            ScheduledCallback append = Append;
            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(s.Schedule(fail, i.ToString()), "schedule " + i.ToString());
            }

            s.Schedule(append, "z");
            Assert.AreEqual(6, s.RunPending(), "all ran");
            Assert.AreEqual(6, s.Ran, "Ran");
            Assert.AreEqual("z", s_order, "went on");
            Assert.AreEqual(5, log.Recorded, "five recorded");
            Assert.AreEqual(2, log.Count, "two stored");
            Assert.AreEqual(3, log.Lost, "three lost");
            Fault f;
            Assert.IsTrue(log.TryRead(out f), "first fault");
            Assert.Contains("callback failed: 0", f.Error.Message, "first kept");
            Assert.AreEqual(0, s.Pending, "queue empty");
        }

        [TestMethod]
        public void CountersAfterMixedTraffic()
        {
            Scheduler s = new Scheduler(3, new FakeClock());
            ScheduledCallback add = Add;
            Assert.AreEqual(3, s.Capacity, "capacity");
            Assert.IsFalse(s.ThrowWhenFull, "false by default");
            for (int i = 0; i < 5; i++)
            {
                s.Schedule(add, 0);
            }

            Assert.AreEqual(3, s.Pending, "three pending");
            Assert.AreEqual(3, s.Scheduled, "three accepted");
            Assert.AreEqual(2, s.Rejected, "two refused");
            Assert.AreEqual(3, s.HighWater, "high water");
            Assert.AreEqual(3, s.RunPending(), "ran three");
            Assert.AreEqual(3, s.Ran, "ran");
            Assert.AreEqual(0, s.Pending, "none pending");
            Assert.AreEqual(3, s.HighWater, "high water kept");
        }
    }
}
