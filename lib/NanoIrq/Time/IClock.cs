using NanoIrq.Testing;

namespace NanoIrq
{
    /// <summary>
    /// A monotonic microsecond tick source: the one place NanoIrq logic reads time from.
    /// </summary>
    /// <remarks>
    /// <para><see cref="NowMicros"/> is a free-running 32-bit counter of microseconds. It wraps from
    /// 4,294,967,295 to 0 every 4,294.967296 s (about 71.6 minutes); never compare two readings with
    /// <c>&lt;</c>, use <see cref="Ticks.Diff"/> which is correct across the wrap for intervals shorter
    /// than 2^31 µs (about 35.8 minutes), exactly like MicroPython's <c>time.ticks_diff</c>.</para>
    /// <para>Implementations: <see cref="FakeClock"/> (tests and the simulator, stepped by hand), the host
    /// clock (a <c>Stopwatch</c>), and on the device the ESP32 high-resolution timer (1 µs) or the
    /// system clock elsewhere (see the device clock's documentation).</para>
    /// </remarks>
    public interface IClock
    {
        /// <summary>Microseconds since an arbitrary start, modulo 2^32.</summary>
        uint NowMicros { get; }
    }
}
