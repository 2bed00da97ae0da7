using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Samples;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Timers
{
    /// <summary>The TwoLeds sample run on the host with a fake clock, as the simulator would run it.</summary>
    [TestClass]
    public class TwoLedsAppTests
    {
        [TestMethod]
        public void TwoTimersBlinkTwoLedsAndAReportComesEveryFiveSeconds()
        {
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            RecordingOutput red = new RecordingOutput(clock, 1000);
            RecordingOutput green = new RecordingOutput(clock, 1000);
            RecordingOutput debug = new RecordingOutput(clock, 1000);
            TwoLedsApp app = new TwoLedsApp(dispatcher, red, green);
            app.Red.DebugPin = debug;
            app.Start();

            int reports = 0;
            string first = null;
            for (int step = 0; step <= 10000; step++) // to 10.0003 s in 1 ms steps, polled 300 µs into each ms
            {
                clock.Advance(step == 0 ? 300 : 1000);
                dispatcher.Poll();
                if (app.PollReport())
                {
                    reports++;
                    if (first == null)
                    {
                        first = app.LastReport;
                    }
                }
            }

            Assert.AreEqual(40, app.Red.Fires, "10 s / 250 ms");
            Assert.AreEqual(25, app.Green.Fires, "10 s / 400 ms");
            Assert.AreEqual(1 + 40, red.Count, "initial dark write, then one write per toggle");
            Assert.IsTrue(red.LevelAt(1), "the first toggle lights the red LED");
            Assert.AreEqual(250300u, red.TimeAt(1), "at the first poll after 250 ms");
            Assert.AreEqual(80, debug.Count, "the debug pin pulses once per red fire");
            Assert.AreEqual(2, reports, "reports at 5 s and 10 s");
            Assert.IsTrue(first.StartsWith("red: fires=20 skipped=0 overruns=0 faults=0\nred latency: n=20 min=300 mean=300"), first);
            Assert.IsTrue(first.Contains("green: fires=12"), first);
            Assert.AreEqual(0, app.Red.Lateness.Count, "statistics are reset by each report (the second came at 10 s)");
            app.Dispose();
            Assert.IsFalse(red.Level, "dark after Dispose");
            dispatcher.Dispose();
        }
    }
}
