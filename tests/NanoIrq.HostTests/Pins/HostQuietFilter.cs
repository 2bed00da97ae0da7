using NanoIrq;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>Test stage: passes the latest edge once no edge came for a quiet time (deadline-driven, at most one out per edge in).</summary>
    internal sealed class HostQuietFilter : IEdgeFilter
    {
        private readonly int _quiet;
        private bool _pending;
        private EdgeRecord _edge;
        private uint _deadline;

        public HostQuietFilter(int quietMicros)
        {
            _quiet = quietMicros;
        }

        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            _edge = edge;
            _pending = true;
            _deadline = Ticks.Add(edge.TimeMicros, _quiet);
        }

        public void Tick(uint nowMicros, IEdgeSink output)
        {
            if (_pending && Ticks.Diff(nowMicros, _deadline) >= 0)
            {
                _pending = false;
                output.Emit(_edge);
            }
        }

        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _deadline;
            return _pending;
        }
    }

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
