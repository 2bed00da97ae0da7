using System;

namespace NanoIrq
{
    /// <summary>
    /// Timings and choices of a <see cref="GestureDetector"/>; every setter checks its range and leaves the old
    /// value in place when it throws. The detector copies the values at construction.
    /// </summary>
    /// <remarks>
    /// Defaults follow common practice for push buttons (AceButton, desktop double-click settings): long press
    /// 1 s, multi-click gap 400 ms, hold-repeat off (200 ms is a typical interval when switched on).
    /// </remarks>
    public sealed class GestureOptions
    {
        /// <summary>Default long-press time: 1,000,000 µs (1 s).</summary>
        public const int DefaultLongPressMicros = 1000000;

        /// <summary>Default multi-click gap: 400,000 µs (400 ms).</summary>
        public const int DefaultMultiClickGapMicros = 400000;

        /// <summary>Largest timing accepted: 60,000,000 µs (60 s).</summary>
        public const int MaxMicros = 60000000;

        private int _longPress = DefaultLongPressMicros;
        private int _gap = DefaultMultiClickGapMicros;
        private int _repeat;

        /// <summary>Creates options with the defaults.</summary>
        public GestureOptions()
        {
            SuppressClickAfterLongPress = true;
        }

        /// <summary>
        /// Hold time in µs at which a press becomes a long press, [0, 60,000,000]; 0 disables long presses (every
        /// release is then a click). A press held exactly this long is long. Default 1,000,000 (1 s).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
        public int LongPressMicros
        {
            get { return _longPress; }
            set { _longPress = Check(value, 0, "LongPressMicros"); }
        }

        /// <summary>
        /// Longest time in µs from a release to the next press for the press to continue a multi-click, [1,
        /// 60,000,000]; a press exactly this long after the release starts a new sequence. Default 400,000 (400 ms).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
        public int MultiClickGapMicros
        {
            get { return _gap; }
            set { _gap = Check(value, 1, "MultiClickGapMicros"); }
        }

        /// <summary>
        /// Interval in µs between HoldRepeat events while a long press is held, [0, 60,000,000]; the first repeat
        /// comes one interval after LongPressStart. 0 (the default) disables repeats.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
        public int HoldRepeatIntervalMicros
        {
            get { return _repeat; }
            set { _repeat = Check(value, 0, "HoldRepeatIntervalMicros"); }
        }

        /// <summary>True (default): releasing a long press gives LongPressEnd and Release but no click.</summary>
        public bool SuppressClickAfterLongPress { get; set; }

        /// <summary>
        /// False (default): Click, DoubleClick and MultiClick are reported at each release as the count grows (a
        /// double click gives Click then DoubleClick). True: one event is reported when the gap expires after the last
        /// release, so a double click gives DoubleClick alone, at the cost of the gap in latency.
        /// </summary>
        public bool WaitForMultiClick { get; set; }

        private static int Check(int value, int min, string name)
        {
            if (value < min || value > MaxMicros)
            {
                throw new ArgumentOutOfRangeException(name, "must be in [" + min.ToString() + ", 60000000] µs, was " + value.ToString() + ".");
            }

            return value;
        }
    }
}
