using System;

namespace NanoIrq
{
    /// <summary>
    /// A clock that moves only when told to: the clock of every test and of the simulator.
    /// </summary>
    /// <remarks>Starts at <c>startMicros</c> (default 0); <see cref="Advance"/> wraps modulo 2^32 like a
    /// real counter, so roll-over can be tested by starting a few µs before 2^32.</remarks>
    public sealed class FakeClock : IClock
    {
        private uint _now;

        /// <summary>Creates a fake clock reading <paramref name="startMicros"/>.</summary>
        public FakeClock(uint startMicros)
        {
            _now = startMicros;
        }

        /// <summary>Creates a fake clock reading 0.</summary>
        public FakeClock() : this(0)
        {
        }

        /// <inheritdoc />
        public uint NowMicros
        {
            get { return _now; }
        }

        /// <summary>Moves the clock forward by <paramref name="micros"/> µs (wrapping modulo 2^32).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="micros"/> is negative: time never runs backwards.</exception>
        public void Advance(int micros)
        {
            if (micros < 0)
            {
                throw new ArgumentOutOfRangeException("micros", "must be >= 0 µs: a clock never runs backwards.");
            }

            _now = unchecked(_now + (uint)micros);
        }

        /// <summary>Moves the clock forward by <paramref name="millis"/> ms.</summary>
        public void AdvanceMillis(int millis)
        {
            Advance(Ticks.FromMillis(millis));
        }

        /// <summary>Sets the reading to <paramref name="micros"/>; for tests that start near the wrap.</summary>
        public void Set(uint micros)
        {
            _now = micros;
        }
    }
}
