using System;
#if NANOIRQ_HOST
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace NanoIrq
{
    /// <summary>
    /// A fixed-capacity queue of <see cref="EdgeRecord"/>s between one producer (an edge source) and one
    /// consumer (the dispatcher or the main loop), safe without locks, allocation-free after construction,
    /// with an explicit <see cref="OverflowPolicy"/> and counters for everything it gives up.
    /// </summary>
    /// <remarks>
    /// <para>Records are stored as four ints per slot (pin, level and late-stamp flags, time, sequence: 16
    /// bytes, four slots per 64-byte cache line) in one preallocated array, never as objects. Capacity is
    /// fixed at construction, in [1, <see cref="SpscRing.MaxCapacity"/>] (at least 2 with
    /// <see cref="OverflowPolicy.Overwrite"/>).</para>
    /// <para><b>Threads.</b> At most one thread calls <see cref="TryWrite"/> at a time (the producer) and at
    /// most one thread calls <see cref="TryRead"/>, <see cref="Read"/>, <see cref="TryPeek"/> and
    /// <see cref="SpscRing.Clear"/> (the consumer); the two may run concurrently with no lock. Counters and
    /// <see cref="SpscRing.Count"/> may be read from any thread (a snapshot). For several producers use
    /// <see cref="SharedEdgeRing"/>. Why no lock is needed, on the host CLR and on the nanoFramework
    /// interpreter, is written in <see cref="SpscRing"/>'s remarks.</para>
    /// <para><b>Counters</b> wrap modulo 2^32 like the tick counter: <c>Written == ReadCount + Dropped + Count</c>
    /// whenever neither side is in the middle of a call.</para>
    /// </remarks>
    public sealed class EdgeRing : SpscRing
    {
        private const int LevelFlag = 1;
        private const int LateFlag = 2;

        private readonly int[] _words;

        /// <summary>Creates an empty ring holding up to <paramref name="capacity"/> edges (16 bytes of storage per slot of <see cref="SpscRing.StorageSlots"/>).</summary>
        /// <param name="capacity">Slots, in [1, <see cref="SpscRing.MaxCapacity"/>]; at least 2 with <see cref="OverflowPolicy.Overwrite"/>.</param>
        /// <param name="policy">What a write does when the ring is full.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="policy"/> is out of range.</exception>
        public EdgeRing(int capacity, OverflowPolicy policy)
            : base(capacity, policy)
        {
            _words = new int[StorageSlots * 4];
        }

        /// <summary>
        /// Producer: stores <paramref name="edge"/>. Returns false only under <see cref="OverflowPolicy.Reject"/>
        /// with the ring full (the edge is counted in <see cref="SpscRing.Dropped"/> and nothing stored changes);
        /// under DropOldest and Overwrite a full ring gives up one older edge instead (counted) and returns true.
        /// Never blocks, never allocates.
        /// </summary>
        public bool TryWrite(EdgeRecord edge)
        {
            int slot = BeginWrite();
            if (slot < 0)
            {
                return false;
            }

            int i = slot << 2;
            int flags = (edge.Level ? LevelFlag : 0) | (edge.StampIsLate ? LateFlag : 0);
#if NANOIRQ_HOST
            // The slot is a masked position, so always inside the array: skip the bounds checks.
            ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), i);
            first = edge.Pin;
            Unsafe.Add(ref first, 1) = flags;
            Unsafe.Add(ref first, 2) = unchecked((int)edge.TimeMicros);
            Unsafe.Add(ref first, 3) = unchecked((int)edge.Sequence);
#else
            int[] words = _words;
            words[i] = edge.Pin;
            words[i + 1] = flags;
            words[i + 2] = unchecked((int)edge.TimeMicros);
            words[i + 3] = unchecked((int)edge.Sequence);
#endif
            EndWrite();
            return true;
        }

        /// <summary>Consumer: takes the oldest edge; false (and <c>default</c>) when the ring is empty. Never blocks, never allocates.</summary>
        public bool TryRead(out EdgeRecord edge)
        {
            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    edge = new EdgeRecord();
                    return false;
                }

                edge = Copy(slot << 2);
                if (EndRead())
                {
                    return true;
                }
            }
        }

        /// <summary>
        /// Consumer: takes up to <paramref name="count"/> of the oldest edges, in order, into
        /// <paramref name="buffer"/> from <paramref name="offset"/> on, and returns how many (0 when empty), with
        /// one publication of the head for the whole batch. Elements past the returned count are left as they
        /// were. Never blocks, never allocates.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside [0, buffer.Length] or <paramref name="count"/> outside [0, buffer.Length - offset].</exception>
        public int Read(EdgeRecord[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || offset > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "must be in [0, " + buffer.Length.ToString() + "] (the buffer's length).");
            }

            if (count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count", "must be in [0, " + (buffer.Length - offset).ToString() + "] (buffer.Length - offset).");
            }

            while (true)
            {
                int available = AvailableForConsumer();
                int n = available < count ? available : count;
                if (n == 0)
                {
                    return 0;
                }

                BeginBulkRead(n);
                int i = HeadSlot << 2;
                int end = _words.Length;
                for (int k = 0; k < n; k++)
                {
                    buffer[offset + k] = Copy(i);
                    i += 4;
                    if (i == end)
                    {
                        i = 0;
                    }
                }

                if (CommitBulk(n))
                {
                    return n;
                }
            }
        }

        /// <summary>Consumer: the oldest edge without taking it; false (and <c>default</c>) when the ring is empty.</summary>
        public bool TryPeek(out EdgeRecord edge)
        {
            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    edge = new EdgeRecord();
                    return false;
                }

                edge = Copy(slot << 2);
                if (ValidatePeek())
                {
                    return true;
                }
            }
        }

        private EdgeRecord Copy(int i)
        {
#if NANOIRQ_HOST
            ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), i);
            int flags = Unsafe.Add(ref first, 1);
            return new EdgeRecord(first, (flags & LevelFlag) != 0, unchecked((uint)Unsafe.Add(ref first, 2)), unchecked((uint)Unsafe.Add(ref first, 3)), (flags & LateFlag) != 0);
#else
            int[] words = _words;
            int flags = words[i + 1];
            return new EdgeRecord(words[i], (flags & LevelFlag) != 0, unchecked((uint)words[i + 2]), unchecked((uint)words[i + 3]), (flags & LateFlag) != 0);
#endif
        }
    }
}
