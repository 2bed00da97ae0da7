using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Timers
{
    [TestClass]
    public class PeriodScheduleTests
    {
        [TestMethod]
        public void FirstPointIsOnePeriodAfterStart()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(500u, 1000, 1);
            Assert.AreEqual(1500u, schedule.DueMicros, "start + period");
        }

        [TestMethod]
        public void AdvanceOnTimeMovesOnePeriodAndSkipsNothing()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000, 1);
            Assert.AreEqual(0, schedule.Advance(1000u), "served on time");
            Assert.AreEqual(2000u, schedule.DueMicros, "next point");
            Assert.AreEqual(0, schedule.Advance(2999u), "999 µs late is less than a period");
            Assert.AreEqual(3000u, schedule.DueMicros, "phase kept; not 2999 + 1000");
        }

        [TestMethod]
        [DataRow(3000u, 1, 4000u)]
        [DataRow(3999u, 1, 4000u)]
        [DataRow(4000u, 2, 5000u)]
        [DataRow(11500u, 9, 12000u)]
        public void AdvanceLateSkipsThePointsThatPassed(uint servedAt, int skipped, uint nextDue)
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000, 1);
            schedule.Advance(1000u);
            // due 2000 now; served at servedAt
            Assert.AreEqual(skipped, schedule.Advance(servedAt), "points <= servedAt other than the served one");
            Assert.AreEqual(nextDue, schedule.DueMicros, "first point strictly after servedAt");
        }

        [TestMethod]
        public void FractionalPeriodFollowsFloorOfNTimesCycleOverPoints()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000000, 7);
            for (long n = 1; n <= 70; n++)
            {
                uint expected = (uint)(n * 1000000 / 7);
                Assert.AreEqual(expected, schedule.DueMicros, "point " + n.ToString());
                schedule.Advance(schedule.DueMicros);
            }
        }

        [TestMethod]
        public void FractionalScheduleSkipsExactlyThePassedPoints()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000000, 3); // 333333, 666666, 1000000, 1333333, ...
            Assert.AreEqual(2, schedule.Advance(1000000u), "serving point 1 at 1 s passes points 2 and 3");
            Assert.AreEqual(1333333u, schedule.DueMicros, "point 4");
        }

        [TestMethod]
        public void CycleIsReducedByTheCommonDivisor()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000000, 1000);
            Assert.AreEqual(1000, schedule.CycleMicros, "1e6 / 1000 reduces to 1000 / 1");
            Assert.AreEqual(1, schedule.PointsPerCycle, "one point per cycle");
        }

        [TestMethod]
        public void GridCrossesTheWrap()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            uint start = 0xFFFFFC18u; // 1000 µs before the wrap
            schedule.Start(start, 300, 1);
            uint[] expected = new uint[] { 0xFFFFFD44u, 0xFFFFFE70u, 0xFFFFFF9Cu, 200u, 500u };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], schedule.DueMicros, "point " + (i + 1).ToString());
                Assert.AreEqual(0, schedule.Advance(schedule.DueMicros), "on time");
            }
        }

        [TestMethod]
        public void BadArgumentsLeaveTheScheduleUnchanged()
        {
            PeriodSchedule schedule = new PeriodSchedule();
            schedule.Start(0u, 1000, 1);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => schedule.Start(0u, 0, 1), "zero cycle");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => schedule.Start(0u, -5, 1), "negative cycle");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => schedule.Start(0u, (1 << 30) + 1, 1), "cycle above 2^30");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => schedule.Start(0u, 10, 11), "period below 1 µs");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => schedule.Start(0u, 10, 0), "zero points");
            Assert.AreEqual(1000u, schedule.DueMicros, "unchanged");
        }
    }
}
