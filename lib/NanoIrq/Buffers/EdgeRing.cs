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
    /// <para><b>Threads.</b> At most one thread calls the TryWrite methods at a time (the producer) and at
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
        /// Producer: stores a copy of <paramref name="edge"/>'s fields. Returns false only under
        /// <see cref="OverflowPolicy.Reject"/> with the ring full (the edge is counted in <see cref="SpscRing.Dropped"/>
        /// and nothing stored changes); under DropOldest and Overwrite a full ring gives up one older edge instead
        /// (counted) and returns true. Never blocks, never allocates.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="edge"/> is null; nothing is stored or counted.</exception>
        public bool TryWrite(EdgeRecord edge)
        {
            if (edge == null)
            {
                throw new ArgumentNullException("edge");
            }

            return TryWrite(edge._pin, edge._level, edge._time, edge._sequence, edge._late);
        }

        /// <summary>Producer: stores one edge given by its fields (see <see cref="EdgeRecord"/>); the same as
        /// <see cref="TryWrite(EdgeRecord)"/> without a record object. Never blocks, never allocates.</summary>
        public bool TryWrite(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            int slot = BeginWrite();
            if (slot < 0)
            {
                return false;
            }

            int i = slot << 2;
            int flags = (level ? LevelFlag : 0) | (stampIsLate ? LateFlag : 0);
#if NANOIRQ_HOST
            // The slot is a masked position, so always inside the array: skip the bounds checks.
            ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), i);
            first = pin;
            Unsafe.Add(ref first, 1) = flags;
            Unsafe.Add(ref first, 2) = unchecked((int)timeMicros);
            Unsafe.Add(ref first, 3) = unchecked((int)sequence);
#else
            int[] words = _words;
            words[i] = pin;
            words[i + 1] = flags;
            words[i + 2] = unchecked((int)timeMicros);
            words[i + 3] = unchecked((int)sequence);
#endif
            EndWrite();
            return true;
        }

        /// <summary>Consumer: takes the oldest edge into <paramref name="into"/> (overwritten); false, and
        /// <paramref name="into"/> unchanged, when the ring is empty. Never blocks, never allocates.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null; nothing is taken.</exception>
        public bool TryRead(EdgeRecord into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    return false;
                }

                Fill(into, slot << 2);
                if (EndRead())
                {
                    return true;
                }
            }
        }

        /// <summary>
        /// Consumer: takes up to <paramref name="count"/> of the oldest edges, in order, into the records of
        /// <paramref name="buffer"/> from <paramref name="offset"/> on (each overwritten in place; a null element gets a
        /// new record, which allocates once), and returns how many (0 when empty), with one publication of the head for
        /// the whole batch. Elements past the returned count are left as they were. Never blocks; allocates only for
        /// null elements.
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
                    EdgeRecord into = buffer[offset + k];
                    if (into == null)
                    {
                        into = new EdgeRecord();
                        buffer[offset + k] = into;
                    }

                    Fill(into, i);
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

        /// <summary>Consumer: copies the oldest edge into <paramref name="into"/> without taking it; false, and
        /// <paramref name="into"/> unchanged, when the ring is empty. Never blocks, never allocates.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public bool TryPeek(EdgeRecord into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            while (true)
            {
                int slot = BeginRead();
                if (slot < 0)
                {
                    return false;
                }

                Fill(into, slot << 2);
                if (ValidatePeek())
                {
                    return true;
                }
            }
        }

        private void Fill(EdgeRecord into, int i)
        {
#if NANOIRQ_HOST
            ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), i);
            int flags = Unsafe.Add(ref first, 1);
            into._pin = first;
            into._level = (flags & LevelFlag) != 0;
            into._time = unchecked((uint)Unsafe.Add(ref first, 2));
            into._sequence = unchecked((uint)Unsafe.Add(ref first, 3));
            into._late = (flags & LateFlag) != 0;
#else
            int[] words = _words;
            int flags = words[i + 1];
            into._pin = words[i];
            into._level = (flags & LevelFlag) != 0;
            into._time = unchecked((uint)words[i + 2]);
            into._sequence = unchecked((uint)words[i + 3]);
            into._late = (flags & LateFlag) != 0;
#endif
        }
    }
}
