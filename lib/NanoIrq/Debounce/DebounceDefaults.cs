namespace NanoIrq
{
    /// <summary>
    /// Default windows of the debouncers and the glitch filter, chosen from published switch measurements.
    /// </summary>
    /// <remarks>
    /// Jack Ganssle's survey ("A Guide to Debouncing", 2004) measured 16 switches: mean bounce 1.6 ms, worst
    /// 6.2 ms for all but one, one outlier at 157 ms, and bounce on release as well as on press (often longer on
    /// release). A 20 ms window is about three times the worst normal switch and twice the 10 ms bounce the
    /// NanoIrq seed sweep uses, yet well below the roughly 50 ms after which people notice a button lag.
    /// Switches like Ganssle's 157 ms outlier need a longer window (150 to 200 ms) or a new switch: no window
    /// that short of the bounce can be right. The glitch width (100 µs) is far shorter than any human press
    /// (about 50 ms at least) and longer than the sub-microsecond spikes Ganssle saw and typical EMI pulses.
    /// </remarks>
    public static class DebounceDefaults
    {
        /// <summary>Default quiet-time window: 20,000 µs (20 ms). See the type remarks for the reason.</summary>
        public const int QuietTimeMicros = 20000;

        /// <summary>Default lockout window: 20,000 µs (20 ms), the same as quiet-time so the modes compare directly.</summary>
        public const int LockoutMicros = 20000;

        /// <summary>Default sample-after-delay window: 20,000 µs (20 ms), two ESP32 RTOS ticks of 10 ms.</summary>
        public const int SampleDelayMicros = 20000;

        /// <summary>Default glitch filter minimum pulse width: 100 µs.</summary>
        public const int GlitchMicros = 100;

        /// <summary>Smallest window any debouncer accepts: 1 µs.</summary>
        public const int MinWindowMicros = 1;

        /// <summary>Largest window any debouncer accepts: 10,000,000 µs (10 s).</summary>
        public const int MaxWindowMicros = 10000000;

        /// <summary>
        /// Returns <paramref name="micros"/> when it lies in [<see cref="MinWindowMicros"/>, <see cref="MaxWindowMicros"/>];
        /// throws <see cref="System.ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> otherwise.
        /// </summary>
        public static int CheckWindow(int micros, string paramName)
        {
            if (micros < MinWindowMicros || micros > MaxWindowMicros)
            {
                throw new System.ArgumentOutOfRangeException(paramName, "must be in [1, 10000000] µs (1 µs to 10 s), was " + micros.ToString() + ".");
            }

            return micros;
        }
    }
}
