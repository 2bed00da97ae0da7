using System;

namespace NanoIrq.Testing
{
    /// <summary>
    /// A seedable model of a bouncing push button: writes one physical press (press bounce, hold, release
    /// bounce) as a list of (time, level) edges into caller-owned arrays.
    /// </summary>
    /// <remarks>
    /// <para>Numbers from Jack Ganssle's survey of 16 switches (mean bounce 1.6 ms, worst 6.2 ms, one outlier of
    /// 157 ms, bounce on both press and release). For each press and each release independently:</para>
    /// <para>- bounce length = <see cref="MaxBounceMicros"/> x u1 x u2 with u1, u2 uniform in [0, 1): most bounces
    /// are short, a few approach the maximum, and the mean is a quarter of the maximum (1.55 ms for the default
    /// 6.2 ms, Ganssle's mean 1.6 ms);</para>
    /// <para>- with probability <see cref="LongBounceProbability"/> the length is <see cref="LongBounceMicros"/>
    /// instead (Ganssle's 157 ms outlier);</para>
    /// <para>- the contact then makes k extra open/close pairs, k uniform in [1, <see cref="MaxBounceCycles"/>]
    /// (fewer when the bounce is too short for them), at uniformly drawn instants inside the bounce, 1 µs apart at
    /// least, the last one exactly at the end of the bounce, so the edge list always ends on the settled level; a
    /// bounce shorter than 2 µs, or MaxBounceCycles 0, is a single clean edge and counts as 0 µs of bounce;</para>
    /// <para>- with probability <see cref="GlitchProbability"/> a noise pulse of 1 to <see cref="GlitchMaxWidthMicros"/>
    /// µs to the released level is added somewhere in the settled part of the hold;</para>
    /// <para>- worn or cheap contacts: with probability <see cref="PressReopenProbability"/> the contact opens once in
    /// the settled part of the hold (after the glitch, if any) for half to all of <see cref="PressReopenMicros"/>
    /// (uniform), and with probability <see cref="ReleaseRecloseProbability"/> it touches again once after the
    /// release bounce, 1 µs to <see cref="ReleaseRecloseMicros"/> after it settled, for half to all of
    /// <see cref="ReleaseRecloseMicros"/>. Both edges of such an excursion bounce like a press or release. A
    /// re-opening that does not fit in the hold is left out (<see cref="LastPressReopenMicros"/> is then 0). With both
    /// probabilities 0 (the default) no number is drawn for them, so the edges are those of earlier versions.</para>
    /// <para>Levels are physical: pressed is low when <see cref="ActiveLow"/> (the default, a button to GND with a
    /// pull-up). The first edge of a press is at its start time and goes to the pressed level; the release starts
    /// <c>holdMicros</c> after the press start, or 1 µs after the press bounce ends if that is later. The same seed
    /// and the same calls give the same edges, on the host and on the device alike (the numbers come from
    /// NanoIrq's own seeded generator, not from <c>System.Random</c>, whose seed nanoFramework ignores). Allocates nothing
    /// after construction.</para>
    /// </remarks>
    public sealed class BounceModel
    {
        /// <summary>Most extra open/close pairs per bounce: 32.</summary>
        public const int MaxCyclesLimit = 32;

        /// <summary>Most edges one <see cref="WritePress"/> call writes: 6 bounced edges (press, release, and the two
        /// edges of a re-opening and of a re-closing) of at most 1 + 2 x 32 edges each, plus a 2-edge glitch: 392.</summary>
        public const int MaxEdgesPerPress = 6 * (1 + 2 * MaxCyclesLimit) + 2;

        private readonly SeededRandom _random;
        private readonly int[] _scratch = new int[2 * MaxCyclesLimit];
        private int _maxBounce = 6200;
        private int _cycles = 8;
        private int _longBounce = 157000;
        private int _glitchWidth = 50;
        private double _longProbability;
        private double _glitchProbability;
        private int _pressReopen;
        private double _pressReopenProbability;
        private int _releaseReclose;
        private double _releaseRecloseProbability;
        private int _actualLength;

        /// <summary>Creates a model whose draws are fixed by <paramref name="seed"/> (any int).</summary>
        public BounceModel(int seed)
        {
            _random = new SeededRandom(seed);
            ActiveLow = true;
        }

        /// <summary>True (default) when the pressed level is low.</summary>
        public bool ActiveLow { get; set; }

        /// <summary>Longest ordinary bounce in µs, [0, 1,000,000]; default 6,200 (Ganssle's worst normal switch).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int MaxBounceMicros
        {
            get { return _maxBounce; }
            set { _maxBounce = CheckInt(value, 0, 1000000, "MaxBounceMicros"); }
        }

        /// <summary>Most extra open/close pairs in one bounce, [0, 32]; default 8.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int MaxBounceCycles
        {
            get { return _cycles; }
            set { _cycles = CheckInt(value, 0, MaxCyclesLimit, "MaxBounceCycles"); }
        }

        /// <summary>Length of a rare long bounce in µs, [1, 10,000,000]; default 157,000 (Ganssle's outlier).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int LongBounceMicros
        {
            get { return _longBounce; }
            set { _longBounce = CheckInt(value, 1, 10000000, "LongBounceMicros"); }
        }

        /// <summary>Chance, [0, 1], that a press or release bounces for <see cref="LongBounceMicros"/>; default 0.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public double LongBounceProbability
        {
            get { return _longProbability; }
            set { _longProbability = CheckProbability(value, "LongBounceProbability"); }
        }

        /// <summary>Chance, [0, 1], that a press carries one noise glitch during its hold; default 0.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public double GlitchProbability
        {
            get { return _glitchProbability; }
            set { _glitchProbability = CheckProbability(value, "GlitchProbability"); }
        }

        /// <summary>Widest glitch in µs, [1, 1,000,000]; default 50.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int GlitchMaxWidthMicros
        {
            get { return _glitchWidth; }
            set { _glitchWidth = CheckInt(value, 1, 1000000, "GlitchMaxWidthMicros"); }
        }

        /// <summary>Longest re-opening of the contact during a hold, µs, [0, 1,000,000]; default 0 (none). Measured from
        /// the first opening edge to the first closing edge; each re-opening lasts half to all of it (uniform).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int PressReopenMicros
        {
            get { return _pressReopen; }
            set { _pressReopen = CheckInt(value, 0, 1000000, "PressReopenMicros"); }
        }

        /// <summary>Chance, [0, 1], that a press carries one re-opening of up to <see cref="PressReopenMicros"/>; default 0.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public double PressReopenProbability
        {
            get { return _pressReopenProbability; }
            set { _pressReopenProbability = CheckProbability(value, "PressReopenProbability"); }
        }

        /// <summary>Longest re-closing of the contact after a release (it touches again), µs, [0, 1,000,000]; default 0
        /// (none). Measured from the first closing edge to the first opening edge; each lasts half to all of it
        /// (uniform) and starts 1 µs to this long after the release bounce settled.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public int ReleaseRecloseMicros
        {
            get { return _releaseReclose; }
            set { _releaseReclose = CheckInt(value, 0, 1000000, "ReleaseRecloseMicros"); }
        }

        /// <summary>Chance, [0, 1], that a release carries one re-closing of up to <see cref="ReleaseRecloseMicros"/>; default 0.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Out of range; the old value is kept.</exception>
        public double ReleaseRecloseProbability
        {
            get { return _releaseRecloseProbability; }
            set { _releaseRecloseProbability = CheckProbability(value, "ReleaseRecloseProbability"); }
        }

        /// <summary>Length in µs of the re-opening written by the last <see cref="WritePress"/> call (first opening edge
        /// to first closing edge), 0 when it had none.</summary>
        public int LastPressReopenMicros { get; private set; }

        /// <summary>Length in µs of the re-closing written by the last <see cref="WritePress"/> call (first closing edge
        /// to first opening edge), 0 when it had none.</summary>
        public int LastReleaseRecloseMicros { get; private set; }

        /// <summary>When the release of the last <see cref="WritePress"/> call started (its first edge), µs.</summary>
        public uint LastReleaseStartMicros { get; private set; }

        /// <summary>Bounce length in µs of the press written by the last <see cref="WritePress"/> call.</summary>
        public int LastPressBounceMicros { get; private set; }

        /// <summary>Bounce length in µs of the release written by the last <see cref="WritePress"/> call.</summary>
        public int LastReleaseBounceMicros { get; private set; }

        /// <summary>True when the last <see cref="WritePress"/> call added a glitch.</summary>
        public bool LastHadGlitch { get; private set; }

        /// <summary>When the last press's edges end (the release settled, after its re-closing if any), µs.</summary>
        public uint LastEndMicros { get; private set; }

        /// <summary>
        /// Writes one press starting at <paramref name="startMicros"/> and released about
        /// <paramref name="holdMicros"/> later into <paramref name="times"/>/<paramref name="levels"/> from
        /// <paramref name="index"/>; returns the number of edges written (at most <see cref="MaxEdgesPerPress"/>).
        /// </summary>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdMicros"/> is outside [1, 2,000,000,000],
        /// or fewer than <see cref="MaxEdgesPerPress"/> slots remain from <paramref name="index"/>; nothing is written.</exception>
        public int WritePress(uint startMicros, int holdMicros, uint[] times, bool[] levels, int index)
        {
            if (times == null)
            {
                throw new ArgumentNullException("times");
            }

            if (levels == null)
            {
                throw new ArgumentNullException("levels");
            }

            if (holdMicros < 1 || holdMicros > 2000000000)
            {
                throw new ArgumentOutOfRangeException("holdMicros", "must be in [1, 2000000000] µs.");
            }

            if (index < 0 || index > times.Length - MaxEdgesPerPress || index > levels.Length - MaxEdgesPerPress)
            {
                throw new ArgumentOutOfRangeException("index", "needs 392 free slots (MaxEdgesPerPress) in both arrays from index.");
            }

            bool pressed = !ActiveLow;
            int n = index;
            n = WriteBounce(startMicros, DrawBounce(), pressed, times, levels, n);
            int pressBounce = _actualLength;
            LastPressBounceMicros = pressBounce;
            int releaseOffset = holdMicros > pressBounce ? holdMicros : pressBounce + 1;

            LastHadGlitch = false;
            int settledFrom = pressBounce; // offset after which the hold is free (past the press bounce and the glitch)
            int room = releaseOffset - pressBounce - 2;
            if (_glitchProbability > 0 && _random.NextDouble() < _glitchProbability && room > 2)
            {
                int width = 1 + _random.Next(_glitchWidth);
                if (width > room - 1)
                {
                    width = room - 1;
                }

                int at = pressBounce + 1 + _random.Next(room - width);
                times[n] = Ticks.Add(startMicros, at);
                levels[n] = !pressed;
                times[n + 1] = Ticks.Add(startMicros, at + width);
                levels[n + 1] = pressed;
                n += 2;
                LastHadGlitch = true;
                settledFrom = at + width;
            }

            LastPressReopenMicros = 0;
            if (_pressReopenProbability > 0 && _pressReopen > 0 && _random.NextDouble() < _pressReopenProbability)
            {
                int length = DrawExcursion(_pressReopen);
                int openBounce = DrawBounce();
                int closeBounce = DrawBounce();
                if (length <= openBounce)
                {
                    length = openBounce + 1;
                }

                int latest = releaseOffset - length - closeBounce - 2;
                if (latest >= settledFrom + 1)
                {
                    int at = settledFrom + 1 + _random.Next(latest - settledFrom);
                    n = WriteBounce(Ticks.Add(startMicros, at), openBounce, !pressed, times, levels, n);
                    n = WriteBounce(Ticks.Add(startMicros, at + length), closeBounce, pressed, times, levels, n);
                    LastPressReopenMicros = length;
                }
            }

            uint releaseStart = Ticks.Add(startMicros, releaseOffset);
            LastReleaseStartMicros = releaseStart;
            n = WriteBounce(releaseStart, DrawBounce(), !pressed, times, levels, n);
            LastReleaseBounceMicros = _actualLength;
            LastEndMicros = Ticks.Add(releaseStart, _actualLength);
            LastReleaseRecloseMicros = 0;
            if (_releaseRecloseProbability > 0 && _releaseReclose > 0 && _random.NextDouble() < _releaseRecloseProbability)
            {
                int length = DrawExcursion(_releaseReclose);
                int closeBounce = DrawBounce();
                int openBounce = DrawBounce();
                if (length <= closeBounce)
                {
                    length = closeBounce + 1;
                }

                uint at = Ticks.Add(LastEndMicros, 1 + _random.Next(_releaseReclose));
                n = WriteBounce(at, closeBounce, pressed, times, levels, n);
                uint reopen = Ticks.Add(at, length);
                n = WriteBounce(reopen, openBounce, !pressed, times, levels, n);
                LastEndMicros = Ticks.Add(reopen, _actualLength);
                LastReleaseRecloseMicros = length;
            }

            return n - index;
        }

        // Half to all of max, uniform, at least 1.
        private int DrawExcursion(int max)
        {
            int half = max / 2;
            int length = half + _random.Next(max - half + 1);
            return length < 1 ? 1 : length;
        }

        private int DrawBounce()
        {
            if (_longProbability > 0 && _random.NextDouble() < _longProbability)
            {
                return _longBounce;
            }

            return (int)(_maxBounce * _random.NextDouble() * _random.NextDouble());
        }

        private int WriteBounce(uint start, int length, bool settled, uint[] times, bool[] levels, int n)
        {
            times[n] = start;
            levels[n] = settled;
            n++;
            int pairs = _cycles == 0 ? 0 : 1 + _random.Next(_cycles);
            if (pairs * 2 > length)
            {
                pairs = length / 2;
            }

            int count = pairs * 2;
            if (count == 0)
            {
                _actualLength = 0;
                return n;
            }

            _actualLength = length;

            // count instants in [1, length], sorted, the last forced to length, strictly increasing.
            for (int i = 0; i < count; i++)
            {
                int v = 1 + _random.Next(length);
                int j = i;
                while (j > 0 && _scratch[j - 1] > v)
                {
                    _scratch[j] = _scratch[j - 1];
                    j--;
                }

                _scratch[j] = v;
            }

            _scratch[count - 1] = length;
            for (int i = count - 2; i >= 0; i--)
            {
                if (_scratch[i] > _scratch[i + 1] - 1)
                {
                    _scratch[i] = _scratch[i + 1] - 1;
                }
            }

            // Duplicates drawn near 1 can be pushed below 1 by the pass above: lift them back (count <= length,
            // so instant i fits at i + 1 and the order stays strict).
            for (int i = 0; i < count; i++)
            {
                int floor = i == 0 ? 1 : _scratch[i - 1] + 1;
                if (_scratch[i] < floor)
                {
                    _scratch[i] = floor;
                }
            }

            for (int i = 0; i < count; i++)
            {
                times[n] = Ticks.Add(start, _scratch[i]);
                levels[n] = (i % 2 == 0) ? !settled : settled;
                n++;
            }

            return n;
        }

        private static int CheckInt(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, "must be in [" + min.ToString() + ", " + max.ToString() + "], was " + value.ToString() + ".");
            }

            return value;
        }

        private static double CheckProbability(double value, string name)
        {
            if (!(value >= 0.0 && value <= 1.0))
            {
                throw new ArgumentOutOfRangeException(name, "must be a probability in [0, 1].");
            }

            return value;
        }
    }
}
