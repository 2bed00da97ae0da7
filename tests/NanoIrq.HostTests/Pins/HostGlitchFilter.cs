using NanoIrq;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>Test stage: drops an edge that follows the previous raw edge by less than a minimum width, emits the rest at once.</summary>
    internal sealed class HostGlitchFilter : IEdgeFilter
    {
        private readonly int _minWidth;
        private bool _any;
        private uint _last;

        public HostGlitchFilter(int minWidthMicros)
        {
            _minWidth = minWidthMicros;
        }

        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            bool narrow = _any && Ticks.Diff(edge.TimeMicros, _last) < _minWidth;
            _any = true;
            _last = edge.TimeMicros;
            if (!narrow)
            {
                output.Emit(edge);
            }
        }

        public void Tick(uint nowMicros, IEdgeSink output)
        {
        }

        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = 0;
            return false;
        }
    }
}
