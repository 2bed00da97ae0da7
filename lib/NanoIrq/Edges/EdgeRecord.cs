namespace NanoIrq
{
    /// <summary>
    /// One edge on one pin: the unit that flows from an edge source through filters to a handler.
    /// </summary>
    /// <remarks>
    /// A value type of 16 bytes of payload; rings store its fields as four ints per slot of one preallocated array, so queuing an edge
    /// never allocates. <see cref="Sequence"/> counts every edge the source saw on that pin, starting at 1,
    /// wrapping modulo 2^32: a gap between two delivered records (<c>b.Sequence - a.Sequence - 1</c>,
    /// computed unchecked) is the number of edges lost or filtered in between.
    /// </remarks>
    public struct EdgeRecord
    {
        /// <summary>GPIO number the edge happened on.</summary>
        public readonly int Pin;

        /// <summary>Physical pin level after the edge: true for high, false for low.</summary>
        public readonly bool Level;

        /// <summary>When the edge happened, in µs on the source's <see cref="IClock"/> (wraps modulo 2^32).</summary>
        public readonly uint TimeMicros;

        /// <summary>Per-pin edge count at the source, 1 for the first edge, wrapping modulo 2^32.</summary>
        public readonly uint Sequence;

        /// <summary>
        /// True when <see cref="TimeMicros"/> is the time the edge reached managed code, not the time of the
        /// interrupt (stock nanoFramework firmware: the native stamp is discarded before C# sees it).
        /// </summary>
        public readonly bool StampIsLate;

        /// <summary>Creates an edge record.</summary>
        public EdgeRecord(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            Pin = pin;
            Level = level;
            TimeMicros = timeMicros;
            Sequence = sequence;
            StampIsLate = stampIsLate;
        }

        /// <summary>"pin 4 high @ 1234 µs #7" (allocates: for logs and tests, not for the hot path).</summary>
        public override string ToString()
        {
            return "pin " + Pin.ToString() + (Level ? " high @ " : " low @ ") + TimeMicros.ToString() + " µs #" + Sequence.ToString() + (StampIsLate ? " (late stamp)" : "");
        }
    }
}
