using System;

namespace NanoIrq
{
    /// <summary>
    /// The fallback device clock for targets without a dedicated µs timer (RP2040/RP2350 and others):
    /// <c>DateTime.UtcNow.Ticks / 10</c>, truncated to NanoIrq's wrapping 32-bit µs counter. Device only.
    /// </summary>
    /// <remarks>
    /// <para>The unit is 1 µs but the resolution is whatever the target's system time ticks at (often 1 ms
    /// or the RTOS tick), so intervals shorter than that read as 0 and debounce windows are quantised.</para>
    /// <para>It is wall-clock time: it jumps when SNTP or user code sets the date, and a jump shows up as a
    /// huge or negative <see cref="Ticks.Diff"/>. That is why ESP32 targets use <c>Esp32Clock</c> (the
    /// monotonic 1 µs high-resolution timer) instead. Reading it allocates nothing.</para>
    /// </remarks>
    public sealed class SystemClock : IClock
    {
        /// <summary>UTC time in µs (100 ns ticks / 10), modulo 2^32.</summary>
        public uint NowMicros
        {
            get { return unchecked((uint)(DateTime.UtcNow.Ticks / 10)); }
        }
    }
}
