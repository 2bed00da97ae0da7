using System;

namespace NanoIrq.Testing
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

        /// <summary>Moves the clock forward by <paramref name="micros"/> µs, in [0, <see cref="Ticks.MaxInterval"/>] (wrapping modulo 2^32).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="micros"/> is negative: time never runs backwards. The reading is unchanged.</exception>
        public void Advance(int micros)
        {
            if (micros < 0)
            {
                throw new ArgumentOutOfRangeException("micros", "must be >= 0 µs: a clock never runs backwards.");
            }

            _now = unchecked(_now + (uint)micros);
        }

        /// <summary>Moves the clock forward by <paramref name="millis"/> ms (wrapping modulo 2^32 µs).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="millis"/> is outside [0, 2,147,483] ms (negative,
        /// or longer than <see cref="Ticks.MaxInterval"/> µs); the reading is unchanged.</exception>
        public void AdvanceMillis(int millis)
        {
            if (millis < 0 || millis > Ticks.MaxInterval / Ticks.MicrosPerMilli)
            {
                throw new ArgumentOutOfRangeException("millis", "must be in [0, 2147483] ms: a clock never runs backwards and one step must fit a tick difference.");
            }

            Advance(millis * Ticks.MicrosPerMilli);
        }

        /// <summary>Sets the reading to <paramref name="micros"/> (any value in [0, 2^32 - 1] µs); for tests that start near the wrap.</summary>
        public void Set(uint micros)
        {
            _now = micros;
        }
    }
}
