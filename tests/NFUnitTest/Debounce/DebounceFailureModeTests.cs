using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Debounce
{
    /// <summary>
    /// The same waveforms through lockout, sample-after-delay and quiet-time, all with a 20 ms window: where
    /// each mode fails, with the numbers (they are quoted in docs/debounce.md).
    /// </summary>
    [TestClass]
    public class DebounceFailureModeTests
    {
        // Active-low button: pressed at 0 (clean), held 2 s, then a release that chatters for 60 ms:
        // an edge every 3 ms, 21 edges, high on even k, ending high at 2,060,000 µs.
        private static int ReleaseChatter(uint[] times, bool[] levels)
        {
            times[0] = 0;
            levels[0] = false;
            for (int k = 0; k <= 20; k++)
            {
                times[1 + k] = 2000000u + (uint)(k * 3000);
                levels[1 + k] = k % 2 == 0;
            }

            return 22;
        }

        [TestMethod]
        public void ReleaseBounceLongerThanTheWindowAfterALongHold()
        {
            uint[] t = new uint[32];
            bool[] l = new bool[32];
            int n = ReleaseChatter(t, l);

            EdgeLog quiet = new EdgeLog();
            EdgeLog.Drive(new QuietTimeDebouncer(true, 20000), t, l, n, 5000000, quiet);
            Assert.AreEqual(2, quiet.Count, "quiet-time count");
            Assert.AreEqual(20000u, quiet[0].TimeMicros, "press time");
            Assert.AreEqual(2080000u, quiet[1].TimeMicros, "release time");

            EdgeLog lockout = new EdgeLog();
            EdgeLog.Drive(new LockoutDebouncer(true, 20000), t, l, n, 5000000, lockout);
            Assert.AreEqual(4, lockout.Count, "lockout count");
            Assert.AreEqual(2000000u, lockout[1].TimeMicros, "release time");
            Assert.IsFalse(lockout[2].Level, "phantom press");
            Assert.AreEqual(2021000u, lockout[2].TimeMicros, "phantom press time");
            Assert.AreEqual(2042000u, lockout[3].TimeMicros, "phantom release time");

            EdgeLog sample = new EdgeLog();
            EdgeLog.Drive(new SampleAfterDelayDebouncer(true, 20000), t, l, n, 5000000, sample);
            Assert.AreEqual(4, sample.Count, "sample count");
            Assert.AreEqual(2020000u, sample[1].TimeMicros, "release time");
            Assert.IsFalse(sample[2].Level, "phantom press");
            Assert.AreEqual(2041000u, sample[2].TimeMicros, "phantom press time");
            Assert.AreEqual(2062000u, sample[3].TimeMicros, "phantom release time");
        }

        [TestMethod]
        public void GlitchOnAnIdleLine()
        {
            // Idle high; one 40 µs low glitch at 1 s.
            uint[] t = new uint[] { 1000000, 1000040 };
            bool[] l = new bool[] { false, true };

            EdgeLog quiet = new EdgeLog();
            EdgeLog.Drive(new QuietTimeDebouncer(true, 20000), t, l, 2, 3000000, quiet);
            Assert.AreEqual(0, quiet.Count, "quiet-time count");

            EdgeLog sample = new EdgeLog();
            EdgeLog.Drive(new SampleAfterDelayDebouncer(true, 20000), t, l, 2, 3000000, sample);
            Assert.AreEqual(0, sample.Count, "sample count");

            EdgeLog lockout = new EdgeLog();
            EdgeLog.Drive(new LockoutDebouncer(true, 20000), t, l, 2, 3000000, lockout);
            Assert.AreEqual(2, lockout.Count, "lockout count");
            Assert.AreEqual(1000000u, lockout[0].TimeMicros, "press time");
            Assert.AreEqual(1020000u, lockout[1].TimeMicros, "release time");
        }

        [TestMethod]
        public void GlitchInsideTheSampleWindow()
        {
            // Active-low, pressed at 0 and held; two 40 µs high glitches during the hold, 20 ms apart:
            // A at 500,000 starts a window, B at 519,980..520,020 covers the sampling instant 520,000.
            uint[] t = new uint[] { 0, 500000, 500040, 519980, 520020 };
            bool[] l = new bool[] { false, true, false, true, false };

            EdgeLog quiet = new EdgeLog();
            EdgeLog.Drive(new QuietTimeDebouncer(true, 20000), t, l, 5, 3000000, quiet);
            Assert.AreEqual(1, quiet.Count, "quiet-time count");

            EdgeLog sample = new EdgeLog();
            EdgeLog.Drive(new SampleAfterDelayDebouncer(true, 20000), t, l, 5, 3000000, sample);
            Assert.AreEqual(3, sample.Count, "sample count");
            Assert.IsTrue(sample[1].Level, "phantom release");
            Assert.AreEqual(520000u, sample[1].TimeMicros, "phantom release time");
            Assert.AreEqual(540020u, sample[2].TimeMicros, "phantom press time");

            EdgeLog lockout = new EdgeLog();
            EdgeLog.Drive(new LockoutDebouncer(true, 20000), t, l, 5, 3000000, lockout);
            Assert.AreEqual(3, lockout.Count, "lockout count");
            Assert.AreEqual(500000u, lockout[1].TimeMicros, "phantom release time");
            Assert.AreEqual(520020u, lockout[2].TimeMicros, "phantom press time");
        }
    }
}
