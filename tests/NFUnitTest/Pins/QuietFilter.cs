using NanoIrq;

namespace NFUnitTest.Pins
{
    // Compiled for the device suite and linked into NanoIrq.HostTests (Pins/QuietFilter.cs): one quiet-time test stage.
    /// <summary>A quiet-time stage for tests: passes the last edge once no edge came for QuietMicros (deadline-driven).</summary>
    internal sealed class QuietFilter : IEdgeFilter
    {
        private readonly int _quiet;
        private bool _pending;
        private readonly EdgeRecord _edge = new EdgeRecord(); // a copy: the fed record is only lent
        private uint _deadline;

        public QuietFilter(int quietMicros)
        {
            _quiet = quietMicros;
        }

        public int TickCalls;

        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            _edge.CopyFrom(edge);
            _pending = true;
            _deadline = NanoIrq.Ticks.Add(edge.TimeMicros, _quiet);
        }

        public void Tick(uint nowMicros, IEdgeSink output)
        {
            TickCalls++;
            if (_pending && NanoIrq.Ticks.Diff(nowMicros, _deadline) >= 0)
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
}
