using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Time
{
    [TestClass]
    public class TicksTests
    {
        [TestMethod]
        public void DiffIsPositiveAcrossTheWrap()
        {
            Assert.AreEqual(16, Ticks.Diff(6u, 0xFFFFFFF6u), "16 across wrap");
        }

        [TestMethod]
        public void DiffIsNegativeWhenEndIsEarlier()
        {
            Assert.AreEqual(-16, Ticks.Diff(0xFFFFFFF6u, 6u), "-16 across wrap");
        }

        [TestMethod]
        [DataRow(0u, 1)]
        [DataRow(0xFFFFFFFFu, 2)]
        [DataRow(0x7FFFFFFFu, 100)]
        public void AddThenDiffRoundTrips(uint start, int delta)
        {
            Assert.AreEqual(delta, Ticks.Diff(Ticks.Add(start, delta), start), "Diff(Add) == d");
        }

        [TestMethod]
        public void FakeClockWrapsLikeAHardwareCounter()
        {
            FakeClock clock = new FakeClock(0xFFFFFFF0u);
            uint before = clock.NowMicros;
            clock.Advance(32);
            Assert.AreEqual(16u, clock.NowMicros, "wraps to 16");
            Assert.AreEqual(32, Ticks.Diff(clock.NowMicros, before), "diff 32");
        }

        [TestMethod]
        public void FakeClockRefusesToRunBackwards()
        {
            FakeClock clock = new FakeClock(100);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.Advance(-1), "negative step");
            Assert.AreEqual(100u, clock.NowMicros, "unchanged");
        }

        [TestMethod]
        public void DiffLimitsAreThoseOfTicksDiff()
        {
            Assert.AreEqual(int.MaxValue, Ticks.Diff(0x7FFFFFFFu, 0u), "max positive");
            Assert.AreEqual(int.MinValue, Ticks.Diff(0x80000000u, 0u), "2^31 is negative");
            Assert.AreEqual(int.MaxValue, Ticks.MaxInterval, "MaxInterval");
            Assert.AreEqual(0, Ticks.Diff(0xFFFFFFFFu, 0xFFFFFFFFu), "equal");
            Assert.AreEqual(-1, Ticks.Diff(0xFFFFFFFFu, 0u), "-1 across wrap");
        }

        [TestMethod]
        public void AddWrapsBothWays()
        {
            Assert.AreEqual(0xFFFFFFFBu, Ticks.Add(5u, -10), "backwards wrap");
            Assert.AreEqual(4u, Ticks.Add(0xFFFFFFFBu, 9), "forwards wrap");
            Assert.AreEqual(0x7FFFFFFFu, Ticks.Add(0u, int.MaxValue), "the longest step");
        }

        [TestMethod]
        public void IsBeforeIsWrapSafeAndStrict()
        {
            Assert.IsTrue(Ticks.IsBefore(0xFFFFFFF0u, 5u), "before wrap");
            Assert.IsFalse(Ticks.IsBefore(5u, 0xFFFFFFF0u), "not after");
            Assert.IsFalse(Ticks.IsBefore(77u, 77u), "not itself");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(-5, 0)]
        [DataRow(int.MinValue, 0)]
        [DataRow(1, 1)]
        [DataRow(1000, 1)]
        [DataRow(1001, 2)]
        [DataRow(int.MaxValue, 2147484)]
        public void ToMillisRoundedUpCoversTheInterval(int micros, int millis)
        {
            Assert.AreEqual(millis, Ticks.ToMillisRoundedUp(micros), micros.ToString() + " µs");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(2147483, 2147483000)]
        [DataRow(-2147483, -2147483000)]
        public void FromMillisInRange(int millis, int micros)
        {
            Assert.AreEqual(micros, Ticks.FromMillis(millis), millis.ToString() + " ms");
        }

        [TestMethod]
        [DataRow(2147484)]
        [DataRow(-2147484)]
        [DataRow(int.MaxValue)]
        [DataRow(int.MinValue)]
        public void FromMillisOutOfRangeNamesTheParameterAndTheRange(int millis)
        {
            ArgumentException e = Refusal.Of(() => Ticks.FromMillis(millis));
            Assert.IsNotNull(e, "refused");
            Assert.IsInstanceOfType(e, typeof(ArgumentOutOfRangeException), "out of range");
            Assert.AreEqual("millis", e.ParamName, "names the parameter");
            Assert.Contains("[-2147483, 2147483]", e.Message, "states the range");
        }

        [TestMethod]
        public void FakeClockSetAndAdvanceMillis()
        {
            FakeClock clock = new FakeClock();
            Assert.AreEqual(0u, clock.NowMicros, "starts at 0");
            clock.Set(0xFFFFFC18u);
            clock.AdvanceMillis(2);
            Assert.AreEqual(1000u, clock.NowMicros, "wraps to 1000");
            clock.AdvanceMillis(0);
            Assert.AreEqual(1000u, clock.NowMicros, "0 ms step");
            clock.AdvanceMillis(2147483);
            Assert.AreEqual(2147484000u, clock.NowMicros, "the longest step");
        }

        [TestMethod]
        public void FakeClockAdvanceRefusalNamesTheParameterAndTheRange()
        {
            FakeClock clock = new FakeClock(500);
            ArgumentException e = Refusal.Of(() => clock.Advance(int.MinValue));
            Assert.IsNotNull(e, "refused");
            Assert.AreEqual("micros", e.ParamName, "names the parameter");
            Assert.Contains(">= 0", e.Message, "states the range");
            Assert.AreEqual(500u, clock.NowMicros, "unchanged");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(2147484)]
        [DataRow(int.MinValue)]
        public void FakeClockAdvanceMillisRefusalNamesMillisAndItsRange(int millis)
        {
            FakeClock clock = new FakeClock(500);
            ArgumentException e = Refusal.Of(() => clock.AdvanceMillis(millis));
            Assert.IsNotNull(e, "refused");
            Assert.IsInstanceOfType(e, typeof(ArgumentOutOfRangeException), "out of range");
            Assert.AreEqual("millis", e.ParamName, "names the parameter");
            Assert.Contains("[0, 2147483]", e.Message, "states the range");
            Assert.AreEqual(500u, clock.NowMicros, "unchanged");
        }
    }
}
