namespace NanoIrq
{
    /// <summary>
    /// The counters of one <see cref="Irq"/> (<see cref="Irq.Stats"/>): every raw edge its pin reported and every edge its
    /// filter made up, by where it went. Live: the dispatcher updates this object in place, nothing is copied or allocated.
    /// </summary>
    /// <remarks>
    /// <para>Every raw edge the source produced for the pin while the Irq existed (<see cref="EdgesSeen"/>), and every
    /// extra edge its filter made up (<see cref="Synthesized"/>), is in exactly one of <see cref="Queued"/> (in the
    /// ring), <see cref="Dropped"/> (ring full), <see cref="Discarded"/> (still queued at Dispose),
    /// <see cref="DisabledSkipped"/>, <see cref="Filtered"/> (absorbed or held by the filter, or not selected by the
    /// trigger) and <see cref="Delivered"/>. So, read on the dispatching thread or while it is idle, for any filter:</para>
    /// <para><c>EdgesSeen + Synthesized == Delivered + Filtered + Dropped + DisabledSkipped + Discarded + Queued</c></para>
    /// <para>and every term is 0 or more. Without a filter, or with one that emits at most one edge per edge fed
    /// (debouncers, glitch filters), <see cref="Synthesized"/> stays 0; once the dispatcher is idle and the Irq alive,
    /// <see cref="Queued"/> and <see cref="Discarded"/> are 0.</para>
    /// <para>Counters are 32-bit and wrap after 2^31 - 1. Calls that are not edges are counted apart:
    /// <see cref="LevelCalls"/> (level triggers) and <see cref="Invoked"/> (<see cref="Irq.Invoke"/>); handler calls that
    /// threw in <see cref="Faults"/>. Example: <c>Debug.WriteLine(irq.Stats.ToString())</c> prints
    /// <c>seen 12 delivered 2 filtered 10 dropped 0 discarded 0 queued 0</c>.</para>
    /// </remarks>
    public sealed class IrqStats
    {
        // Written by the source posting for the pin (IrqDispatcher.Post), without a lock: one source per pin. Stored and
        // refused edges are counted apart, so that a refusal never moves Queued, even for a moment.
        internal int _stored;
        internal int _dropped;

        // Written under the dispatch gate: by Unregister and by the dispatcher for edges read after the Irq was disposed.
        internal int _discarded;

        // Written by the dispatching thread only.
        internal int _taken;
        internal int _delivered;
        internal int _notSelected;
        internal int _held;
        internal int _synthesized;
        internal int _disabledSkipped;
        internal int _levelCalls;
        internal int _invoked;
        internal int _faults;

        internal IrqStats()
        {
        }

        /// <summary>Raw edges the source reported on this pin since the Irq was created, including dropped ones.</summary>
        public int EdgesSeen
        {
            get { return _stored + _dropped; }
        }

        /// <summary>Handler calls caused by edges (after the filter and the trigger test).</summary>
        public int Delivered
        {
            get { return _delivered; }
        }

        /// <summary>
        /// Edges that did not reach the handler, never negative: those the filter absorbed (fed in and not yet matched by
        /// an edge out; includes an edge the filter still holds until its deadline), plus edges, raw or out of the filter,
        /// whose direction the trigger does not select.
        /// </summary>
        /// <remarks>The filter's output is matched against its input edge for edge: an edge out while edges fed in are
        /// unmatched takes one of them off <see cref="Filtered"/>; an edge out with none unmatched counts in
        /// <see cref="Synthesized"/> instead. Edges the filter still holds when the Irq is disposed stay here (not in
        /// <see cref="Discarded"/>): they were fed to the filter and never came out, and the filter is not ticked again.</remarks>
        public int Filtered
        {
            get { return _held + _notSelected; }
        }

        /// <summary>
        /// Edges the filter emitted beyond the edges it was fed (a hold-repeat, a pulse stretcher, a filter that emits a
        /// deferred edge of its own): they enter the counters here, so that the identity in the remarks holds.
        /// Always 0 without a filter and for filters that emit at most one edge per edge fed.
        /// </summary>
        public int Synthesized
        {
            get { return _synthesized; }
        }

        /// <summary>Edges lost because the dispatcher's ring was full when they arrived (seen as a gap in <see cref="EdgeRecord.Sequence"/>).</summary>
        public int Dropped
        {
            get { return _dropped; }
        }

        /// <summary>
        /// Edges still waiting in the dispatcher's ring when this Irq was disposed (not those its filter holds: see
        /// <see cref="Filtered"/>): written off at <see cref="Irq.Dispose"/>,
        /// never delivered, neither to this Irq nor to a later Irq opened on the same GPIO (the dispatcher takes them
        /// out of the ring unseen and counts them in <see cref="DispatcherStats.Discarded"/>). 0 while the Irq lives. An
        /// edge another thread posts while Dispose runs is written off when the dispatcher reads it, at its next poll.
        /// </summary>
        public int Discarded
        {
            get { return _discarded; }
        }

        /// <summary>
        /// Edges stored in the dispatcher's ring for this Irq and not yet dispatched: <c>EdgesSeen - Dropped - Discarded</c>
        /// minus those dispatched. 0 once the dispatcher is idle and after <see cref="Irq.Dispose"/> (until the next poll, 1 for
        /// an edge another thread posted while Dispose ran). Read from another thread
        /// it is a snapshot that may be off by an edge in flight.
        /// </summary>
        public int Queued
        {
            get { return _stored - _discarded - _taken; }
        }

        /// <summary>Edges dispatched while the Irq was disabled: counted, not delivered.</summary>
        public int DisabledSkipped
        {
            get { return _disabledSkipped; }
        }

        /// <summary>Handler calls made by a level trigger (entering the level with no edge selected, or repeating while it holds).</summary>
        public int LevelCalls
        {
            get { return _levelCalls; }
        }

        /// <summary>Handler calls made by <see cref="Irq.Invoke"/>.</summary>
        public int Invoked
        {
            get { return _invoked; }
        }

        /// <summary>Handler calls that threw (each recorded in <see cref="IrqDispatcher.Faults"/>).</summary>
        public int Faults
        {
            get { return _faults; }
        }

        /// <summary>The edge counters on one line: <c>seen N delivered N filtered N dropped N discarded N queued N</c>, then
        /// <c>synthesized</c>, <c>skipped</c>, <c>level calls</c>, <c>invoked</c> and <c>faults</c> when not 0.</summary>
        public override string ToString()
        {
            string text = "seen " + EdgesSeen.ToString() + " delivered " + _delivered.ToString() + " filtered " + Filtered.ToString()
                + " dropped " + _dropped.ToString() + " discarded " + _discarded.ToString() + " queued " + Queued.ToString();
            if (_synthesized != 0)
            {
                text += " synthesized " + _synthesized.ToString();
            }

            if (_disabledSkipped != 0)
            {
                text += " skipped " + _disabledSkipped.ToString();
            }

            if (_levelCalls != 0)
            {
                text += " level calls " + _levelCalls.ToString();
            }

            if (_invoked != 0)
            {
                text += " invoked " + _invoked.ToString();
            }

            if (_faults != 0)
            {
                text += " faults " + _faults.ToString();
            }

            return text;
        }
    }
}
