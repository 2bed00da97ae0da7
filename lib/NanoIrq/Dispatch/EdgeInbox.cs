using System;

namespace NanoIrq
{
    /// <summary>
    /// The dispatcher's queue of posted edges: first in, first out, a fixed capacity, a full inbox refuses the new
    /// edge (counted). Any number of sources write at once without a lock; one poller reads (the dispatch gate).
    /// </summary>
    /// <remarks>
    /// <para><b>Layout.</b> An edge is one slot: three ints of a preallocated array (pin &lt;&lt; 2 | late flag | level
    /// flag, time, sequence), the <see cref="Irq"/> it was posted for, and the slot's turn number. Nothing is allocated after
    /// construction and no struct is ever copied, because on the nanoFramework interpreter each by-value copy is a heap
    /// block and each call costs: the dispatcher reads slots directly (<see cref="_words"/>, <see cref="_owners"/>).</para>
    /// <para><b>Where the code is.</b> The writer is <see cref="IrqDispatcher.Post(int, bool, uint, uint, bool)"/> and the
    /// reader the dispatcher's poll loop: both are written out there, on this class's fields, because on nanoCLR a call
    /// costs about as much as ten field reads (about 1,000 native instructions) and each runs once per edge.</para>
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
        /// <summary>Bit of a slot's first word (which holds pin &lt;&lt; 2 and the flags): the level after the edge is high.</summary>
        internal const int LevelFlag = 1;

        /// <summary>Bit of a slot's first word: the stamp was taken late (see <see cref="EdgeRecord.StampIsLate"/>).</summary>
        internal const int LateFlag = 2;

        /// <summary>Three words per slot: pin &lt;&lt; 2 with the flags, time (µs, as uint), sequence (as uint).</summary>
        internal readonly int[] _words;

        /// <summary>The Irq each queued edge was posted for (null once read).</summary>
        internal readonly Irq[] _owners;

        /// <summary>Per slot: the position it is free for (writers), or that position + 1 once filled (the reader).</summary>
        internal readonly int[] _turns;
        internal readonly int _capacity;
        internal readonly int _mask;
        internal readonly int _slots;

        // Writers: the next position to claim (compare-and-swap).
        internal int _tail;
        internal int _dropped;
        internal int _highWater;

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
            _words = new int[slots * 3];
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
    }
}
