namespace NanoIrq
{
    /// <summary>
    /// A small reproducible pseudo-random generator (64-bit linear congruential state, 32-bit output with an
    /// xor-shift and a state-dependent rotation): the same seed gives the same sequence on the host and on every
    /// nanoFramework target.
    /// </summary>
    /// <remarks>
    /// nanoFramework's <c>System.Random</c> cannot be used where reproducibility matters: on the stable runtime the
    /// seed is ignored (ESP32 draws from the hardware generator, RP2040/STM32 from the TRNG, the virtual nanoCLR from
    /// the host's random device), so two instances made with the same seed give different numbers. Period 2^64;
    /// allocates nothing after construction; not thread-safe (one owner).
    /// </remarks>
    internal sealed class SeededRandom
    {
        private const ulong Multiplier = 6364136223846793005UL;
        private const ulong Increment = 1442695040888963407UL;
        private ulong _state;

        /// <summary>Starts the sequence for <paramref name="seed"/> (any int, negative included).</summary>
        public SeededRandom(int seed)
        {
            _state = unchecked((ulong)(uint)seed + Increment);
            NextUInt();
        }

        /// <summary>The next 32 random bits, [0, 4,294,967,295].</summary>
        public uint NextUInt()
        {
            ulong old = _state;
            _state = unchecked(old * Multiplier + Increment);
            uint mixed = (uint)(((old >> 18) ^ old) >> 27);
            int rotate = (int)(old >> 59);
            return (mixed >> rotate) | (mixed << ((32 - rotate) & 31));
        }

        /// <summary>A number in [0, <paramref name="maxExclusive"/>); 0 when <paramref name="maxExclusive"/> is 0 or less.</summary>
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }

            return (int)(((ulong)NextUInt() * (ulong)maxExclusive) >> 32);
        }

        /// <summary>A number in [0, 1): 32 random bits divided by 2^32.</summary>
        public double NextDouble()
        {
            return NextUInt() / 4294967296.0;
        }
    }
}
