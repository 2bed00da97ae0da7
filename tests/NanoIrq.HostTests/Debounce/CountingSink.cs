using NanoIrq;

namespace NanoIrq.HostTests.Debounce
{
    /// <summary>Allocation-free sink: counts presses and releases and flags any out-of-order level.</summary>
    internal sealed class CountingSink : IEdgeSink
    {
        public bool ActiveLow = true;
        public bool LastLevel = true;
        public int Presses;
        public int Releases;
        public int Repeats;

        public void Emit(EdgeRecord edge)
        {
            if (edge.Level == LastLevel)
            {
                Repeats++;
            }

            LastLevel = edge.Level;
            if (edge.Level != ActiveLow)
            {
                Presses++;
            }
            else
            {
                Releases++;
            }
        }

        public void Reset()
        {
            Presses = 0;
            Releases = 0;
            Repeats = 0;
        }

        /// <summary>Feeds count edges with every deadline ticked exactly when due, then ticks up to end.</summary>
        // The record every fed edge is written into (a filter only borrows it, as from the dispatcher).
        private static readonly EdgeRecord Fed = new EdgeRecord();

        public static void Drive(IEdgeFilter filter, uint[] times, bool[] levels, int count, uint end, IEdgeSink sink, ref uint sequence)
        {
            uint due;
            for (int i = 0; i < count; i++)
            {
                while (filter.TryGetDeadline(out due) && !Ticks.IsBefore(times[i], due))
                {
                    filter.Tick(due, sink);
                }

                sequence++;
                filter.Feed(Fed.Set(4, levels[i], times[i], sequence, false), sink);
            }

            while (filter.TryGetDeadline(out due) && !Ticks.IsBefore(end, due))
            {
                filter.Tick(due, sink);
            }
        }
    }
}
