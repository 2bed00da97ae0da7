using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Gestures
{
    /// <summary>A fake clock, a gesture log and an active-low detector (pressed = low) on GPIO 4: the bench of the gesture tests.</summary>
    internal sealed class GestureBench
    {
        public readonly FakeClock Clock;
        public readonly GestureLog Log = new GestureLog();
        public readonly GestureDetector Detector;

        /// <summary>Starts the clock at <paramref name="startMicros"/>; null <paramref name="options"/> for the defaults.</summary>
        public GestureBench(uint startMicros, GestureOptions options)
        {
            Clock = new FakeClock(startMicros);
            Detector = new GestureDetector(true, Log.Record, options == null ? new GestureOptions() : options);
        }

        /// <summary>Ticks the detector to now, then feeds a press (low) stamped now.</summary>
        public void Press()
        {
            Detector.Tick(Clock.NowMicros, Log);
            Detector.Feed(new EdgeRecord(4, false, Clock.NowMicros, 1, false), Log);
        }

        /// <summary>Ticks the detector to now, then feeds a release (high) stamped now.</summary>
        public void Release()
        {
            Detector.Tick(Clock.NowMicros, Log);
            Detector.Feed(new EdgeRecord(4, true, Clock.NowMicros, 2, false), Log);
        }

        /// <summary>Steps the clock by <paramref name="micros"/> and ticks the detector.</summary>
        public void Step(int micros)
        {
            Clock.Advance(micros);
            Detector.Tick(Clock.NowMicros, Log);
        }

        /// <summary>Press, hold for <paramref name="holdMicros"/>, release.</summary>
        public void Click(int holdMicros)
        {
            Press();
            Step(holdMicros);
            Release();
        }
    }
}
