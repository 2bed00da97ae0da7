using System;

namespace NanoIrq
{
    /// <summary>One recorded fault: who threw, what, and when (µs on the recording clock).</summary>
    public struct Fault
    {
        /// <summary>What was running: the handler's Irq, the scheduled callback, or whatever the recorder passed.</summary>
        public readonly object Source;

        /// <summary>The exception thrown (kept by reference, not copied).</summary>
        public readonly Exception Error;

        /// <summary>When it was caught, in µs on the recorder's <see cref="IClock"/> (wraps modulo 2^32).</summary>
        public readonly uint TimeMicros;

        /// <summary>Creates a fault record.</summary>
        public Fault(object source, Exception error, uint timeMicros)
        {
            Source = source;
            Error = error;
            TimeMicros = timeMicros;
        }
    }
}
