namespace NanoIrq.Native
{
    /// <summary>
    /// A snapshot of one captured pin's native counters (all wrap modulo 2^32). Once everything queued has been
    /// read: <c>Seen == Delivered + Filtered + Pending + Dropped</c>.
    /// </summary>
    public sealed class NativePinCounters
    {
        /// <summary>Edges the interrupt saw (the last sequence number handed out).</summary>
        public uint Seen { get; private set; }

        /// <summary>Debounced records handed to C#.</summary>
        public uint Delivered { get; private set; }

        /// <summary>Records absorbed by the native debouncer.</summary>
        public uint Filtered { get; private set; }

        /// <summary>1 while the debouncer holds a record waiting for its window, else 0.</summary>
        public uint Pending { get; private set; }

        /// <summary>Edges refused because the native ring was full (never delivered, visible as a sequence gap).</summary>
        public uint Dropped { get; private set; }

        /// <summary>Interrupts that found the level unchanged: the hardware merged at least one edge pair.</summary>
        public uint Overrun { get; private set; }

        /// <summary>Hard actions performed.</summary>
        public uint Hard { get; private set; }

        /// <summary>Copies the 7 values in the native order (seen, delivered, filtered, pending, dropped, overrun, hard).</summary>
        internal void Load(uint[] values)
        {
            Seen = values[0];
            Delivered = values[1];
            Filtered = values[2];
            Pending = values[3];
            Dropped = values[4];
            Overrun = values[5];
            Hard = values[6];
        }
    }
}
