using NanoIrq;

namespace NFUnitTest.Debounce
{
    /// <summary>Test sink: keeps the first 256 edges a filter emits, in order.</summary>
    public sealed class EdgeLog : IEdgeSink
    {
        private readonly EdgeRecord[] _edges = new EdgeRecord[256];

        /// <summary>Edges emitted so far (those past 256 are counted, not kept).</summary>
        public int Count { get; private set; }

        /// <summary>Edge <paramref name="index"/>.</summary>
        public EdgeRecord this[int index]
        {
            get { return _edges[index]; }
        }

        /// <inheritdoc />
        public void Emit(EdgeRecord edge)
        {
            if (Count < _edges.Length)
            {
                _edges[Count] = edge.Clone();
            }

            Count++;
        }

        /// <summary>Forgets everything.</summary>
        public void Clear()
        {
            Count = 0;
        }

        /// <summary>Feeds a raw waveform (times and levels) on pin 4 the way the dispatcher does: every deadline due at
        /// or before an edge is ticked exactly at that deadline first; after the last edge the filter is ticked until
        /// idle or <paramref name="endMicros"/>.</summary>
        public static void Drive(IEdgeFilter filter, uint[] times, bool[] levels, int count, uint endMicros, IEdgeSink sink)
        {
            for (int i = 0; i < count; i++)
            {
                TickUntil(filter, times[i], sink);
                filter.Feed(new EdgeRecord(4, levels[i], times[i], (uint)(i + 1), false), sink);
            }

            TickUntil(filter, endMicros, sink);
        }

        /// <summary>Ticks <paramref name="filter"/> at each of its deadlines up to and including <paramref name="untilMicros"/>.</summary>
        public static void TickUntil(IEdgeFilter filter, uint untilMicros, IEdgeSink sink)
        {
            uint due;
            int guard = 0;
            while (filter.TryGetDeadline(out due) && !Ticks.IsBefore(untilMicros, due) && guard++ < 100000)
            {
                filter.Tick(due, sink);
            }
        }
    }
}
