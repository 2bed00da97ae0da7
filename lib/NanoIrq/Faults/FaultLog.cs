using System;

namespace NanoIrq
{
    /// <summary>
    /// A preallocated record of exceptions thrown by handlers and scheduled callbacks, the equivalent of
    /// MicroPython's <c>alloc_emergency_exception_buf</c>: recording a fault allocates nothing, so it works
    /// when the heap is the problem.
    /// </summary>
    /// <remarks>
    /// Holds up to <see cref="Capacity"/> faults, read back oldest first. When full it keeps the faults it
    /// has (the first one usually explains the rest) and counts each further one in <see cref="Lost"/>;
    /// reading makes room again. Safe for any number of recording and reading threads (a private lock held
    /// for a few stores).
    /// </remarks>
    public sealed class FaultLog
    {
        /// <summary>Largest capacity accepted: 1024 faults.</summary>
        public const int MaxCapacity = 1024;

        private readonly object _lock = new object();
        private readonly object[] _sources;
        private readonly Exception[] _errors;
        private readonly uint[] _times;
        private int _first;
        private int _count;
        private int _lost;
        private int _recorded;

        /// <summary>Creates an empty log for up to <paramref name="capacity"/> faults.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside [1, <see cref="MaxCapacity"/>].</exception>
        public FaultLog(int capacity)
        {
            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [1, 1024] faults.");
            }

            _sources = new object[capacity];
            _errors = new Exception[capacity];
            _times = new uint[capacity];
        }

        /// <summary>Faults the log can hold, fixed at construction.</summary>
        public int Capacity
        {
            get { return _times.Length; }
        }

        /// <summary>Faults stored and not yet read.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Faults not stored because the log was full, since construction (wraps modulo 2^32).</summary>
        public int Lost
        {
            get { return _lost; }
        }

        /// <summary>Faults passed to <see cref="Record"/> since construction, stored or lost (wraps modulo 2^32).</summary>
        public int Recorded
        {
            get { return _recorded; }
        }

        /// <summary>
        /// Stores a fault (keeping references to <paramref name="source"/> and <paramref name="error"/>), or
        /// counts it in <see cref="Lost"/> when the log is full. Allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
        public void Record(object source, Exception error, uint timeMicros)
        {
            if (error == null)
            {
                throw new ArgumentNullException("error");
            }

            lock (_lock)
            {
                _recorded++;
                if (_count == _times.Length)
                {
                    _lost++;
                    return;
                }

                int slot = _first + _count;
                if (slot >= _times.Length)
                {
                    slot -= _times.Length;
                }

                _sources[slot] = source;
                _errors[slot] = error;
                _times[slot] = timeMicros;
                _count++;
            }
        }

        /// <summary>Takes the oldest stored fault; false (and <c>default</c>) when none is stored.</summary>
        public bool TryRead(out Fault fault)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    fault = new Fault();
                    return false;
                }

                fault = new Fault(_sources[_first], _errors[_first], _times[_first]);
                _sources[_first] = null;
                _errors[_first] = null;
                _first = _first + 1 == _times.Length ? 0 : _first + 1;
                _count--;
                return true;
            }
        }

        /// <summary>Discards the stored faults (releasing their references). <see cref="Lost"/> and <see cref="Recorded"/> keep counting from where they were.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                for (int i = 0; i < _times.Length; i++)
                {
                    _sources[i] = null;
                    _errors[i] = null;
                }

                _first = 0;
                _count = 0;
            }
        }
    }
}
