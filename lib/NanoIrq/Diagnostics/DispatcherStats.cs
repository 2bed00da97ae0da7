namespace NanoIrq
{
    /// <summary>
    /// The counters of one <see cref="IrqDispatcher"/> (<see cref="IrqDispatcher.Stats"/>): how full its ring is and was,
    /// what it refused, and the edges it could not hand to an Irq. Live: read it any time, nothing is copied.
    /// </summary>
    /// <remarks>
    /// <para>Ring counters wrap modulo 2^32 and keep <c>RingWritten == RingReadCount + RingCount + RingDropped</c>
    /// whenever no post or poll is in progress. <see cref="RingDropped"/> is the sum of the <see cref="IrqStats.Dropped"/>
    /// of every Irq the dispatcher served, <see cref="Discarded"/> the sum of their <see cref="IrqStats.Discarded"/>.
    /// Example: <c>Debug.WriteLine(dispatcher.Stats.ToString())</c> prints
    /// <c>ring 0 of 256 (high 15) written 178 read 178 dropped 0 unrouted 0 discarded 0</c>.</para>
    /// </remarks>
    public sealed class DispatcherStats
    {
        private readonly EdgeInbox _inbox;

        // Any posting thread (Interlocked).
        internal int _unrouted;

        // The dispatching thread.
        internal int _discarded;

        internal DispatcherStats(EdgeInbox inbox)
        {
            _inbox = inbox;
        }

        /// <summary>Edges queued now and not yet taken by a poll, in [0, <see cref="IrqDispatcher.RingCapacity"/>]; a snapshot when read
        /// from a thread other than the dispatching one.</summary>
        public int RingCount
        {
            get { return _inbox.Count; }
        }

        /// <summary>Largest <see cref="RingCount"/> seen right after a post since construction, in [0, <see cref="IrqDispatcher.RingCapacity"/>]:
        /// when it reaches the capacity, edges were (or nearly were) refused.</summary>
        public int RingHighWater
        {
            get { return _inbox.HighWater; }
        }

        /// <summary>Edges refused because the ring was full since construction (policy Reject: earlier edges are kept); the
        /// sum of the <see cref="IrqStats.Dropped"/> of every Irq this dispatcher served. Wraps modulo 2^32.</summary>
        public int RingDropped
        {
            get { return _inbox.Dropped; }
        }

        /// <summary>Edges offered to the ring since construction, stored or refused: <see cref="RingReadCount"/> +
        /// <see cref="RingCount"/> + <see cref="RingDropped"/>. Edges for a pin with no Irq never reach the ring (see
        /// <see cref="Unrouted"/>). Wraps modulo 2^32.</summary>
        public int RingWritten
        {
            get { return _inbox.Written; }
        }

        /// <summary>Edges taken out of the ring by polls since construction: dispatched to their Irq, or written off as
        /// <see cref="Discarded"/>. Wraps modulo 2^32.</summary>
        public int RingReadCount
        {
            get { return _inbox.ReadCount; }
        }

        /// <summary>Edges posted for a pin with no Irq (closed, or not yet given one): ignored, counted here.</summary>
        public int Unrouted
        {
            get { return _unrouted; }
        }

        /// <summary>
        /// Edges taken out of the ring unseen because the Irq they were queued for was disposed before they were
        /// dispatched (each is also counted in that Irq's <see cref="IrqStats.Discarded"/>): a pin disposed and reopened
        /// never receives the old pin's edges.
        /// </summary>
        public int Discarded
        {
            get { return _discarded; }
        }

        /// <summary>All counters on one line: <c>ring COUNT of CAPACITY (high N) written N read N dropped N unrouted N discarded N</c>.</summary>
        public override string ToString()
        {
            return "ring " + RingCount.ToString() + " of " + _inbox.Capacity.ToString() + " (high " + RingHighWater.ToString()
                + ") written " + RingWritten.ToString() + " read " + RingReadCount.ToString() + " dropped " + RingDropped.ToString()
                + " unrouted " + _unrouted.ToString() + " discarded " + _discarded.ToString();
        }
    }
}
