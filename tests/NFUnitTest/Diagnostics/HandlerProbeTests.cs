using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Diagnostics
{
    [TestClass]
    public class HandlerProbeTests
    {
        [TestMethod]
        public void EnterAndExitRecordLatencyDurationAndDriveThePin()
        {
            FakeClock clock = new FakeClock(10000);
            RecordingOutput pin = new RecordingOutput(clock, 8);
            HandlerProbe probe = new HandlerProbe(clock, "button");
            probe.DebugPin = pin;

            clock.Advance(250);            // edge stamped at 10000, handler entered at 10250
            probe.Enter(10000u);
            clock.Advance(80);             // handler runs 80 µs
            probe.Exit();

            Assert.AreEqual(250, probe.Latency.Max, "edge to entry");
            Assert.AreEqual(80, probe.Duration.Max, "entry to exit");
            Assert.AreEqual(2, pin.Count, "rise and fall");
            Assert.AreEqual(10250u, pin.TimeAt(0), "rise at entry");
            Assert.IsTrue(pin.LevelAt(0), "high");
            Assert.AreEqual(10330u, pin.TimeAt(1), "fall at exit");
            Assert.IsFalse(pin.Level, "left low");
        }

        [TestMethod]
        public void LatencyIsWrapSafe()
        {
            FakeClock clock = new FakeClock(0xFFFFFFF0u);
            HandlerProbe probe = new HandlerProbe(clock, "p");
            uint due = clock.NowMicros;
            clock.Advance(48);
            probe.Enter(due);
            probe.Exit();
            Assert.AreEqual(48, probe.Latency.Max, "across the 2^32 wrap");
        }

        [TestMethod]
        public void ReportHasBothLinesAndResetClearsThem()
        {
            FakeClock clock = new FakeClock();
            HandlerProbe probe = new HandlerProbe(clock, "p");
            probe.Enter(0u);
            probe.Exit();
            Assert.AreEqual("p latency: n=1 min=0 mean=0 p50<=0 p99<=0 max=0 jitter=0 µs over=0\np duration: n=1 min=0 mean=0 p50<=0 p99<=0 max=0 jitter=0 µs over=0", probe.Report(), "report");
            probe.Reset();
            Assert.AreEqual(0, probe.Latency.Count, "latency cleared");
            Assert.AreEqual(0, probe.Duration.Count, "duration cleared");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HandlerProbe(null, "x"), "no clock");
        }

        [TestMethod]
        public void RecordingOutputCountsWritesBeyondItsCapacity()
        {
            FakeClock clock = new FakeClock(7);
            RecordingOutput pin = new RecordingOutput(clock, 2);
            pin.Write(true);
            pin.Write(false);
            pin.Write(true);
            Assert.AreEqual(2, pin.Count, "two stored");
            Assert.AreEqual(1, pin.Dropped, "one counted as dropped");
            Assert.IsTrue(pin.Level, "the level still follows the last write");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pin.TimeAt(2), "past the stored writes");
            pin.Clear();
            Assert.AreEqual(0, pin.Count, "cleared");
            Assert.AreEqual(0, pin.Dropped, "dropped cleared");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordingOutput(clock, 0), "zero capacity");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new RecordingOutput(null, 4), "no clock");
        }
    }
}
