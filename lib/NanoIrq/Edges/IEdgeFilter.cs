namespace NanoIrq
{
    /// <summary>
    /// A stage between an edge source and a handler: a pure state machine fed edges and time.
    /// </summary>
    /// <remarks>
    /// Debouncers, the glitch filter and gesture detectors implement this. A filter never sleeps, never
    /// reads a pin and never reads a clock: time comes in with each edge (<see cref="EdgeRecord.TimeMicros"/>)
    /// and through <see cref="Tick"/>. The dispatcher calls <see cref="Tick"/> no later than the deadline
    /// reported by <see cref="TryGetDeadline"/> (it may call it earlier or more often; a filter must
    /// tolerate that). Implementations allocate nothing after construction.
    /// <para>Edges are lent, not given: the <see cref="EdgeRecord"/> passed to <see cref="Feed"/> and to
    /// <see cref="IEdgeSink.Emit"/> is valid during the call only (its owner refills it with the next edge). A filter that
    /// holds an edge copies it into a record of its own (<see cref="EdgeRecord.CopyFrom"/>) and emits a record of its own
    /// (<see cref="EdgeRecord.Set"/>), filled in place each time.</para>
    /// </remarks>
    public interface IEdgeFilter
    {
        /// <summary>Feeds one raw edge; the filter emits zero or more edges to <paramref name="output"/> now.</summary>
        void Feed(EdgeRecord edge, IEdgeSink output);

        /// <summary>Time has reached <paramref name="nowMicros"/>: emit whatever became due (e.g. a quiet-time timeout).</summary>
        void Tick(uint nowMicros, IEdgeSink output);

        /// <summary>True and the next time <see cref="Tick"/> is needed, when the filter waits on time; false when idle.</summary>
        bool TryGetDeadline(out uint deadlineMicros);
    }

    /// <summary>Receives edges emitted by an <see cref="IEdgeFilter"/>.</summary>
    public interface IEdgeSink
    {
        /// <summary>One edge out of the filter (its time is when the filter decided, or the original edge time: see the filter).</summary>
        void Emit(EdgeRecord edge);
    }
}
