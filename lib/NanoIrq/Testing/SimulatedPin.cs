using System;

namespace NanoIrq.Testing
{
    /// <summary>
    /// One virtual input pin of a <see cref="SimulatedEdgeSource"/>: tests and the simulator set its level; each
    /// change while the pin is open becomes an edge stamped with the dispatcher's clock.
    /// </summary>
    /// <remarks>Get it with <see cref="SimulatedEdgeSource.Pin"/>. A pin that was never driven reads high when opened
    /// with <see cref="PinPull.Up"/> and low otherwise, like a floating input with that pull.</remarks>
    public sealed class SimulatedPin
    {
        private readonly SimulatedEdgeSource _source;
        private readonly IrqDispatcher _dispatcher;
        private readonly IClock _clock;
        private readonly int _number;
        private bool _level;
        private bool _driven;
        private bool _open;
        private uint _sequence;

        internal SimulatedPin(SimulatedEdgeSource source, int number)
        {
            _source = source;
            _dispatcher = source.Dispatcher;
            _clock = _dispatcher.Clock;
            _number = number;
        }

        /// <summary>GPIO number of this virtual pin.</summary>
        public int Number
        {
            get { return _number; }
        }

        /// <summary>Current physical level: true for high.</summary>
        public bool Level
        {
            get { return _level; }
        }

        /// <summary>True while an <see cref="IrqPin"/> has this pin open (only then do changes become edges).</summary>
        public bool IsOpen
        {
            get { return _open; }
        }

        /// <summary>Edges reported since the pin was last opened: the <see cref="EdgeRecord.Sequence"/> of the latest one.</summary>
        public uint Sequence
        {
            get { return _sequence; }
        }

        /// <summary>
        /// Sets the level now. A change while the pin is open posts one edge (time = clock now, next sequence number,
        /// <see cref="EdgeRecord.StampIsLate"/> false); driving the level the pin already has does nothing.
        /// </summary>
        /// <returns>True when an edge was produced (it may still be dropped by a full ring: see <see cref="IrqStats.Dropped"/>).</returns>
        public bool Drive(bool level)
        {
            _driven = true;
            if (level == _level)
            {
                return false;
            }

            _level = level;
            if (!_open)
            {
                return false;
            }

            _sequence = unchecked(_sequence + 1);
            _dispatcher.Post(_number, level, _clock.NowMicros, _sequence, false);
            return true;
        }

        /// <summary>Drives the opposite level now and back again at the same µs: a zero-width glitch, two edges.</summary>
        public void Glitch()
        {
            bool level = _level;
            Drive(!level);
            Drive(level);
        }

        internal void Open(PinPull pull)
        {
            if (!_driven)
            {
                _level = pull == PinPull.Up;
            }

            _sequence = 0;
            _open = true;
        }

        internal void Close()
        {
            _open = false;
        }
    }
}
