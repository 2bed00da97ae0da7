using System;

namespace NanoIrq
{
    /// <summary>
    /// The equivalent of <c>micropython.schedule(f, arg)</c>: a bounded, preallocated queue of
    /// (callback, argument) pairs that handlers fill and the main loop drains with <see cref="RunPending"/>.
    /// </summary>
    /// <remarks>
    /// <para>Capacity is fixed at construction, in [1, <see cref="MaxCapacity"/>]. Scheduling into a full
    /// queue returns false and counts it in <see cref="Rejected"/> (or throws, with
    /// <see cref="ThrowWhenFull"/>): never silent, unlike MicroPython's 8-slot queue on ESP32.</para>
    /// <para>Any number of threads may call <see cref="Schedule"/>; one thread (the main loop) calls
    /// <see cref="RunPending"/>. A private lock guards the queue for a few stores; callbacks run outside it,
    /// so a callback may schedule more work. A callback that throws is recorded in <see cref="Faults"/>
    /// (source: the callback delegate) and the drain goes on with the next one.</para>
    /// <para>Allocation-free after construction: pass a preallocated delegate (a method group converted
    /// once and kept in a field), since converting a method group allocates a new delegate each time.</para>
    /// </remarks>
    public sealed class Scheduler
    {
        /// <summary>Largest capacity accepted: 65,536 pending callbacks.</summary>
        /// <remarks>On nanoFramework each slot takes 12 bytes in each of two arrays and one array is at most 65,535 such
        /// blocks including its header, so this maximum itself cannot be built there (OutOfMemoryException); 65,000 is
        /// the practical ceiling, and a board's free heap (24 bytes a slot) is usually the tighter limit.</remarks>
        public const int MaxCapacity = 65536;

        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly FaultLog _faults;
        private readonly ScheduledCallback[] _callbacks;
        private readonly object[] _args;
        private int _first;
        private int _count;
        private int _scheduled;
        private int _ran;
        private int _rejected;
        private int _highWater;

        /// <summary>Creates an empty scheduler holding up to <paramref name="capacity"/> pending callbacks, with its own <see cref="FaultLog"/> of 8 faults.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside [1, <see cref="MaxCapacity"/>].</exception>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        public Scheduler(int capacity, IClock clock)
            : this(capacity, clock, new FaultLog(8))
        {
        }

        /// <summary>Creates an empty scheduler that records callback faults in <paramref name="faults"/> (which may be shared with the dispatcher).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is outside [1, <see cref="MaxCapacity"/>].</exception>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="faults"/> is null.</exception>
        public Scheduler(int capacity, IClock clock, FaultLog faults)
        {
            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [1, 65536] pending callbacks.");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (faults == null)
            {
                throw new ArgumentNullException("faults");
            }

            _clock = clock;
            _faults = faults;
            _callbacks = new ScheduledCallback[capacity];
            _args = new object[capacity];
        }

        /// <summary>Pending callbacks the queue can hold, fixed at construction, in [1, <see cref="MaxCapacity"/>].</summary>
        public int Capacity
        {
            get { return _callbacks.Length; }
        }

        /// <summary>Callbacks waiting for <see cref="RunPending"/>, in [0, <see cref="Capacity"/>] (a snapshot from other threads).</summary>
        public int Pending
        {
            get { return _count; }
        }

        /// <summary>When true, <see cref="Schedule"/> on a full queue throws <see cref="InvalidOperationException"/> (still counted in <see cref="Rejected"/>) instead of returning false. Default false.</summary>
        public bool ThrowWhenFull { get; set; }

        /// <summary>Where callbacks that throw are recorded: the log keeps the first <see cref="FaultLog.Capacity"/> unread faults and counts the rest in <see cref="FaultLog.Lost"/>.</summary>
        public FaultLog Faults
        {
            get { return _faults; }
        }

        /// <summary>Callbacks accepted by <see cref="Schedule"/> since construction (wraps modulo 2^32).</summary>
        public int Scheduled
        {
            get { return _scheduled; }
        }

        /// <summary>Callbacks run by <see cref="RunPending"/> since construction, including those that threw (wraps modulo 2^32).</summary>
        public int Ran
        {
            get { return _ran; }
        }

        /// <summary>Callbacks refused because the queue was full, since construction, whether <see cref="Schedule"/> returned false or threw (wraps modulo 2^32). A null callback is not counted.</summary>
        public int Rejected
        {
            get { return _rejected; }
        }

        /// <summary>Largest number of callbacks pending at once since construction, in [0, <see cref="Capacity"/>].</summary>
        public int HighWater
        {
            get { return _highWater; }
        }

        /// <summary>
        /// Any thread: queues <paramref name="callback"/> to run with <paramref name="arg"/> on the next
        /// <see cref="RunPending"/>. Returns false when the queue is full (counted in <see cref="Rejected"/>).
        /// Never blocks on user code; allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The queue is full and <see cref="ThrowWhenFull"/> is true.</exception>
        public bool Schedule(ScheduledCallback callback, object arg)
        {
            if (callback == null)
            {
                throw new ArgumentNullException("callback");
            }

            lock (_lock)
            {
                if (_count == _callbacks.Length)
                {
                    _rejected++;
                    if (ThrowWhenFull)
                    {
                        throw new InvalidOperationException("Scheduler full: " + _callbacks.Length.ToString() + " callbacks already pending; call RunPending more often or raise the capacity.");
                    }

                    return false;
                }

                int slot = _first + _count;
                if (slot >= _callbacks.Length)
                {
                    slot -= _callbacks.Length;
                }

                _callbacks[slot] = callback;
                _args[slot] = arg;
                _count++;
                _scheduled++;
                if (_count > _highWater)
                {
                    _highWater = _count;
                }

                return true;
            }
        }

        /// <summary>
        /// Main loop: runs, on the calling thread and oldest first, the callbacks that were pending when the
        /// call began (work they schedule waits for the next call, so a callback that reschedules itself
        /// cannot starve the loop). A callback that throws is recorded in <see cref="Faults"/> with the
        /// clock's time and the drain continues. Returns how many callbacks ran.
        /// </summary>
        public int RunPending()
        {
            int budget;
            lock (_lock)
            {
                budget = _count;
            }

            int ran = 0;
            while (ran < budget)
            {
                ScheduledCallback callback;
                object arg;
                lock (_lock)
                {
                    if (_count == 0)
                    {
                        break;
                    }

                    callback = _callbacks[_first];
                    arg = _args[_first];
                    _callbacks[_first] = null;
                    _args[_first] = null;
                    _first = _first + 1 == _callbacks.Length ? 0 : _first + 1;
                    _count--;
                    _ran++;
                }

                ran++;
                try
                {
                    callback(arg);
                }
                catch (Exception ex)
                {
                    _faults.Record(callback, ex, _clock.NowMicros);
                }
            }

            return ran;
        }
    }
}
