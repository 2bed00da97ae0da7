using NanoIrq.Testing;

namespace NanoIrq.DeviceBench
{
    /// <summary>
    /// NanoIrq's pin path per edge: a simulated source on a <see cref="FakeClock"/> stamps the edge and posts it to
    /// the dispatcher's ring; every 8 edges <see cref="IrqDispatcher.Poll"/> routes the queued edges to their pins'
    /// Irqs, through the filter when there is one, to a counting handler. 4 pins, both edges, 7 µs apart.
    /// </summary>
    public sealed class NanoIrqLoop : EdgeLoop
    {
        /// <summary>No filter.</summary>
        public const int Plain = 0;

        /// <summary>The default quiet-time debouncer (20 ms, press and release) on each pin.</summary>
        public const int Debounced = 1;

        /// <summary>The default debouncer followed by a gesture detector (the ButtonCounter chain) on each pin.</summary>
        public const int Gestures = 2;

        private readonly string _name;
        private readonly FakeClock _clock = new FakeClock(0);
        private readonly IrqDispatcher _dispatcher;
        private readonly SimulatedPin[] _pins = new SimulatedPin[4];
        private int _handled;

        public NanoIrqLoop(int kind)
        {
            _name = kind == Plain ? "nanoirq" : kind == Debounced ? "debounced" : "gestures";
            _dispatcher = new IrqDispatcher(_clock);
            SimulatedEdgeSource source = new SimulatedEdgeSource(_dispatcher);
            for (int p = 0; p < 4; p++)
            {
                _pins[p] = source.Pin(15 + p);
                _pins[p].Drive(true);
                IrqOptions options = new IrqOptions();
                if (kind == Debounced)
                {
                    options.Filter = new QuietTimeDebouncer(true);
                }
                else if (kind == Gestures)
                {
                    options.Filter = new FilterChain(new QuietTimeDebouncer(true), new GestureDetector(true, OnGesture));
                }

                new IrqPin(source, 15 + p).Irq(OnEdge, IrqTrigger.Both, options);
            }
        }

        public override string Name
        {
            get { return _name; }
        }

        public override int Handled
        {
            get { return _handled; }
        }

        public override void Edge(int i)
        {
            _clock.Advance(7);
            SimulatedPin pin = _pins[i & 3];
            pin.Drive(!pin.Level);
            if ((i & 7) == 7)
            {
                _dispatcher.Poll();
            }
        }

        private void OnEdge(Irq irq, EdgeRecord edge)
        {
            _handled++;
        }

        private void OnGesture(GestureEvent gesture)
        {
            _handled++;
        }
    }
}
