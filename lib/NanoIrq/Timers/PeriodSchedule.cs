using System;

namespace NanoIrq
{
    /// <summary>
    /// A drift-free grid of due times on a 32-bit wrapping µs clock: the n-th point is due at exactly
    /// <c>start + floor(n * cycleMicros / pointsPerCycle)</c>, however late each point is served.
    /// </summary>
    /// <remarks>
    /// <para>A period is given as a fraction <c>cycleMicros / pointsPerCycle</c> µs so that a frequency
    /// whose period is not a whole number of µs keeps its exact average rate: 3 Hz is 1,000,000 / 3, due at
    /// 333,333 µs, 666,666 µs, 1,000,000 µs... A whole-µs period is <c>(period, 1)</c>.</para>
    /// <para>Due times are computed from an anchor, never by adding the period to the time of service, so
    /// lateness never accumulates. Serving a point late by one or more whole periods skips the points
    /// that already passed (the phase is kept) and <see cref="Advance"/> reports how many.</para>
    /// <para>The anchor moves by whole cycles, so the arithmetic stays in 64-bit integers for any run
    /// length and is correct across the 2^32 µs wrap (every 71.6 min). Serving a point more than 2^31 µs
    /// (35.8 min) late is not supported: <see cref="Ticks.Diff"/> cannot tell it from an early call.</para>
    /// <para>Not thread-safe by itself: its owner (<see cref="TimerIrq"/>, <see cref="FixedRateTask"/>)
    /// serialises calls. Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class PeriodSchedule
    {
        /// <summary>Largest cycle accepted by <see cref="Start"/>: 2^30 µs (about 17.9 min), so that
        /// lateness plus one cycle still fits a tick difference.</summary>
        public const int MaxCycleMicros = 1 << 30;

        private uint _anchor;
        private int _index;
        private int _cycle = 1;
        private int _points = 1;
        private uint _due;

        /// <summary>The tick value (µs, wrapping) at which the current point is due.</summary>
        public uint DueMicros
        {
            get { return _due; }
        }

        /// <summary>Length of one cycle in µs after reduction by the greatest common divisor (1,000,000 / 3 stays 1,000,000 / 3; 1,000,000 / 1,000 becomes 1,000 / 1).</summary>
        public int CycleMicros
        {
            get { return _cycle; }
        }

        /// <summary>Grid points per cycle after reduction; 1 for a whole-µs period.</summary>
        public int PointsPerCycle
        {
            get { return _points; }
        }

        /// <summary>
        /// Starts a new grid at <paramref name="nowMicros"/>: point 0 is <paramref name="nowMicros"/> itself and
        /// the first due point is point 1, <c>floor(cycleMicros / pointsPerCycle)</c> µs later.
        /// </summary>
        /// <param name="nowMicros">Start of the grid (µs, wrapping).</param>
        /// <param name="cycleMicros">Cycle length, 1 to <see cref="MaxCycleMicros"/> µs.</param>
        /// <param name="pointsPerCycle">Points per cycle, 1 to <paramref name="cycleMicros"/> (the period is at least 1 µs).</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the schedule is unchanged.</exception>
        public void Start(uint nowMicros, int cycleMicros, int pointsPerCycle)
        {
            if (cycleMicros < 1 || cycleMicros > MaxCycleMicros)
            {
                throw new ArgumentOutOfRangeException("cycleMicros", "must be in [1, 1073741824] µs.");
            }

            if (pointsPerCycle < 1 || pointsPerCycle > cycleMicros)
            {
                throw new ArgumentOutOfRangeException("pointsPerCycle", "must be in [1, cycleMicros] so that the period is at least 1 µs.");
            }

            int divisor = GreatestCommonDivisor(cycleMicros, pointsPerCycle);
            _cycle = cycleMicros / divisor;
            _points = pointsPerCycle / divisor;
            _anchor = nowMicros;
            MoveTo(1);
        }

        /// <summary>
        /// The current point was served at <paramref name="nowMicros"/>: moves <see cref="DueMicros"/> to the
        /// first grid point strictly later than <paramref name="nowMicros"/> (the next point when served on
        /// time or less than a period late).
        /// </summary>
        /// <returns>How many grid points were skipped because they were already due at <paramref name="nowMicros"/>
        /// (0 when the service came less than one period late); saturates at <see cref="int.MaxValue"/>.</returns>
        public int Advance(uint nowMicros)
        {
            long next = _index + 1;
            int elapsed = Ticks.Diff(nowMicros, _anchor);
            long target = next;
            if (elapsed >= 0)
            {
                // Smallest k with floor(k * cycle / points) > elapsed, i.e. k * cycle >= (elapsed + 1) * points.
                long needed = ((long)elapsed + 1) * _points;
                long k = (needed + _cycle - 1) / _cycle;
                if (k > target)
                {
                    target = k;
                }
            }

            long skipped = target - next;
            MoveTo(target);
            return skipped > int.MaxValue ? int.MaxValue : (int)skipped;
        }

        private void MoveTo(long index)
        {
            long cycles = index / _points;
            _anchor = unchecked(_anchor + (uint)(cycles * _cycle));
            _index = (int)(index - cycles * _points);
            _due = unchecked(_anchor + (uint)((long)_index * _cycle / _points));
        }

        private static int GreatestCommonDivisor(int a, int b)
        {
            while (b != 0)
            {
                int r = a % b;
                a = b;
                b = r;
            }

            return a;
        }
    }
}
