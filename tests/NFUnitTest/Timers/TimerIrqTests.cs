using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Timers
{
    [TestClass]
    public class TimerIrqTests
    {
        private static int s_calls;
        private static uint s_lastCallMicros;
        private static FakeClock s_clock;

        // [Setup] runs once per class on the device, so each test starts from here instead: a fresh clock at
        // startMicros, zeroed counts, and a timer on that clock calling handler.
        private static TimerIrq Fresh(uint startMicros, TimerIrqHandler handler)
        {
            s_calls = 0;
            s_lastCallMicros = 0;
            s_clock = new FakeClock(startMicros);
            return new TimerIrq(s_clock, handler);
        }

        // Moves the clock to the running timer's next deadline plus lateMicros, services it there, and returns the deadline.
        private static uint FireNext(TimerIrq timer, int lateMicros)
        {
            uint deadline;
            Assert.IsTrue(timer.TryGetDeadline(out deadline), "running");
            s_clock.Advance(Ticks.Diff(deadline, s_clock.NowMicros) + lateMicros);
            timer.Service(s_clock.NowMicros);
            return deadline;
        }

        // What the dispatcher does: move the clock to each deadline up to `until`, then service.
        private static void RunUntil(FakeClock clock, IDispatchTarget target, uint until)
        {
            uint deadline;
            while (target.TryGetDeadline(out deadline) && Ticks.Diff(until, deadline) >= 0)
            {
                if (Ticks.Diff(deadline, clock.NowMicros) > 0)
                {
                    clock.Advance(Ticks.Diff(deadline, clock.NowMicros));
                }

                target.Service(clock.NowMicros);
            }

            if (Ticks.Diff(until, clock.NowMicros) > 0)
            {
                clock.Advance(Ticks.Diff(until, clock.NowMicros));
            }
        }

        private static void Count(TimerIrq timer)
        {
            s_calls++;
            s_lastCallMicros = s_clock.NowMicros;
        }

        [TestMethod]
        public void OneShotFiresOnceAtItsDelayAndStops()
        {
            TimerIrq timer = Fresh(1000, Count);
            timer.StartOneShot(500);

            uint deadline;
            Assert.IsTrue(timer.TryGetDeadline(out deadline), "running");
            Assert.AreEqual(1500u, deadline, "due at 1500");

            timer.Service(1499);
            Assert.AreEqual(0, s_calls, "not early");

            RunUntil(s_clock, timer, 100000);
            Assert.AreEqual(1, s_calls, "fired once");
            Assert.AreEqual(1500u, s_lastCallMicros, "on time");
            Assert.IsFalse(timer.IsRunning, "stopped");
            Assert.IsFalse(timer.TryGetDeadline(out deadline), "no deadline");
        }

        [TestMethod]
        public void PeriodicFiresEveryPeriod()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartPeriodicMillis(10);
            RunUntil(s_clock, timer, 95000);
            Assert.AreEqual(9, s_calls, "nine fires");
            Assert.AreEqual(90000u, s_lastCallMicros, "last at 90 ms");
            Assert.AreEqual(9, timer.Fires, "Fires");
            Assert.AreEqual(0, timer.Skipped, "none skipped");
            Assert.AreEqual(0, timer.Lateness.Max, "never late");
        }

        [TestMethod]
        public void RearmPushesAOneShotBackToAFullDelay()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartOneShotMillis(100);
            RunUntil(s_clock, timer, 60000);
            timer.Rearm();
            RunUntil(s_clock, timer, 150000);
            Assert.AreEqual(0, s_calls, "not due yet");
            RunUntil(s_clock, timer, 300000);
            Assert.AreEqual(1, s_calls, "fired once");
            Assert.AreEqual(160000u, s_lastCallMicros, "100 ms after re-arm");
        }

        [TestMethod]
        public void RearmRephasesAPeriodicTimer()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartPeriodic(1000);
            RunUntil(s_clock, timer, 2500);
            timer.Rearm();
            uint deadline;
            timer.TryGetDeadline(out deadline);
            Assert.AreEqual(3500u, deadline, "period after re-arm");
            Assert.IsTrue(timer.IsRunning, "still running");
        }

        [TestMethod]
        public void RearmAfterAOneShotFiredStartsItAgain()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartOneShot(200);
            RunUntil(s_clock, timer, 1000);
            timer.Rearm();
            RunUntil(s_clock, timer, 2000);
            Assert.AreEqual(2, s_calls, "fired twice");
            Assert.AreEqual(1200u, s_lastCallMicros, "200 µs after re-arm");
        }

        private static void StopOnThirdCall(TimerIrq timer)
        {
            s_calls++;
            if (s_calls == 3)
            {
                timer.Stop();
            }
        }

        [TestMethod]
        public void StopInsideTheCallbackEndsThePeriodicTimer()
        {
            TimerIrq timer = Fresh(0, StopOnThirdCall);
            timer.StartPeriodic(1000);
            RunUntil(s_clock, timer, 50000);
            Assert.AreEqual(3, s_calls, "no fire after Stop");
            Assert.IsFalse(timer.IsRunning, "stopped");
        }

        private static void RestartAsOneShot(TimerIrq timer)
        {
            s_calls++;
            if (s_calls == 1)
            {
                timer.StartOneShot(5000);
            }
        }

        [TestMethod]
        public void StartInsideTheCallbackReplacesTheSchedule()
        {
            TimerIrq timer = Fresh(0, RestartAsOneShot);
            timer.StartPeriodic(1000);
            RunUntil(s_clock, timer, 50000);
            Assert.AreEqual(2, s_calls, "periodic then one-shot");
            Assert.IsTrue(timer.IsOneShot, "one-shot");
            Assert.IsFalse(timer.IsRunning, "stopped");
        }

        private static void Take2500Micros(TimerIrq timer)
        {
            s_calls++;
            if (s_calls == 1)
            {
                s_clock.Advance(2500);
            }
        }

        [TestMethod]
        public void AHandlerLongerThanItsPeriodCountsAnOverrunAndSkipsPassedPeriods()
        {
            TimerIrq timer = Fresh(0, Take2500Micros);
            timer.StartPeriodic(1000);
            timer.Service(s_clock.NowMicros); // not due yet
            s_clock.Advance(1000);
            timer.Service(s_clock.NowMicros); // fire 1 at 1000, handler returns at 3500
            Assert.AreEqual(1, timer.Overruns, "overrun");
            timer.Service(s_clock.NowMicros); // at 3500: fire 2 (1500 µs late); 3000 already passed
            Assert.AreEqual(2, s_calls, "no replay");
            Assert.AreEqual(1, timer.Skipped, "one skipped");
            uint deadline;
            timer.TryGetDeadline(out deadline);
            Assert.AreEqual(4000u, deadline, "phase kept");
            Assert.AreEqual(1500, timer.Lateness.Max, "lateness");
            Assert.AreEqual(1, timer.Overruns, "one overrun");
            Assert.AreEqual(2500, timer.Duration.Max, "duration");
        }

        [TestMethod]
        public void LateServiceDoesNotDriftAcrossTheWrap()
        {
            // Start 5 ms before the 32-bit wrap; serve each fire up to 999 µs late (deterministic pattern).
            uint start = 0xFFFFFFFFu - 5000u;
            TimerIrq timer = Fresh(start, Count);
            timer.StartPeriodic(1000);
            // 1000 fires on the device still cross the wrap and, 919 being prime to 1000, inject every lateness 0..999.
            int fires = LoopCount.Pick(10000, 1000);
            for (int n = 1; n <= fires; n++)
            {
                uint ideal = unchecked(start + (uint)n * 1000u);
                uint deadline = FireNext(timer, (n * 7919) % 1000);
                if (deadline != ideal)
                {
                    Assert.AreEqual(ideal, deadline, "fire " + n.ToString() + " due");
                }
            }

            Assert.AreEqual(fires, s_calls, "all fired");
            Assert.AreEqual(0, timer.Skipped, "none skipped");
            Assert.AreEqual(999, timer.Lateness.Max, "lateness");
        }

        [TestMethod]
        public void FrequencyKeepsItsExactAverageRate()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartFrequency(3);
            Assert.AreEqual(333333, timer.PeriodMicros, "rounded down");
            uint[] expected = new uint[] { 333333u, 666666u, 1000000u, 1333333u, 1666666u, 2000000u };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], FireNext(timer, 0), "fire " + (i + 1).ToString() + " due");
            }

            Assert.AreEqual(6, s_calls, "six fires");
        }

        [TestMethod]
        public void MaximumFrequencyIsAccepted()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartFrequency(TimerIrq.MaxFrequencyHertz);
            Assert.AreEqual(100, timer.PeriodMicros, "100 µs period");
            RunUntil(s_clock, timer, 1000000);
            Assert.AreEqual(10000, s_calls, "10000 fires");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(99)]
        [DataRow(1000000001)]
        public void PeriodOutOfRangeIsRefused(int period)
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartPeriodic(5000);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartPeriodic(period), "period " + period.ToString());
            Assert.AreEqual(5000, timer.PeriodMicros, "period kept");
            Assert.IsTrue(timer.IsRunning, "still running");
        }

        [TestMethod]
        public void OtherBadArgumentsAreRefused()
        {
            TimerIrq timer = Fresh(0, Count);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartPeriodicMillis(0), "0 ms");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartPeriodicMillis(-5), "-5 ms");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartFrequency(0), "0 Hz");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartFrequency(10001), "above 10 kHz");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartOneShot(0), "zero delay");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => timer.StartOneShotMillis(-1), "negative delay");
            Assert.ThrowsException(typeof(InvalidOperationException), () => timer.Rearm(), "never started");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TimerIrq(null, Count), "no clock");
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TimerIrq(s_clock, null), "no handler");
            Assert.IsFalse(timer.IsRunning, "nothing started");
        }

        [TestMethod]
        public void StartingADisposedTimerThrows()
        {
            TimerIrq timer = Fresh(0, Count);
            timer.StartPeriodic(1000);
            timer.Dispose();
            Assert.IsFalse(timer.IsRunning, "Dispose stops");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => timer.StartPeriodic(1000), "periodic");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => timer.StartOneShot(1000), "one-shot");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => timer.StartFrequency(50), "frequency");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => timer.Rearm(), "re-arm");
            RunUntil(s_clock, timer, 10000);
            Assert.AreEqual(0, s_calls, "never fires");
            timer.Stop();
        }

        private static void Throw(TimerIrq timer)
        {
            s_calls++;
            throw new InvalidOperationException("boom");
        }

        [TestMethod]
        public void AThrowingHandlerIsCountedStopsTheTimerAndPropagates()
        {
            TimerIrq timer = Fresh(0, Throw);
            timer.StartPeriodic(1000);
            s_clock.Advance(1000);
            Assert.ThrowsException(typeof(InvalidOperationException), () => timer.Service(s_clock.NowMicros), "propagates");
            Assert.AreEqual(1, timer.Faults, "counted");
            Assert.IsFalse(timer.IsRunning, "stopped");
            Assert.AreEqual(1, timer.Duration.Count, "measured");
        }

        [TestMethod]
        public void AThrowingHandlerKeepsRunningWhenToldTo()
        {
            TimerIrq timer = Fresh(0, Throw);
            timer.StopOnFault = false;
            timer.StartPeriodic(1000);
            for (int i = 0; i < 3; i++)
            {
                s_clock.Advance(1000);
                Assert.ThrowsException(typeof(InvalidOperationException), () => timer.Service(s_clock.NowMicros), "fault " + i.ToString());
            }

            Assert.AreEqual(3, timer.Faults, "three faults");
            Assert.IsTrue(timer.IsRunning, "still running");
            uint deadline;
            timer.TryGetDeadline(out deadline);
            Assert.AreEqual(4000u, deadline, "on schedule");
        }

        private sealed class TwoLights
        {
            public int Red;
            public int Green;

            public void ToggleRed(TimerIrq timer)
            {
                Red++;
            }

            public void ToggleGreen(TimerIrq timer)
            {
                Green++;
            }
        }

        [TestMethod]
        public void BoundMethodsOfOneObjectServeTwoTimers()
        {
            Fresh(0, Count);
            TwoLights lights = new TwoLights();
            TimerIrq red = new TimerIrq(s_clock, lights.ToggleRed, "red");
            TimerIrq green = new TimerIrq(s_clock, lights.ToggleGreen, "green");
            red.StartPeriodicMillis(250);
            green.StartPeriodicMillis(400);
            for (int ms = 1; ms <= 2000; ms++)
            {
                s_clock.AdvanceMillis(1);
                red.Service(s_clock.NowMicros);
                green.Service(s_clock.NowMicros);
            }

            Assert.AreEqual(8, lights.Red, "2 s / 250 ms");
            Assert.AreEqual(5, lights.Green, "2 s / 400 ms");
        }

        private static void Take40Micros(TimerIrq timer)
        {
            s_clock.Advance(40);
        }

        [TestMethod]
        public void DebugPinIsHighExactlyWhileTheHandlerRuns()
        {
            TimerIrq timer = Fresh(0, Take40Micros);
            RecordingOutput pin = new RecordingOutput(s_clock, 16);
            timer.DebugPin = pin;
            timer.StartPeriodic(1000);
            FireNext(timer, 30);
            Assert.AreEqual(2, pin.Count, "one rise; one fall");
            Assert.IsTrue(pin.LevelAt(0), "high first");
            Assert.AreEqual(1030u, pin.TimeAt(0), "at handler entry");
            Assert.IsFalse(pin.LevelAt(1), "then low");
            Assert.AreEqual(1070u, pin.TimeAt(1), "at handler exit");
            Assert.AreEqual(30, timer.Lateness.Max, "30 µs late");
            Assert.AreEqual(40, timer.Duration.Max, "40 µs handler");
        }

        [TestMethod]
        public void ReportNamesTheTimerAndItsCounters()
        {
            Fresh(0, Count);
            TimerIrq timer = new TimerIrq(s_clock, Count, "blink");
            timer.StartPeriodic(1000);
            RunUntil(s_clock, timer, 3000);
            string report = timer.Report();
            Assert.StartsWith("blink: fires=3 skipped=0 overruns=0 faults=0", report, "first line");
            Assert.Contains("blink latency: n=3", report, "lateness line");
            Assert.Contains("blink duration: n=3", report, "duration line");
        }
    }
}
