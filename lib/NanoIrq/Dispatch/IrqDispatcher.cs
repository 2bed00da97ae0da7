using System;
using System.Threading;
using NanoIrq.Testing;

namespace NanoIrq
{
    /// <summary>
    /// Runs interrupt handlers for a whole application: edge sources post <see cref="EdgeRecord"/>s into its ring,
    /// <see cref="Poll"/> (or the dispatcher thread, <see cref="Start"/>) delivers them to the pins' <see cref="Irq"/>s,
    /// and services deadlines (filter timeouts, level-trigger repeats, attached <see cref="TimerIrq"/>s), all in
    /// time order.
    /// </summary>
    /// <remarks>
    /// <para><b>Order.</b> Edges from all pins share one FIFO ring, so they are delivered in the order they arrived
    /// (for one source, time order): no pin can starve another. A deadline due at or before the next queued edge's
    /// time is serviced before that edge. Each <see cref="Poll"/> handles the edges queued when it started and every
    /// deadline due by the clock reading taken when it started; edges posted meanwhile wait for the next poll.</para>
    /// <para><b>Loss.</b> The ring (capacity <see cref="DefaultRingCapacity"/> = 256 unless given) refuses a new edge
    /// when full (<see cref="OverflowPolicy.Reject"/>): the refused edge is counted in its pin's <see cref="IrqStats.Dropped"/>
    /// and appears as a gap in that pin's sequence numbers; earlier edges are kept.</para>
    /// <para><b>Critical section.</b> Poll delivers nothing while <see cref="CriticalSection"/> is held by any thread
    /// (it returns 0; edges stay queued and count in <see cref="NanoIrq.CriticalSection.EdgesWaited"/>). The dispatcher
    /// sets <see cref="NanoIrq.CriticalSection.Released"/> to wake its thread, so with <see cref="Start"/> what waited is
    /// delivered right after the outermost Restore; without the thread, call Poll after the Restore.</para>
    /// <para><b>Faults.</b> A handler or target that throws is recorded in <see cref="Faults"/> (source = the Irq or the
    /// target, the exception, the clock time); the Irq is disabled unless its options say otherwise; nothing else stops.</para>
    /// <para><b>Parts.</b> The dispatcher is the front of: <see cref="EdgeInbox"/> (the posted edges),
    /// <see cref="PinRegistry"/> (pins and Irqs, under their own lock), <see cref="DeadlineSchedule"/> (every deadline: filter
    /// timeouts, level repeats, attached targets), <see cref="DispatcherThread"/> (Start, Stop, the loop) and <see cref="WakeAlarm"/> (the optional wake
    /// source). It keeps the poll itself: edges in order, each after the deadlines due before it.</para>
    /// <para><b>Threads.</b> Sources may post from any thread without a lock (one source per pin: two threads posting
    /// for the same pin at once may miss a count in its <see cref="IrqStats.EdgesSeen"/>); handlers run one at a time on the
    /// thread calling Poll. Allocation-free per edge and per deadline after
    /// start-up.</para>
    /// </remarks>
    public sealed class IrqDispatcher : IDisposable
    {
        /// <summary>Highest GPIO number a pin may have: 127.</summary>
        public const int MaxPin = 127;

        /// <summary>Default ring capacity: 256 edges.</summary>
        public const int DefaultRingCapacity = 256;

        /// <summary>Default fault log capacity: 8 faults.</summary>
        public const int DefaultFaultCapacity = 8;

        /// <summary>Longest the dispatcher thread sleeps without a deadline or a wake-up: 1,000 ms.</summary>
        public const int MaxIdleMillis = 1000;

        private readonly IClock _clock;
        private readonly EdgeInbox _ring;
        private readonly CriticalSection _section;
        private readonly FaultLog _faults;
        private readonly object _dispatchGate = new object();
        private readonly PinRegistry _registry = new PinRegistry();
        private readonly EdgeRecord _current = new EdgeRecord();
        private readonly DispatcherThread _thread;
        private int _pollDepth;
        private readonly DeadlineSchedule _deadlines;
        private int _pollNumber;
        private int _dispatching;
        private readonly DispatcherStats _stats;

        // Set by anything that changes an Irq's trigger, enabled state or registration (any thread); the next poll scans
        // the Irqs, applies the changes and counts those that can have a deadline (_armable, dispatching thread only).
        internal int _rescan = 1;
        private int _armable;

        // The thread running handlers or targets now (inside Poll or Irq.Invoke), under the dispatch gate; null when none.
        internal Thread _handlerThread;

        internal readonly WakeAlarm _alarm = new WakeAlarm();

        /// <summary>Creates a dispatcher on <paramref name="clock"/> with a 256-edge ring and an 8-fault log.</summary>
        public IrqDispatcher(IClock clock)
            : this(clock, DefaultRingCapacity, DefaultFaultCapacity)
        {
        }

        /// <summary>Creates a dispatcher on <paramref name="clock"/>.</summary>
        /// <param name="clock">Time for stamps, deadlines and faults; not null.</param>
        /// <param name="ringCapacity">Edges queued between sources and handlers, in [1, <see cref="SpscRing.MaxCapacity"/>].</param>
        /// <param name="faultCapacity">Faults kept until read (see <see cref="FaultLog"/> for its range).</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A capacity is out of range.</exception>
        public IrqDispatcher(IClock clock, int ringCapacity, int faultCapacity)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _ring = new EdgeInbox(ringCapacity);
            _stats = new DispatcherStats(_ring);
            _faults = new FaultLog(faultCapacity);
            _section = new CriticalSection(clock);
            _section.Released = Wake;
            _thread = new DispatcherThread(this);
            _deadlines = new DeadlineSchedule(_faults, _registry);
        }

        /// <summary>The clock of every stamp and deadline.</summary>
        public IClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The critical section that holds dispatch off (<c>using (d.CriticalSection.Enter()) { ... }</c>).</summary>
        public CriticalSection CriticalSection
        {
            get { return _section; }
        }

        /// <summary>Faults of handlers and targets, oldest first; the main loop reads and clears them.</summary>
        public FaultLog Faults
        {
            get { return _faults; }
        }

        // The ring itself stays private: only the dispatcher may read it (single consumer), so user code gets its
        // counters through Stats, never the ring.

        /// <summary>Edges the ring holds at most, fixed at construction, in [1, <see cref="SpscRing.MaxCapacity"/>] (256 by default).</summary>
        public int RingCapacity
        {
            get { return _ring.Capacity; }
        }

        /// <summary>The dispatcher's counters (ring fill and loss, unrouted and discarded edges), live: the same object for
        /// the dispatcher's life. See <see cref="DispatcherStats"/>.</summary>
        public DispatcherStats Stats
        {
            get { return _stats; }
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning
        {
            get { return _thread._running != 0; }
        }

        /// <summary>
        /// Optional one-shot wake-up for deadlines finer than the dispatcher's millisecond wait (null, the default:
        /// none, and the dispatcher behaves exactly as without this property). Create the source with this
        /// dispatcher's <see cref="Wake"/> as its handler, e.g. <c>d.WakeSource = new Esp32TimerSource(d.Wake)</c>,
        /// and set it before <see cref="Start"/>.
        /// </summary>
        /// <remarks>
        /// <para><b>Arming.</b> At the end of every <see cref="Poll"/> that ran (not one refused because the critical
        /// section was held), the dispatcher arms the source with <c>WakeAfter(deadline - now)</c> µs, where
        /// deadline is the earliest pending deadline of every Irq (filter timeouts, level repeats) and attached
        /// target (timer Irqs...) and now is the clock read at that moment. It calls <c>WakeAfter</c> again only when
        /// that deadline changed or <see cref="Wake"/> was called since (a wake-up consumed the shot), so a burst of
        /// edges does not re-arm the hardware each poll. With no deadline pending it calls <c>Cancel</c> (once).
        /// A deadline already due when the poll ends (a handler ran past it, or a target that did not move its
        /// deadline) is not armed: the dispatcher thread polls again at once, or after 1 ms for a stuck target.</para>
        /// <para><b>Wait.</b> The dispatcher thread still waits with its millisecond timeout (rounded up, so it never
        /// ends before the deadline); the source's wake-up ends the wait earlier, so a deadline is served within the
        /// source's resolution and delivery delay instead of at the next whole ms. A wake-up that arrives early
        /// fires nothing: targets and filters run only once the clock has reached their deadline, and the next poll
        /// re-arms the source for the time left. <see cref="Stop"/> cancels the source.</para>
        /// <para><b>Ownership.</b> The dispatcher never disposes the source: dispose it after <see cref="Stop"/>.
        /// Arming allocates nothing (given a source whose <c>WakeAfter</c> does not).</para>
        /// <para><b>Without the thread</b> (you call Poll from your own loop): give the source a handler that calls
        /// <see cref="Wake"/> and then wakes your loop.</para>
        /// </remarks>
        /// <exception cref="InvalidOperationException">Set while the dispatcher thread is running; call <see cref="Stop"/> first. Nothing changes.</exception>
        public IWakeSource WakeSource
        {
            get
            {
                return _alarm.Source;
            }

            set
            {
                lock (_dispatchGate)
                {
                    if (_thread._running != 0)
                    {
                        throw new InvalidOperationException("WakeSource can only be set while the dispatcher is stopped; call Stop first.");
                    }

                    _alarm.Source = value;
                }
            }
        }

        /// <summary>Dispatcher thread loops running now (entered <c>Run</c> and not yet left it): 0 or 1 once Start or Stop
        /// has settled. For tests.</summary>
        internal int LiveLoops
        {
            get { return _thread.LiveLoops; }
        }

        internal object DispatchGate
        {
            get { return _dispatchGate; }
        }

        /// <summary>
        /// Source side: queues <paramref name="edge"/> for its pin's Irq. Returns false when the edge is not queued:
        /// the pin has no Irq (counted in <see cref="DispatcherStats.Unrouted"/>) or the ring is full (counted in the Irq's
        /// <see cref="IrqStats.Dropped"/>). Never blocks on a handler, never allocates.
        /// </summary>
        public bool Post(EdgeRecord edge)
        {
            if (edge == null)
            {
                throw new ArgumentNullException("edge");
            }

            return Post(edge._pin, edge._level, edge._time, edge._sequence, edge._late);
        }

        /// <summary>
        /// Source side: the same as <see cref="Post(EdgeRecord)"/> for an edge given by its fields (see
        /// <see cref="EdgeRecord"/>), so that a source needs no record object. Never blocks on a handler, never allocates.
        /// </summary>
        public bool Post(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            // Written out on fields (a property or a call costs on the interpreter; this runs once per edge). No lock:
            // the inbox takes concurrent writers, and each queued edge names the Irq it was posted for, so an Irq disposed
            // meanwhile has its edges written off when they are read. The slot protocol is described on EdgeInbox.
            IrqPin p = pin >= 0 && pin <= MaxPin ? _registry._pins[pin] : null;
            Irq irq = p == null ? null : p._irq;
            if (irq == null || irq._disposed != 0)
            {
                Interlocked.Increment(ref _stats._unrouted);
                return false;
            }

            EdgeInbox inbox = _ring;
            int[] turns = inbox._turns;
            while (true)
            {
                int tail = inbox._tail;
                int cell = tail & inbox._mask;
#if NANOIRQ_HOST
                int turn = Volatile.Read(ref turns[cell]);
                int used = tail - Volatile.Read(ref inbox._head);
#else
                int turn = turns[cell];
                int used = tail - inbox._head;
#endif
                if (turn != tail || used >= inbox._capacity)
                {
                    if (turn - tail > 0 || used < 0)
                    {
                        continue; // another writer took this position meanwhile: read the tail again
                    }

                    // Full: refused, counted; the edges already queued are kept.
                    Interlocked.Increment(ref inbox._dropped);
                    Interlocked.Increment(ref irq._stats._dropped);
                    return false;
                }

                if (Interlocked.CompareExchange(ref inbox._tail, tail + 1, tail) != tail)
                {
                    continue;
                }

                int i = cell * 3;
                int[] words = inbox._words;
                words[i] = (pin << 2) | (level ? EdgeInbox.LevelFlag : 0) | (stampIsLate ? EdgeInbox.LateFlag : 0);
                words[i + 1] = unchecked((int)timeMicros);
                words[i + 2] = unchecked((int)sequence);
                inbox._owners[cell] = irq;
                irq._stats._stored++; // before the edge becomes readable, so that Queued never reads below 0
                if (used >= inbox._highWater)
                {
                    inbox._highWater = used + 1;
                }

#if NANOIRQ_HOST
                Volatile.Write(ref turns[cell], tail + 1);
#else
                turns[cell] = tail + 1;
#endif
                break;
            }

            if (_section._taken != 0 && _dispatching == 0)
            {
                _section.NoteEdgeWaiting();
            }

            if (_thread._running != 0)
            {
                _thread._wake.Set();
            }

            return true;
        }

        /// <summary>
        /// Source side, the seam for a capture module that stamps at interrupt time and delivers in batches: queues
        /// <paramref name="count"/> records from <paramref name="edges"/>[<paramref name="offset"/>] in order, each exactly as
        /// <see cref="Post(EdgeRecord)"/> would (the same accounting; a running dispatcher thread is signalled per edge, which
        /// wakes it once). The arguments and every record are checked first: on a bad argument nothing is queued.
        /// </summary>
        /// <returns>How many were queued.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is negative or
        /// the range passes the end of the array; nothing is queued.</exception>
        public int PostBatch(EdgeRecord[] edges, int offset, int count)
        {
            if (edges == null)
            {
                throw new ArgumentNullException("edges");
            }

            if (offset < 0 || offset > edges.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "must be in [0, edges.Length].");
            }

            if (count < 0 || count > edges.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count", "must be in [0, edges.Length - offset].");
            }

            for (int i = 0; i < count; i++)
            {
                if (edges[offset + i] == null)
                {
                    throw new ArgumentNullException("edges", "element " + (offset + i).ToString() + " is null; nothing was queued.");
                }
            }

            int stored = 0;
            for (int i = 0; i < count; i++)
            {
                EdgeRecord e = edges[offset + i];
                if (Post(e._pin, e._level, e._time, e._sequence, e._late))
                {
                    stored++;
                }
            }

            return stored;
        }

        /// <summary>
        /// Delivers, on the calling thread, every edge queued when the call started and every deadline due by the clock
        /// now, in time order. Returns how many edges and deadlines it handled; 0 at once when the critical section is
        /// held (by any thread). Handlers that throw are recorded in <see cref="Faults"/>; Poll itself does not throw
        /// for them. Tests call it after stepping a <see cref="FakeClock"/>.
        /// </summary>
        public int Poll()
        {
            lock (_dispatchGate)
            {
                Thread me = Thread.CurrentThread;
                if (!_section.TryEnterDispatch(me))
                {
                    return 0;
                }

                _dispatching = 1;
                Thread outer = _handlerThread;
                _handlerThread = me;
                int handled = 0;
                // The record every edge of this poll is read into and lent to filters and handlers; a Poll called from a
                // handler (nested) gets its own, so that it does not overwrite the record the outer handler holds.
                EdgeRecord edge = _pollDepth == 0 ? _current : new EdgeRecord();
                _pollDepth++;
                try
                {
                    handled = Deliver(edge);
                }
                finally
                {
                    _pollDepth--;
                    _handlerThread = outer;
                    _dispatching = 0;
                    _section.ExitDispatch(me);
                }

                if (_alarm._source != null)
                {
                    uint next;
                    bool found = _deadlines.TryGetNextDeadline(out next); // under the dispatch gate, held here
                    _alarm.Arm(found, next, _clock.NowMicros);
                }

                return handled;
            }
        }

        /// <summary>
        /// Adds <paramref name="timer"/>: its handler runs on the dispatching thread once the clock reaches its due time,
        /// under the same rules as a pin handler. Attaching a timer already attached does nothing.
        /// </summary>
        /// <example><code>
        /// TimerIrq blink = new TimerIrq(clock, OnBlink, "blink");
        /// dispatcher.Attach(blink);
        /// blink.StartPeriodicMillis(500);
        /// </code></example>
        /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
        public void Attach(TimerIrq timer)
        {
            if (timer == null)
            {
                throw new ArgumentNullException("timer");
            }

            AttachTarget(timer);
        }

        /// <summary>Removes <paramref name="timer"/>; returns false when it was not attached (or is null).</summary>
        public bool Detach(TimerIrq timer)
        {
            return timer != null && DetachTarget(timer);
        }

        // Any deadline-driven target (the tests' stand-ins besides TimerIrq).
        internal void AttachTarget(IDispatchTarget target)
        {
            lock (_dispatchGate)
            {
                if (!_deadlines.Add(target))
                {
                    return;
                }
            }

            Wake();
        }

        internal bool DetachTarget(IDispatchTarget target)
        {
            lock (_dispatchGate)
            {
                return _deadlines.Remove(target);
            }
        }

        /// <summary>
        /// Wakes the dispatcher thread to re-read deadlines (call after changing a target from another thread), and
        /// marks an armed <see cref="WakeSource"/> as consumed so that the next <see cref="Poll"/> arms it again.
        /// Harmless without a thread. Safe from any thread; allocates nothing.
        /// </summary>
        public void Wake()
        {
            _alarm.Consumed();
            if (_thread._running != 0)
            {
                _thread._wake.Set();
            }
        }

        /// <summary>
        /// Starts the dispatcher thread: it polls, then sleeps on an event signalled by sources, <see cref="Wake"/> and
        /// the critical section's release, with a timeout to the next deadline in whole ms, rounded up (at most
        /// <see cref="MaxIdleMillis"/>); a <see cref="WakeSource"/>, when set, ends that sleep at the deadline itself.
        /// </summary>
        /// <exception cref="InvalidOperationException">Already running.</exception>
        public void Start()
        {
            _thread.Start();
        }

        /// <summary>
        /// Stops the dispatcher thread; safe when not running, and safe to repeat. The thread cancels the
        /// <see cref="WakeSource"/> as it ends.
        /// </summary>
        /// <remarks>
        /// <para><b>From any other thread</b>, Stop waits for the poll in progress (its handlers and targets) to end, then
        /// joins every dispatcher thread started before the call, including one a handler's Stop (below) left to finish
        /// on its own: when Stop returns, no dispatcher loop runs and no handler or target runs on a dispatcher thread.
        /// A <see cref="Start"/> made by another thread while Stop waits starts a thread this Stop does not wait for.
        /// This holds also on the threads nanoFramework runs Timer callbacks and GPIO events on, where Thread.Join is
        /// refused: there Stop checks every millisecond whether the thread has ended.</para>
        /// <para><b>From a handler or target</b> (any thread running one: the dispatcher thread, a thread in
        /// <see cref="Poll"/> or in <see cref="Irq.Invoke"/>), Stop returns at once without waiting, which would deadlock:
        /// the dispatcher thread leaves its loop as soon as the poll returns, without another poll. A <see cref="Start"/>
        /// made meanwhile (from that handler or from another thread) starts a new thread; the old one still leaves, so
        /// exactly one dispatcher thread runs.</para>
        /// </remarks>
        public void Stop()
        {
            _thread.Stop();
        }

        /// <summary>Stops the dispatcher thread. Pins and Irqs stay as they are.</summary>
        public void Dispose()
        {
            Stop();
        }

        internal static void CheckPinNumber(int pin, string paramName)
        {
            if (pin < 0 || pin > MaxPin)
            {
                throw new ArgumentOutOfRangeException(paramName, "GPIO number must be in [0, 127].");
            }
        }

        internal void ClaimPin(IrqPin pin)
        {
            _registry.Claim(pin);
        }

        internal void ReleasePin(IrqPin pin)
        {
            _registry.Release(pin);
        }

        internal void Register(Irq irq)
        {
            lock (_dispatchGate)
            {
                _registry.Register(irq);
                _rescan = 1;
            }

            Wake();
        }

        internal void Unregister(Irq irq)
        {
            lock (_dispatchGate)
            {
                _registry.Unregister(irq);
                _rescan = 1;
            }
        }

        /// <summary>Under the dispatch gate, before running handlers or targets on the calling thread: marks it as the
        /// handler thread (so that a Stop made there does not wait) and returns the previous mark for <see cref="ExitHandlers"/>.</summary>
        internal Thread EnterHandlers()
        {
            Thread outer = _handlerThread;
            _handlerThread = Thread.CurrentThread;
            return outer;
        }

        /// <summary>Under the dispatch gate, after the handlers: restores the mark <see cref="EnterHandlers"/> returned.</summary>
        internal void ExitHandlers(Thread outer)
        {
            _handlerThread = outer;
        }

        internal void RecordFault(object source, Exception error, uint timeMicros)
        {
            _faults.Record(source, error, timeMicros);
        }

        // One poll, under the dispatch gate and the critical section: applies Irq changes made by other threads, then
        // takes the edges queued now in order; before each, services every deadline due at or before its time (and by
        // now); at the end, every deadline due by now. Returns how many edges and deadlines it handled. The soonest
        // pending deadline is kept up to date (each dispatched Irq can only add its own), so an edge with no deadline
        // before it costs one comparison instead of a scan.
        private int Deliver(EdgeRecord edge)
        {
            int poll = ++_pollNumber;
            if (poll < 0)
            {
                _pollNumber = 0;
                poll = 0;
            }

            uint now = _clock.NowMicros;
            bool deadlines = false;
            if (_rescan != 0 || _armable != 0)
            {
                // Apply what other threads changed (Enable, Disable, Trigger, Register, Unregister set _rescan) and see
                // which Irqs can have a deadline (a filter or a level trigger): with none, polls skip this scan.
                _rescan = 0;
                int armable = 0;
                Irq[] irqs = _registry._irqs;
                for (int i = 0; i < irqs.Length; i++)
                {
                    Irq irq = irqs[i];
                    if (irq != null)
                    {
                        if (irq._rearm != 0 || (irq._enabled == 0 && irq._levelArmed))
                        {
                            irq.Prepare(now);
                        }

                        if (irq._filter != null || (irq._trigger & (int)(IrqTrigger.HighLevel | IrqTrigger.LowLevel)) != 0)
                        {
                            armable++;
                        }

                        deadlines = deadlines || irq._filterArmed || irq._levelArmed;
                    }
                }

                _armable = armable;
            }

            if (_deadlines._targetCount > 0)
            {
                _deadlines.RefreshTargets();
                deadlines = true;
            }

            int edgesLeft = _ring._tail - _ring._head;
            int handled = 0;
            uint soonest = 0;
            bool pending = deadlines && _deadlines.TryGetSoonest(poll, out soonest);
            EdgeInbox inbox = _ring;
            int[] turns = inbox._turns;
            int[] words = inbox._words;
            Irq[] owners = inbox._owners;
            while (edgesLeft > 0)
            {
                // The inbox's reader, written out (see EdgeInbox): stop at an empty slot or one still being filled.
                int head = inbox._head;
                int cell = head & inbox._mask;
#if NANOIRQ_HOST
                if (Volatile.Read(ref turns[cell]) != head + 1)
#else
                if (turns[cell] != head + 1)
#endif
                {
                    break;
                }

                int w = cell * 3;
                int first = words[w];
                edge._pin = first >> 2;
                edge._level = (first & EdgeInbox.LevelFlag) != 0;
                edge._late = (first & EdgeInbox.LateFlag) != 0;
                edge._time = unchecked((uint)words[w + 1]);
                edge._sequence = unchecked((uint)words[w + 2]);
                Irq irq = owners[cell];
                owners[cell] = null;
#if NANOIRQ_HOST
                Volatile.Write(ref turns[cell], head + inbox._slots);
                Volatile.Write(ref inbox._head, head + 1);
#else
                turns[cell] = head + inbox._slots;
                inbox._head = head + 1;
#endif
                edgesLeft--;
                if (pending && (int)(edge._time - soonest) >= 0 && (int)(now - soonest) >= 0)
                {
                    handled += _deadlines.ServiceDue(edge._time, now, poll);
                    pending = _deadlines.TryGetSoonest(poll, out soonest);
                }

                handled++;
                if (irq._disposed != 0)
                {
                    // Posted for an Irq disposed since: never handed to the pin's next Irq. Unregister wrote off what was
                    // queued when it ran; an edge posted while it ran is written off here.
                    irq.WriteOffOne();
                    _stats._discarded++;
                    continue;
                }

                irq.Dispatch(edge, now, true);
                if (irq._filterArmed && irq._filterStalledPoll != poll && (!pending || (int)(soonest - irq._filterDeadline) > 0))
                {
                    soonest = irq._filterDeadline;
                    pending = true;
                }

                if (irq._levelArmed && (!pending || (int)(soonest - irq._levelDeadline) > 0))
                {
                    soonest = irq._levelDeadline;
                    pending = true;
                }
            }

            if (pending && (int)(now - soonest) >= 0)
            {
                handled += _deadlines.ServiceDue(now, now, poll);
            }

            return handled;
        }

        /// <summary>How long the dispatcher thread may sleep: 0 with edges queued, else ms to the next deadline, rounded up, at most <see cref="MaxIdleMillis"/>.</summary>
        internal int MillisToNextDeadline()
        {
            uint now = _clock.NowMicros;
            uint best;
            bool found;
            lock (_dispatchGate)
            {
                found = _deadlines.TryGetNextDeadline(out best);
            }

            if (_ring.Count > 0)
            {
                return 0;
            }

            if (!found)
            {
                return MaxIdleMillis;
            }

            int millis = Ticks.ToMillisRoundedUp(Ticks.Diff(best, now));
            return millis > MaxIdleMillis ? MaxIdleMillis : millis;
        }
    }
}
