using System;

namespace NanoIrq
{
    /// <summary>
    /// The device clock for targets without a dedicated µs timer (RP2040/RP2350 and others): the CLR's uptime,
    /// <c>Environment.TickCount64</c> ms × 1,000, as NanoIrq's wrapping 32-bit µs counter. Device only.
    /// </summary>
    /// <remarks>
    /// <para>Resolution 1 ms: intervals shorter than that read as 0 and debounce windows are whole ms, which suits
    /// switches (the default quiet time is 20 ms). Monotonic: it never jumps when SNTP or user code sets the date.
    /// Reading it allocates nothing. The 32-bit µs reading wraps every 71.6 minutes, which <see cref="Ticks"/>
    /// arithmetic handles.</para>
    /// <para>Not <c>DateTime.UtcNow</c>: on PICO_RP2040 firmware that comes from the chip's RTC in whole seconds, so
    /// every edge of a press would carry the same time and no debouncer could tell a bounce from a press. ESP32
    /// targets use <c>Esp32Clock</c> (the 1 µs high-resolution timer) instead.</para>
    /// </remarks>
    public sealed class SystemClock : IClock
    {
        /// <summary>Uptime in µs (ms × 1,000), modulo 2^32.</summary>
        public uint NowMicros
        {
            get { return unchecked((uint)(Environment.TickCount64 * 1000)); }
        }
    }
}
