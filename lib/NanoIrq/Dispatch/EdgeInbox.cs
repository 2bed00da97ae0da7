using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// The dispatcher's queue of posted edges: first in, first out, a fixed capacity, a full inbox refuses the new
    /// edge (counted). Any number of sources write at once without a lock; one poller reads (the dispatch gate).
    /// </summary>
    /// <remarks>
    /// <para><b>Layout.</b> An edge is one slot: four ints of a preallocated array (pin, level and late flags, time,
    /// sequence), the <see cref="Irq"/> it was posted for, and the slot's turn number. Nothing is allocated after
    /// construction and no struct is ever copied, because on the nanoFramework interpreter each by-value copy is a heap
    /// block and each call costs: the dispatcher reads slots directly (<see cref="_words"/>, <see cref="_owners"/>).</para>
    /// <para><b>Writers.</b> A writer claims position <c>p</c> with one compare-and-swap of the tail when slot
    /// <c>p % slots</c> has turn <c>p</c> (free for that position), fills it, then sets the turn to <c>p + 1</c>
    /// (readable). The reader takes position <c>p</c> when the turn is <c>p + 1</c> and gives the slot back with turn
    /// <c>p + slots</c>. A writer that finds the slot not yet given back, or <see cref="Capacity"/> edges queued, refuses
    /// the edge. On the host CLR turns and the tail are published with release stores and read with acquire loads; on
    /// nanoCLR every managed thread runs on one native thread, so plain accesses are ordered already.</para>
    /// <para>Counters wrap modulo 2^32: <c>Written == ReadCount + Dropped + Count</c> whenever no call is in progress.</para>
    /// </remarks>
    internal sealed class EdgeInbox
    {
        /// <summary>Bit of word 1: the level after the edge is high.</summary>
        internal const int LevelFlag = 1;

        /// <summary>Bit of word 1: the stamp was taken late (see <see cref="EdgeRecord.StampIsLate"/>).</summary>
        internal const int LateFlag = 2;

        /// <summary>Four words per slot: pin, flags, time (µs, as uint), sequence (as uint).</summary>
        internal readonly int[] _words;

        /// <summary>The Irq each queued edge was posted for (null once read).</summary>
        internal readonly Irq[] _owners;

        private readonly int[] _turns;
        private readonly int _capacity;
        internal readonly int _mask;
        private readonly int _slots;

        // Writers: the next position to claim (compare-and-swap).
        private int _tail;
        private int _dropped;
        private int _highWater;

        // Reader: the next position to take.
        internal int _head;

        /// <summary>Creates an empty inbox for <paramref name="capacity"/> edges, in [1, <see cref="SpscRing.MaxCapacity"/>].</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is out of range (named "ringCapacity").</exception>
        internal EdgeInbox(int capacity)
        {
            if (capacity < 1 || capacity > SpscRing.MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("ringCapacity", "must be in [1, " + SpscRing.MaxCapacity.ToString() + "].");
            }

            int slots = 1;
            while (slots < capacity)
            {
                slots <<= 1;
            }

            _capacity = capacity;
            _slots = slots;
            _mask = slots - 1;
            _words = new int[slots * 4];
            _owners = new Irq[slots];
            _turns = new int[slots];
            for (int i = 0; i < slots; i++)
            {
                _turns[i] = i;
            }
        }

        internal int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Edges claimed and not yet read (a snapshot from any thread).</summary>
        internal int Count
        {
            get { return _tail - _head; }
        }

        internal int HighWater
        {
            get { return _highWater; }
        }

        internal int Dropped
        {
            get { return _dropped; }
        }

        internal int Written
        {
            get { return unchecked(_tail + _dropped); }
        }

        internal int ReadCount
        {
            get { return _head; }
        }

        /// <summary>
        /// Any writer: queues one edge for <paramref name="owner"/>, counting it in the owner's <c>_stored</c> before it
        /// becomes readable; false when full (counted in <see cref="Dropped"/> and the owner's <c>_dropped</c>).
        /// </summary>
        internal bool Write(Irq owner, int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            while (true)
            {
                int tail = _tail;
                int cell = tail & _mask;
#if NANOIRQ_HOST
                int turn = Volatile.Read(ref _turns[cell]);
                int used = tail - Volatile.Read(ref _head);
#else
                int turn = _turns[cell];
                int used = tail - _head;
#endif
                if (turn != tail || used >= _capacity)
                {
                    if (turn - tail > 0 || used < 0)
                    {
                        continue; // another writer claimed this position meanwhile: read the tail again
                    }

                    Interlocked.Increment(ref _dropped);
                    Interlocked.Increment(ref owner._dropped);
                    return false;
                }

                if (Interlocked.CompareExchange(ref _tail, tail + 1, tail) != tail)
                {
                    continue;
                }

                int i = cell << 2;
                int[] words = _words;
                words[i] = pin;
                words[i + 1] = (level ? LevelFlag : 0) | (stampIsLate ? LateFlag : 0);
                words[i + 2] = unchecked((int)timeMicros);
                words[i + 3] = unchecked((int)sequence);
                _owners[cell] = owner;
                owner._stored++;
                if (used >= _highWater)
                {
                    _highWater = used + 1;
                }

#if NANOIRQ_HOST
                Volatile.Write(ref _turns[cell], tail + 1);
#else
                _turns[cell] = tail + 1;
#endif
                return true;
            }
        }

        /// <summary>
        /// Reader: the oldest edge, into <paramref name="into"/>, and the Irq it was posted for; null, and
        /// <paramref name="into"/> unchanged, when none is readable (empty, or the oldest claimed slot is still being
        /// filled).
        /// </summary>
        internal Irq Read(EdgeRecord into)
        {
            int head = _head;
            int cell = head & _mask;
#if NANOIRQ_HOST
            if (Volatile.Read(ref _turns[cell]) != head + 1)
#else
            if (_turns[cell] != head + 1)
#endif
            {
                return null;
            }

            int i = cell << 2;
            int[] words = _words;
            int flags = words[i + 1];
            into._pin = words[i];
            into._level = (flags & LevelFlag) != 0;
            into._time = unchecked((uint)words[i + 2]);
            into._sequence = unchecked((uint)words[i + 3]);
            into._late = (flags & LateFlag) != 0;
            Irq owner = _owners[cell];
            _owners[cell] = null;
#if NANOIRQ_HOST
            Volatile.Write(ref _turns[cell], head + _slots);
            Volatile.Write(ref _head, head + 1);
#else
            _turns[cell] = head + _slots;
            _head = head + 1;
#endif
            return owner;
        }
    }
}
