using System;
#if NANOIRQ_HOST
using System.Threading;
#endif

namespace NanoIrq
{
    /// <summary>
    /// The dispatcher's queue of posted edges: first in, first out, a fixed capacity, a full inbox refuses the new
    /// edge (counted), written by one poster at a time (the dispatcher's post lock) and read by one poller at a time
    /// (its dispatch gate), without a lock between the two.
    /// </summary>
    /// <remarks>
    /// <para>An edge is four ints of one preallocated array (pin, level and late flags, time, sequence); writing and
    /// reading are one call each with no call inside, because each call is what costs on the nanoFramework interpreter.
    /// Memory ordering on the host CLR: the writer fills the slot, then publishes the tail with a release store; the
    /// reader loads the tail with an acquire load before the slot, and hands the slot back by publishing the head
    /// (release) after copying it. On nanoCLR all managed threads run on one native thread, so plain accesses are
    /// ordered already.</para>
    /// <para>Counters wrap modulo 2^32: <c>Written == ReadCount + Dropped + Count</c> whenever no call is in progress.</para>
    /// </remarks>
    internal sealed class EdgeInbox
    {
        private const int LevelFlag = 1;
        private const int LateFlag = 2;

        private readonly int[] _words;
        private readonly int _capacity;
        private readonly int _mask;

        // Writer side.
        private int _tail;
        private int _dropped;
        private int _highWater;

        // Reader side.
        private int _head;

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
            _mask = slots - 1;
            _words = new int[slots * 4];
        }

        internal int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Edges queued now (a snapshot from any thread).</summary>
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

        /// <summary>Writer: queues one edge; false (counted in <see cref="Dropped"/>) when the inbox is full.</summary>
        internal bool Write(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            int tail = _tail;
#if NANOIRQ_HOST
            int used = tail - Volatile.Read(ref _head);
#else
            int used = tail - _head;
#endif
            if (used >= _capacity)
            {
                _dropped++;
                return false;
            }

            int i = (tail & _mask) << 2;
            int[] words = _words;
            words[i] = pin;
            words[i + 1] = (level ? LevelFlag : 0) | (stampIsLate ? LateFlag : 0);
            words[i + 2] = unchecked((int)timeMicros);
            words[i + 3] = unchecked((int)sequence);
#if NANOIRQ_HOST
            Volatile.Write(ref _tail, tail + 1);
#else
            _tail = tail + 1;
#endif
            if (used >= _highWater)
            {
                _highWater = used + 1;
            }

            return true;
        }

        /// <summary>Reader: takes the oldest edge into <paramref name="into"/>; false, and <paramref name="into"/> unchanged, when empty.</summary>
        internal bool Read(EdgeRecord into)
        {
            int head = _head;
#if NANOIRQ_HOST
            if (head == Volatile.Read(ref _tail))
#else
            if (head == _tail)
#endif
            {
                return false;
            }

            int i = (head & _mask) << 2;
            int[] words = _words;
            int flags = words[i + 1];
            into._pin = words[i];
            into._level = (flags & LevelFlag) != 0;
            into._time = unchecked((uint)words[i + 2]);
            into._sequence = unchecked((uint)words[i + 3]);
            into._late = (flags & LateFlag) != 0;
#if NANOIRQ_HOST
            Volatile.Write(ref _head, head + 1);
#else
            _head = head + 1;
#endif
            return true;
        }
    }
}
