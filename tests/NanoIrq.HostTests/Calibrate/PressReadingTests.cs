using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq.Cli;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>The reading and the measurements on a hand-written capture whose answers are known to the microsecond.</summary>
    [TestClass]
    public class PressReadingTests
    {
        // Press 1 at 100.0 ms bounces until 100.5 ms, re-opens from 150.0 to 162.0 ms and releases at 300.0 ms with bounce
        // until 300.4 ms; press 2 is clean, 500 to 600 ms; the recording ends at 900 ms. Times µs; true = to pressed.
        private static ButtonCapture Capture()
        {
            long[] t = { 100000, 100300, 100500, 150000, 162000, 300000, 300200, 300400, 500000, 600000 };
            bool[] p = { true, false, true, false, true, false, true, false, true, false };
            return ButtonCapture.FromEdges(true, t, p, 900000);
        }

        [TestMethod]
        public void MeasuresBounceReopeningAndShortestPressAndRelease()
        {
            ButtonCapture c = Capture();
            PressReading r = ReadingSearch.ForPresses(c, 2);
            Assert.AreEqual(2, r.Presses);
            var m = new SwitchMeasurement(r);
            Assert.AreEqual(500L, m.Presses[0].PressBounce, "100.0 to 100.5 ms");
            Assert.AreEqual(400L, m.Presses[0].ReleaseBounce, "300.0 to 300.4 ms");
            Assert.AreEqual(0L, m.Presses[1].PressBounce, "clean");
            Assert.AreEqual(1, m.Reopenings);
            Assert.AreEqual(12000L, m.LongestReopening.Length, "open from 150 to 162 ms");
            Assert.AreEqual(0, m.LongestReopening.Press);
            Assert.AreEqual(100000L, m.ShortestPress.Length, "press 2: 500 to 600 ms");
            Assert.AreEqual(200000L, m.ShortestRelease.Length, "first release edge 300 ms to next press 500 ms");
            Assert.AreEqual(12000L, r.ReleaseNoise, "the open stretch that would split press 1");
            Assert.AreEqual(199600L, r.ReleaseSignal, "the quiet gap, 300.4 to 500 ms, that would merge the presses");
            Assert.AreEqual(199600.0 / 12000, r.ReleaseStep, 1e-9);
        }

        [TestMethod]
        public void TheGivenCountDecidesWhatTheReopeningIs()
        {
            ButtonCapture c = Capture();
            Assert.AreEqual(2, ReadingSearch.Inferred(c).Presses, "inferred: a 12 ms release is shorter than the 20 ms an inferred one needs");

            PressReading three = ReadingSearch.ForPresses(c, 3);
            Assert.AreEqual(3, three.Presses, "told 3: the re-opening is a release");
            Assert.AreEqual(150000L, c.Time(three.ReleaseFirst(0)));
            Assert.AreEqual(162000L, c.Time(three.PressFirst(1)));
            Assert.AreEqual(500000L, c.Time(three.PressFirst(2)));

            Assert.IsNull(ReadingSearch.ForPresses(c, 6), "5 press edges cannot make 6 presses");
        }
    }
}
