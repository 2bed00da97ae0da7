namespace NanoIrq
{
    /// <summary>
    /// The multi-producer form of <see cref="EdgeRing"/>: any number of threads may write (several edge
    /// sources, timers, a simulator), one thread reads. Writers are serialised by a private lock held only
    /// for the few field stores of one write; the reader takes no lock.
    /// </summary>
    /// <remarks>
    /// <para>Writers deliberately do not go through <see cref="CriticalSection"/>: an edge source must be
    /// able to queue an edge while user code holds the section (that is how edges wait instead of being
    /// lost), so it may only ever wait for another writer's few instructions, never for user code.</para>
    /// <para>Same capacity, policy, counters and invariants as <see cref="EdgeRing"/>; order between two
    /// writers is the order in which they took the lock. Allocation-free after construction (a
    /// <c>lock</c> on a preallocated object allocates nothing on either runtime).</para>
    /// </remarks>
    public sealed class SharedEdgeRing
    {
        private readonly EdgeRing _ring;
        private readonly object _writers = new object();

        /// <summary>Creates an empty ring; arguments as for <see cref="EdgeRing(int, OverflowPolicy)"/>.</summary>
        /// <param name="capacity">Edges, in [1, <see cref="SpscRing.MaxCapacity"/>] (16,777,216); at least 2 with <see cref="OverflowPolicy.Overwrite"/>.</param>
        /// <param name="policy">What a write does when the ring is full: Reject, DropOldest or Overwrite.</param>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="policy"/> is out of range.</exception>
        public SharedEdgeRing(int capacity, OverflowPolicy policy)
        {
            _ring = new EdgeRing(capacity, policy);
        }

        /// <summary>Edges the ring can hold, fixed at construction, in [1, <see cref="SpscRing.MaxCapacity"/>].</summary>
        public int Capacity
        {
            get { return _ring.Capacity; }
        }

        /// <summary>The overflow policy chosen at construction.</summary>
        public OverflowPolicy Policy
        {
            get { return _ring.Policy; }
        }

        /// <summary>Edges stored now, in [0, <see cref="Capacity"/>] (a snapshot).</summary>
        public int Count
        {
            get { return _ring.Count; }
        }

        /// <summary>Free slots now: <see cref="Capacity"/> - <see cref="Count"/>.</summary>
        public int Free
        {
            get { return _ring.Free; }
        }

        /// <summary>Edges offered by all writers since construction, including refused ones (wraps modulo 2^32).</summary>
        public int Written
        {
            get { return _ring.Written; }
        }

        /// <summary>Edges taken by the reader since construction (wraps modulo 2^32).</summary>
        public int ReadCount
        {
            get { return _ring.ReadCount; }
        }

        /// <summary>Edges given up since construction, by the policy or by <see cref="Clear"/> (wraps modulo 2^32); <c>Written == ReadCount + Dropped + Count</c> whenever no call is in progress.</summary>
        public int Dropped
        {
            get { return _ring.Dropped; }
        }

        /// <summary>Largest <see cref="Count"/> seen right after a write since construction, in [0, <see cref="Capacity"/>].</summary>
        public int HighWater
        {
            get { return _ring.HighWater; }
        }

        /// <summary>Any thread: stores <paramref name="edge"/>; same result as <see cref="EdgeRing.TryWrite(EdgeRecord)"/>. Waits only for another writer's write.</summary>
        public bool TryWrite(EdgeRecord edge)
        {
            lock (_writers)
            {
                return _ring.TryWrite(edge);
            }
        }

        /// <summary>The single reader: takes the oldest edge into <paramref name="into"/>; false when empty (see <see cref="EdgeRing.TryRead"/>).</summary>
        public bool TryRead(EdgeRecord into)
        {
            return _ring.TryRead(into);
        }

        /// <summary>The single reader: copies the oldest edge into <paramref name="into"/> without taking it; false when empty.</summary>
        public bool TryPeek(EdgeRecord into)
        {
            return _ring.TryPeek(into);
        }

        /// <summary>The single reader: takes up to <paramref name="count"/> of the oldest edges into <paramref name="buffer"/>; see <see cref="EdgeRing.Read"/>.</summary>
        /// <exception cref="System.ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="offset"/> is outside [0, buffer.Length] or <paramref name="count"/> outside [0, buffer.Length - offset]; nothing stored or counted changes.</exception>
        public int Read(EdgeRecord[] buffer, int offset, int count)
        {
            return _ring.Read(buffer, offset, count);
        }

        /// <summary>The single reader: discards every stored edge, counting each as dropped; returns how many, in [0, <see cref="Capacity"/>].</summary>
        public int Clear()
        {
            return _ring.Clear();
        }
    }
}
