using System;

namespace NanoIrq.Testing
{
    /// <summary>
    /// A simulated <see cref="IDigitalOutput"/> that records every write as (time in µs, level) in
    /// preallocated arrays: the debug pin and LED of tests and the simulator.
    /// </summary>
    /// <remarks>Holds up to <see cref="Capacity"/> writes; further writes still change <see cref="Level"/>
    /// and are counted in <see cref="Dropped"/> instead of being stored (nothing is lost silently).
    /// <see cref="Write"/> allocates nothing.</remarks>
    public sealed class RecordingOutput : IDigitalOutput
    {
        private readonly IClock _clock;
        private readonly uint[] _times;
        private readonly bool[] _levels;
        private int _count;
        private int _dropped;
        private bool _level;

        /// <summary>Creates an output stamping writes with <paramref name="clock"/>, keeping up to <paramref name="capacity"/> of them.</summary>
        /// <param name="clock">Time source for the stamps.</param>
        /// <param name="capacity">Writes kept, 1 to 1,000,000.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside [1, 1000000].</exception>
        public RecordingOutput(IClock clock, int capacity)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (capacity < 1 || capacity > 1000000)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [1, 1000000] writes.");
            }

            _clock = clock;
            _times = new uint[capacity];
            _levels = new bool[capacity];
        }

        /// <summary>Most recent level written (false before any write).</summary>
        public bool Level
        {
            get { return _level; }
        }

        /// <summary>Writes stored, 0 to <see cref="Capacity"/>.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Writes not stored because the record was full.</summary>
        public int Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Maximum number of writes stored.</summary>
        public int Capacity
        {
            get { return _times.Length; }
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _level = high;
            if (_count < _times.Length)
            {
                _times[_count] = _clock.NowMicros;
                _levels[_count] = high;
                _count++;
            }
            else
            {
                _dropped++;
            }
        }

        /// <summary>Time (µs on the clock) of the <paramref name="index"/>-th stored write, 0 being the oldest.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, Count - 1].</exception>
        public uint TimeAt(int index)
        {
            CheckIndex(index);
            return _times[index];
        }

        /// <summary>Level of the <paramref name="index"/>-th stored write, 0 being the oldest.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, Count - 1].</exception>
        public bool LevelAt(int index)
        {
            CheckIndex(index);
            return _levels[index];
        }

        /// <summary>Forgets the stored writes and the dropped count; <see cref="Level"/> is kept.</summary>
        public void Clear()
        {
            _count = 0;
            _dropped = 0;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index", "must be in [0, Count - 1].");
            }
        }
    }
}
