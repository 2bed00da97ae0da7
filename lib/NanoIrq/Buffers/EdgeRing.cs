using System;

namespace NanoIrq
{
    /// <summary>
    /// A fixed-capacity queue of <see cref="EdgeRecord"/>s between one producer (an edge source) and one
    /// consumer (the dispatcher or the main loop), safe without locks, allocation-free after construction,
    /// with an explicit <see cref="OverflowPolicy"/> and counters for everything it gives up.
    /// </summary>
    /// <remarks>
    /// <para>Records are stored field by field in parallel preallocated arrays (13 bytes per slot: pin,
    /// time, sequence and a flags byte), never as objects. Capacity is fixed at construction, in
    /// [1, <see cref="MaxCapacity"/>] (at least 2 with <see cref="OverflowPolicy.Overwrite"/>).</para>
    /// <para><b>Threads.</b> At most one thread calls <see cref="TryWrite"/> at a time (the producer) and at
    /// most one thread calls <see cref="TryRead"/>, <see cref="TryPeek"/> and <see cref="Clear"/> (the
    /// consumer); the two may run concurrently with no lock. Counters and <see cref="Count"/> may be read from
    /// any thread (a snapshot). For several producers use <see cref="SharedEdgeRing"/>.</para>
    /// <para><b>Why no lock is needed.</b> The producer fills a slot, then publishes the new tail with an
    /// interlocked exchange (a full fence on the host CLR); the consumer reads the tail with an interlocked
    /// read before copying the slot, and hands the slot back by publishing the head with an interlocked
    /// operation after copying. Under DropOldest the producer discards the oldest item by a compare-and-swap
    /// on the head, and the consumer commits each read with a compare-and-swap, retrying when the item it
    /// copied was discarded meanwhile. Under Overwrite the newest slot is rewritten inside a sequence lock
    /// that the consumer checks. On the nanoFramework interpreter, threads switch only between IL
    /// instructions on one core, so the same ordering holds trivially and the Interlocked calls keep each
    /// read-modify-write whole. The full argument is written next to the index code.</para>
    /// <para><b>Counters</b> wrap modulo 2^32 like the tick counter. <see cref="Written"/> counts every item
    /// offered to <see cref="TryWrite"/>, accepted or not, so that
    /// <c>Written == ReadCount + Dropped + Count</c> whenever neither side is in the middle of a call.</para>
    /// </remarks>
    public sealed class EdgeRing
    {
        /// <summary>Largest capacity accepted: 16,777,216 records (2^24).</summary>
        public const int MaxCapacity = RingIndex.MaxCapacity;

        private const byte LevelFlag = 1;
        private const byte LateFlag = 2;

        private readonly RingIndex _index;
        private readonly int[] _pins;
        private readonly uint[] _times;
        private readonly uint[] _sequences;
        private readonly byte[] _flags;

        /// <summary>Creates an empty ring holding up to <paramref name="capacity"/> edges.</summary>
        /// <param name="capacity">Slots, in [1, <see cref="MaxCapacity"/>]; at least 2 with <see cref="OverflowPolicy.Overwrite"/>.</param>
        /// <param name="policy">What a write does when the ring is full.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="policy"/> is out of range.</exception>
        public EdgeRing(int capacity, OverflowPolicy policy)
        {
            _index = new RingIndex(capacity, policy);
            _pins = new int[capacity];
            _times = new uint[capacity];
            _sequences = new uint[capacity];
            _flags = new byte[capacity];
        }

        /// <summary>Tests only: see <see cref="RingIndex.StartAt"/>; returns the position modulus.</summary>
        internal int StartBelowWrap(int itemsBeforeWrap)
        {
            _index.StartAt(_index.Modulus - itemsBeforeWrap);
            return _index.Modulus;
        }

        /// <summary>Slots, fixed at construction.</summary>
        public int Capacity
        {
            get { return _index.Capacity; }
        }

        /// <summary>The overflow policy chosen at construction.</summary>
        public OverflowPolicy Policy
        {
            get { return _index.Policy; }
        }

        /// <summary>Edges stored now, in [0, <see cref="Capacity"/>] (a snapshot when read from a third thread).</summary>
        public int Count
        {
            get { return _index.Count; }
        }

        /// <summary>Free slots now: <see cref="Capacity"/> - <see cref="Count"/>.</summary>
        public int Free
        {
            get { return _index.Capacity - _index.Count; }
        }

        /// <summary>Edges offered to <see cref="TryWrite"/> since construction, including refused ones (wraps modulo 2^32).</summary>
        public int Written
        {
            get { return _index.Written; }
        }

        /// <summary>Edges taken by <see cref="TryRead"/> since construction (wraps modulo 2^32).</summary>
        public int ReadCount
        {
            get { return _index.ReadCount; }
        }

        /// <summary>Edges given up since construction: refused (Reject), discarded (DropOldest), replaced (Overwrite) or cleared by <see cref="Clear"/>.</summary>
        public int Dropped
        {
            get { return _index.Dropped; }
        }

        /// <summary>Largest <see cref="Count"/> seen right after a write since construction, in [0, <see cref="Capacity"/>].</summary>
        public int HighWater
        {
            get { return _index.HighWater; }
        }

        /// <summary>
        /// Producer: stores <paramref name="edge"/>. Returns false only under <see cref="OverflowPolicy.Reject"/>
        /// with the ring full (the edge is counted in <see cref="Dropped"/> and nothing stored changes); under
        /// DropOldest and Overwrite a full ring gives up one older edge instead (counted) and returns true.
        /// Never blocks, never allocates.
        /// </summary>
        public bool TryWrite(EdgeRecord edge)
        {
            int slot = _index.BeginWrite();
            if (slot < 0)
            {
                return false;
            }

            _pins[slot] = edge.Pin;
            _times[slot] = edge.TimeMicros;
            _sequences[slot] = edge.Sequence;
            _flags[slot] = (byte)((edge.Level ? LevelFlag : 0) | (edge.StampIsLate ? LateFlag : 0));
            _index.EndWrite();
            return true;
        }

        /// <summary>Consumer: takes the oldest edge; false (and <c>default</c>) when the ring is empty. Never blocks, never allocates.</summary>
        public bool TryRead(out EdgeRecord edge)
        {
            while (true)
            {
                int slot = _index.BeginRead();
                if (slot < 0)
                {
                    edge = new EdgeRecord();
                    return false;
                }

                edge = Copy(slot);
                if (_index.EndRead())
                {
                    return true;
                }
            }
        }

        /// <summary>Consumer: the oldest edge without taking it; false (and <c>default</c>) when the ring is empty.</summary>
        public bool TryPeek(out EdgeRecord edge)
        {
            while (true)
            {
                int slot = _index.BeginRead();
                if (slot < 0)
                {
                    edge = new EdgeRecord();
                    return false;
                }

                edge = Copy(slot);
                if (_index.ValidatePeek())
                {
                    return true;
                }
            }
        }

        /// <summary>Consumer: discards every stored edge, counting each in <see cref="Dropped"/>.</summary>
        public void Clear()
        {
            _index.Clear();
        }

        private EdgeRecord Copy(int slot)
        {
            byte flags = _flags[slot];
            return new EdgeRecord(_pins[slot], (flags & LevelFlag) != 0, _times[slot], _sequences[slot], (flags & LateFlag) != 0);
        }
    }
}
