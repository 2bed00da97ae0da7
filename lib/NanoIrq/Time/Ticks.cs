using System;

namespace NanoIrq
{
    /// <summary>
    /// Wrap-safe arithmetic on 32-bit microsecond tick values, with MicroPython's <c>ticks_diff</c> and
    /// <c>ticks_add</c> semantics.
    /// </summary>
    public static class Ticks
    {
        /// <summary>Largest interval, in µs, that <see cref="Diff"/> reports correctly: 2^31 - 1 (about 35.8 min).</summary>
        public const int MaxInterval = int.MaxValue;

        /// <summary>Microseconds per millisecond.</summary>
        public const int MicrosPerMilli = 1000;

        /// <summary>
        /// Signed difference <paramref name="end"/> - <paramref name="start"/> in µs, correct across
        /// the 2^32 wrap as long as the true interval lies in [-2^31, 2^31 - 1] µs.
        /// Positive when <paramref name="end"/> is later than <paramref name="start"/>.
        /// </summary>
        public static int Diff(uint end, uint start)
        {
            return unchecked((int)(end - start));
        }

        /// <summary>The tick value <paramref name="deltaMicros"/> µs after (or before, if negative) <paramref name="start"/>, wrapping modulo 2^32.</summary>
        public static uint Add(uint start, int deltaMicros)
        {
            return unchecked(start + (uint)deltaMicros);
        }

        /// <summary>True when <paramref name="a"/> is strictly earlier than <paramref name="b"/> (wrap-safe).</summary>
        public static bool IsBefore(uint a, uint b)
        {
            return Diff(b, a) > 0;
        }

        /// <summary>
        /// Whole milliseconds that cover <paramref name="micros"/> µs, rounded up (1 µs to 1,000 µs give 1 ms, 1,001 µs
        /// gives 2 ms); 0 for 0 or less. A wait of that many ms never ends before <paramref name="micros"/> µs have
        /// passed, and ends less than 1 ms after. Defined for every int (int.MaxValue gives 2,147,484 ms).
        /// </summary>
        public static int ToMillisRoundedUp(int micros)
        {
            if (micros <= 0)
            {
                return 0;
            }

            int millis = micros / MicrosPerMilli;
            return micros % MicrosPerMilli == 0 ? millis : millis + 1;
        }

        /// <summary>Converts milliseconds to microseconds.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// <paramref name="millis"/> is outside [-2,147,483, 2,147,483] ms, so the result would not fit a tick difference.</exception>
        public static int FromMillis(int millis)
        {
            if (millis > int.MaxValue / MicrosPerMilli || millis < -(int.MaxValue / MicrosPerMilli))
            {
                throw new ArgumentOutOfRangeException("millis", "must be in [-2147483, 2147483] ms so that it fits a tick difference in µs.");
            }

            return millis * MicrosPerMilli;
        }
    }
}
