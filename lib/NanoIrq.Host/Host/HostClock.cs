using System.Diagnostics;

namespace NanoIrq
{
    /// <summary>
    /// The host's µs clock: <see cref="Stopwatch"/> (monotonic, typically 1 ns resolution on Linux),
    /// truncated to a wrapping 32-bit µs counter. Host only; the device uses its own clock.
    /// </summary>
    public sealed class HostClock : IClock
    {
        private static readonly double MicrosPerTick = 1000000.0 / Stopwatch.Frequency;

        /// <inheritdoc />
        public uint NowMicros
        {
            get { return unchecked((uint)(long)(Stopwatch.GetTimestamp() * MicrosPerTick)); }
        }
    }
}
