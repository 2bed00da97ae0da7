using NanoIrq.Testing;

namespace NanoIrq
{
    /// <summary>
    /// One digital output line, the smallest thing NanoIrq needs to drive: a debug pin for a logic analyser
    /// or oscilloscope, or an LED. On a device it wraps a GPIO opened as an output; in tests and the
    /// simulator <see cref="RecordingOutput"/> records each level with its time.
    /// </summary>
    /// <remarks>Implementations must not allocate in <see cref="Write"/>: it runs on handler entry and exit.</remarks>
    public interface IDigitalOutput
    {
        /// <summary>Drives the line high (true) or low (false).</summary>
        void Write(bool high);
    }
}
