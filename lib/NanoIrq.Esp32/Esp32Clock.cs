using nanoFramework.Hardware.Esp32;

namespace NanoIrq
{
    /// <summary>
    /// The ESP32 clock: <c>HighResTimer.GetCurrent()</c>, the chip's 64-bit microsecond timer
    /// (esp_timer), truncated to NanoIrq's wrapping 32-bit µs counter. Device only (ESP32, S2, S3, C3, C6).
    /// </summary>
    /// <remarks>
    /// Resolution 1 µs; monotonic from boot and unaffected by SNTP or by setting the date, which is why
    /// ESP32 targets use it instead of <see cref="SystemClock"/>. The 32-bit reading wraps every 2^32 µs
    /// (about 71.6 minutes): compare readings with <see cref="Ticks.Diff"/>. Reading it allocates nothing.
    /// </remarks>
    public sealed class Esp32Clock : IClock
    {
        /// <summary>Microseconds since boot, modulo 2^32.</summary>
        public uint NowMicros
        {
            get { return unchecked((uint)HighResTimer.GetCurrent()); }
        }
    }
}
