using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Time
{
    [TestClass]
    public class TicksTests
    {
        [TestMethod]
        public void DiffIsPositiveAcrossTheWrap()
        {
            Assert.AreEqual(16, Ticks.Diff(6u, 0xFFFFFFF6u), "10 µs before the wrap to 6 µs after it is 16 µs");
        }

        [TestMethod]
        public void DiffIsNegativeWhenEndIsEarlier()
        {
            Assert.AreEqual(-16, Ticks.Diff(0xFFFFFFF6u, 6u), "the reverse order is -16 µs");
        }

        [TestMethod]
        [DataRow(0u, 1)]
        [DataRow(0xFFFFFFFFu, 2)]
        [DataRow(0x7FFFFFFFu, 100)]
        public void AddThenDiffRoundTrips(uint start, int delta)
        {
            Assert.AreEqual(delta, Ticks.Diff(Ticks.Add(start, delta), start), "Diff(Add(t; d); t) == d");
        }

        [TestMethod]
        public void FakeClockWrapsLikeAHardwareCounter()
        {
            FakeClock clock = new FakeClock(0xFFFFFFF0u);
            uint before = clock.NowMicros;
            clock.Advance(32);
            Assert.AreEqual(16u, clock.NowMicros, "0xFFFFFFF0 + 32 wraps to 16");
            Assert.AreEqual(32, Ticks.Diff(clock.NowMicros, before), "the difference survives the wrap");
        }

        [TestMethod]
        public void FakeClockRefusesToRunBackwards()
        {
            FakeClock clock = new FakeClock(100);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.Advance(-1), "negative step");
            Assert.AreEqual(100u, clock.NowMicros, "the reading is unchanged after a refused step");
        }
    }
}
