namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// Benchmark-only value type carrying the same payload as an <see cref="EdgeRecord"/> (pin, level, time,
    /// sequence, late-stamp flag, in the field order the former <c>EdgeRecord</c> struct had), for the BCL
    /// contenders (<see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/> and the bounded
    /// <see cref="System.Threading.Channels.Channel{T}"/>).
    /// </summary>
    /// <remarks>
    /// It exists to keep the comparison fair: <see cref="EdgeRecord"/> is now a reusable class, and queuing it in a
    /// BCL queue would mean allocating one instance per item (a queue keeps references, so a single reused record
    /// cannot be queued). The rings store the fields by value and allocate nothing per item; the BCL queues of this
    /// struct do the same, so every contender moves the same bytes without per-item allocation.
    /// </remarks>
    public readonly struct EdgeValue
    {
        /// <summary>GPIO number the edge happened on.</summary>
        public readonly int Pin;

        /// <summary>Pin level after the edge: true for high.</summary>
        public readonly bool Level;

        /// <summary>When the edge happened, in µs.</summary>
        public readonly uint TimeMicros;

        /// <summary>Per-pin edge count.</summary>
        public readonly uint Sequence;

        /// <summary>True when <see cref="TimeMicros"/> is a late (managed-side) stamp.</summary>
        public readonly bool StampIsLate;

        public EdgeValue(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            Pin = pin;
            Level = level;
            TimeMicros = timeMicros;
            Sequence = sequence;
            StampIsLate = stampIsLate;
        }
    }
}
