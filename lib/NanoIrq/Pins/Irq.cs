using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// An interrupt handler attached to one pin, MicroPython's <c>pin.irq()</c> object: created by
    /// <see cref="IrqPin.Irq(IrqHandler, IrqTrigger, IrqOptions)"/>, run by its <see cref="IrqDispatcher"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Flow.</b> source edge → dispatcher ring → (disabled? counted) → optional <see cref="IrqOptions.Filter"/> →
    /// trigger test → handler. Every edge is counted in <see cref="Stats"/>, which keeps an identity across all of them
    /// (see <see cref="IrqStats"/>).</para>
    /// <para><b>Threads.</b> <see cref="Enable"/>, <see cref="Disable"/>, <see cref="Trigger"/> and <see cref="Dispose"/>
    /// may be called from any thread, including the handler; they take effect at the dispatcher's next step.</para>
    /// </remarks>
    public sealed class Irq : IDisposable
    {
        private readonly IrqDispatcher _dispatcher;
        private readonly IrqPin _pin;
        private readonly IrqHandler _handler;
        internal readonly IEdgeFilter _filter;
        private readonly IrqSink _sink;

        // The records handed to the handler by Invoke and by level repeats, refilled each time (no allocation); two, so
        // that an Invoke from inside a level-repeat call leaves the outer call's record alone.
        private readonly EdgeRecord _manual = new EdgeRecord();
        private readonly EdgeRecord _repeat = new EdgeRecord();
        private readonly bool _keepEnabledOnFault;
        private readonly int _levelRepeatMicros;

        internal int _trigger;
        internal int _enabled = 1;
        internal int _disposed;
        internal int _rearm = 1;
        private IrqFlags _flags;
        private HandlerProbe _probe;

        // The counters: written by the source posting for this pin (stored, dropped), under the dispatch gate (discarded)
        // and by the dispatching thread (the rest).
        internal readonly IrqStats _stats = new IrqStats();
        private uint _lastSequence;
        private bool _level;
        internal bool _levelArmed;
        internal uint _levelDeadline;
        internal bool _filterArmed;
        internal uint _filterDeadline;
        internal int _filterStalledPoll = -1;

        // The dispatcher's clock reading of the Feed or Tick in progress: the time faults of filtered edges are stamped with.
        private uint _now;

        internal Irq(IrqDispatcher dispatcher, IrqPin pin, IrqHandler handler, IrqTrigger trigger, IrqOptions options, bool level)
        {
            _dispatcher = dispatcher;
            _pin = pin;
            _handler = handler;
            _trigger = (int)trigger;
            _level = level;
            if (options != null)
            {
                _filter = options.Filter;
                _keepEnabledOnFault = options.KeepEnabledOnFault;
                _levelRepeatMicros = options.LevelRepeatMicros;
            }
            else
            {
                _levelRepeatMicros = IrqOptions.DefaultLevelRepeatMicros;
            }

            _sink = new IrqSink(this);
        }

        /// <summary>The pin this Irq watches.</summary>
        public IrqPin Pin
        {
            get { return _pin; }
        }

        /// <summary>Why the handler is being called (read it inside the handler); outside a call, the reason of the last call, or None.</summary>
        public IrqFlags Flags
        {
            get { return _flags; }
        }

        /// <summary>
        /// What makes the handler run; may be changed at any time (a level trigger added while the pin holds that level
        /// fires at the next dispatch).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Set to a value outside 1 to 15; the trigger is unchanged.</exception>
        /// <exception cref="ObjectDisposedException">Set after <see cref="Dispose"/>.</exception>
        public IrqTrigger Trigger
        {
            get
            {
                return (IrqTrigger)_trigger;
            }

            set
            {
                CheckTrigger(value, "value");
                ThrowIfDisposed();
                _trigger = (int)value;
                _rearm = 1;
                _dispatcher._rescan = 1;
                _dispatcher.Wake();
            }
        }

        /// <summary>True while edges are delivered; false after <see cref="Disable"/>, a fault (unless KeepEnabledOnFault) or Dispose.</summary>
        public bool IsEnabled
        {
            get { return _enabled != 0 && _disposed == 0; }
        }

        /// <summary>True after <see cref="Dispose"/>.</summary>
        public bool IsDisposed
        {
            get { return _disposed != 0; }
        }

        /// <summary>This Irq's counters (edges seen, delivered, filtered, dropped, discarded, queued...), live: the same object
        /// for the Irq's life, read it any time. See <see cref="IrqStats"/> for the identity they keep.</summary>
        public IrqStats Stats
        {
            get { return _stats; }
        }

        /// <summary>
        /// Optional latency recording, off (null) by default: while set, every handler call made by the dispatcher (an
        /// edge, or a level-trigger call) is timed by the probe. Its <see cref="HandlerProbe.Latency"/> gets the µs from
        /// the <see cref="EdgeRecord.TimeMicros"/> handed to the handler (the interrupt-time stamp, or the time a filter
        /// decided; a level call's due time) to handler entry; its <see cref="HandlerProbe.Duration"/> the µs the handler
        /// ran; its debug pin, if any, is high while the handler runs. <see cref="Invoke"/> is not recorded. Read p50/p99
        /// from <c>Probe.Latency</c>. Recording allocates nothing; the probe must read the dispatcher's clock (stamps and
        /// clock must agree) and serve this Irq only.
        /// </summary>
        /// <example><c>irq.Probe = new HandlerProbe(dispatcher.Clock, "button");</c> ... <c>irq.Probe.Latency.P99</c></example>
        public HandlerProbe Probe
        {
            get { return _probe; }
            set { _probe = value; }
        }

        /// <summary>Sequence number of the last edge dispatched for this pin (0 before the first).</summary>
        public uint LastSequence
        {
            get { return _lastSequence; }
        }

        /// <summary>Delivers edges again (MicroPython <c>irq.enable()</c>); a level trigger whose level holds fires at the next dispatch.
        /// A hard action (<see cref="IrqOptions.Hard"/>) is armed again before Enable returns.</summary>
        /// <remarks>Enable, <see cref="Disable"/>, a fault that disables the Irq and <see cref="Dispose"/> may race on several
        /// threads: once they have all returned, the hard action is armed exactly when <see cref="IsEnabled"/> is true (the pin
        /// re-reads the state under its own lock before each arm or disarm), and never after Dispose, not even on the
        /// same GPIO opened again. An Enable that loses the race with Dispose either throws <see cref="ObjectDisposedException"/>
        /// or returns having done nothing.</remarks>
        /// <exception cref="ObjectDisposedException">The Irq was disposed.</exception>
        public void Enable()
        {
            ThrowIfDisposed();
            _enabled = 1;
            _rearm = 1;
            _dispatcher._rescan = 1;
            _pin.SyncHardAction(this);
            _dispatcher.Wake();
        }

        /// <summary>Stops delivery (MicroPython <c>irq.disable()</c>): edges keep being counted in <see cref="IrqStats.DisabledSkipped"/>;
        /// a hard action (<see cref="IrqOptions.Hard"/>) is disarmed before Disable returns, until <see cref="Enable"/>. Does nothing
        /// after <see cref="Dispose"/>. Safe against a racing Enable on another thread: see the remarks of <see cref="Enable"/>.</summary>
        public void Disable()
        {
            _enabled = 0;
            _dispatcher._rescan = 1;
            _pin.SyncHardAction(this);
        }

        /// <summary>
        /// Calls the handler now, on the calling thread (MicroPython <c>irq()</c>), with <see cref="Flags"/> =
        /// <see cref="IrqFlags.Manual"/> and an edge carrying the pin's current level, the clock's time and
        /// <see cref="LastSequence"/>. Works while disabled; waits for a dispatch in progress on another thread, so
        /// handlers never run twice at once. A throw is recorded like any fault.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The Irq was disposed.</exception>
        public void Invoke()
        {
            ThrowIfDisposed();
            lock (_dispatcher.DispatchGate)
            {
                Thread outer = _dispatcher.EnterHandlers();
                try
                {
                    uint now = _dispatcher.Clock.NowMicros;
                    _stats._invoked++;
                    Call(IrqFlags.Manual, _manual.Set(_pin.Number, _pin.Level, now, _lastSequence, false), now, null);
                }
                finally
                {
                    _dispatcher.ExitHandlers(outer);
                }
            }
        }

        /// <summary>
        /// Detaches from the dispatcher (edges still queued are written off in <see cref="IrqStats.Discarded"/>) and releases the
        /// pin, which disposes it: the GPIO can be opened again. Safe to call twice and from several threads, also together
        /// with <see cref="IrqPin.Dispose"/>: one call does the work, after the poll in progress, and every call returns only
        /// once it is done (called from a handler, at once).
        /// </summary>
        public void Dispose()
        {
            // Marked first so that a poll in progress writes this Irq's edges off (the dispatcher checks IsDisposed).
            Interlocked.Exchange(ref _disposed, 1);
            _enabled = 0;
            _pin.Dispose();
        }

        /// <summary>Called by the pin's Dispose under the dispatch gate, once: marks the Irq disposed and takes it out of the dispatcher.</summary>
        internal void Detach()
        {
            Interlocked.Exchange(ref _disposed, 1);
            _enabled = 0;
            _dispatcher.Unregister(this);
        }

        internal static void CheckTrigger(IrqTrigger trigger, string paramName)
        {
            int t = (int)trigger;
            if (t < 1 || t > 15)
            {
                throw new ArgumentOutOfRangeException(paramName, "must be a non-zero combination of Rising (1), Falling (2), LowLevel (4), HighLevel (8): 1 to 15.");
            }
        }

        /// <summary>Dispatcher thread, start of each poll: applies Enable/Trigger changes made by other threads.</summary>
        internal void Prepare(uint now)
        {
            if (_enabled == 0)
            {
                _levelArmed = false;
                return;
            }

            if (_rearm == 0)
            {
                return;
            }

            _rearm = 0;
            if (LevelWatched(_level))
            {
                if (!_levelArmed)
                {
                    _levelArmed = true;
                    _levelDeadline = now;
                }
            }
            else
            {
                _levelArmed = false;
            }
        }

        /// <summary>Called by the dispatcher under its dispatch gate when the Irq leaves it: writes off what is still queued
        /// and returns that count.</summary>
        internal int WriteOffQueued()
        {
            IrqStats st = _stats;
            int left = st.Queued;
            if (left <= 0)
            {
                return 0;
            }

            st._discarded += left;
            return left;
        }

        /// <summary>Dispatcher thread, under the dispatch gate: one edge of this disposed Irq read out of the ring; counted
        /// in <see cref="IrqStats.Discarded"/> unless <see cref="WriteOffQueued"/> already counted it.</summary>
        internal void WriteOffOne()
        {
            IrqStats st = _stats;
            if (st.Queued > 0)
            {
                st._discarded++;
            }
        }

        /// <summary>
        /// Dispatcher thread: one edge read out of the ring for this Irq (<paramref name="raw"/> true), or one edge out
        /// of its filter (false): counts it, feeds a raw edge to the filter when there is one, otherwise selects it by
        /// the trigger and calls the handler. One method for both, so that a plain edge costs one call before the handler.
        /// </summary>
        /// <param name="edge">The edge, lent for this call.</param>
        /// <param name="now">The poll's clock reading (raw edges); ignored for filter output, which uses the reading of the
        /// Feed or Tick in progress.</param>
        /// <param name="raw">True for an edge from the ring, false for one emitted by the filter.</param>
        internal void Dispatch(EdgeRecord edge, uint now, bool raw)
        {
            IrqStats st = _stats;
            if (raw)
            {
                st._taken++;
                _lastSequence = edge._sequence;
                if (_enabled == 0)
                {
                    st._disabledSkipped++;
                    _level = edge._level;
                    _levelArmed = false;
                    return;
                }

                if (_filter != null)
                {
                    st._held++;
                    _now = now;
                    _filter.Feed(edge, _sink);
                    _filterArmed = _filter.TryGetDeadline(out _filterDeadline);
                    return;
                }
            }
            else
            {
                now = _now; // the poll's clock reading of the Feed or Tick that emits this edge
                // Each edge out of the filter pays back one edge fed in; one with nothing to pay back was added by the filter.
                if (st._held > 0)
                {
                    st._held--;
                }
                else
                {
                    st._synthesized++;
                }

                if (_enabled == 0)
                {
                    st._disabledSkipped++;
                    return;
                }
            }

            // IrqFlags' edge and level bits equal IrqTrigger's, so the flags are the trigger masked by what happened: the
            // edge's direction, and the level it entered (a change of level ends a level repeat, or starts one).
            bool level = edge._level;
            IrqFlags flags;
            if (level != _level)
            {
                _level = level;
                flags = (IrqFlags)(_trigger & (level ? (int)(IrqTrigger.Rising | IrqTrigger.HighLevel) : (int)(IrqTrigger.Falling | IrqTrigger.LowLevel)));
                _levelArmed = (flags & (IrqFlags.HighLevel | IrqFlags.LowLevel)) != IrqFlags.None;
                if (_levelArmed)
                {
                    _levelDeadline = Ticks.Add(edge._time, _levelRepeatMicros);
                }
            }
            else
            {
                flags = (IrqFlags)(_trigger & (level ? (int)IrqTrigger.Rising : (int)IrqTrigger.Falling));
            }

            if (flags == IrqFlags.None)
            {
                st._notSelected++;
                return;
            }

            st._delivered++;
            if (_probe != null)
            {
                Call(flags, edge, now, _probe);
                return;
            }

            // Call without a probe, written out: this runs once per delivered edge, and a call costs on the interpreter.
            _flags = flags;
            try
            {
                _handler(this, edge);
            }
            catch (Exception ex)
            {
                Fault(ex, now);
            }
        }

        internal bool TryGetNextDeadline(out uint deadline)
        {
            bool found = false;
            deadline = 0;
            if (_filterArmed)
            {
                deadline = _filterDeadline;
                found = true;
            }

            if (_levelArmed && (!found || Ticks.IsBefore(_levelDeadline, deadline)))
            {
                deadline = _levelDeadline;
                found = true;
            }

            return found;
        }

        /// <summary>Runs what is due at <paramref name="deadline"/> (filter first, then the level repeat).</summary>
        internal void Service(uint deadline, uint now, int poll)
        {
            if (_filterArmed && _filterStalledPoll != poll && _filterDeadline == deadline)
            {
                _now = now;
                _filter.Tick(deadline, _sink);
                _filterArmed = _filter.TryGetDeadline(out _filterDeadline);
                if (_filterArmed && Ticks.Diff(_filterDeadline, deadline) <= 0)
                {
                    // A filter that did not move its deadline on: leave it until the next poll.
                    _filterStalledPoll = poll;
                }

                return;
            }

            if (_levelArmed && _levelDeadline == deadline)
            {
                if (_enabled == 0 || !LevelWatched(_level))
                {
                    _levelArmed = false;
                    return;
                }

                int late = Ticks.Diff(now, deadline);
                int periods = late / _levelRepeatMicros + 1;
                _levelDeadline = Ticks.Add(deadline, periods * _levelRepeatMicros);
                _stats._levelCalls++;
                Call(_level ? IrqFlags.HighLevel : IrqFlags.LowLevel, _repeat.Set(_pin.Number, _level, deadline, _lastSequence, false), now, _probe);
            }
        }

        private bool LevelWatched(bool level)
        {
            return (_trigger & (level ? (int)IrqTrigger.HighLevel : (int)IrqTrigger.LowLevel)) != 0;
        }

        private void Call(IrqFlags flags, EdgeRecord edge, uint now, HandlerProbe probe)
        {
            _flags = flags;
            if (probe != null)
            {
                probe.Enter(edge._time);
            }

            Exception error = null;
            try
            {
                _handler(this, edge);
            }
            catch (Exception ex)
            {
                error = ex;
            }

            if (probe != null)
            {
                probe.Exit();
            }

            if (error != null)
            {
                Fault(error, now);
            }
        }

        // The handler threw: count, disable unless told otherwise, record.
        private void Fault(Exception error, uint now)
        {
            _stats._faults++;
            if (!_keepEnabledOnFault)
            {
                _enabled = 0;
                _levelArmed = false;
                _pin.SyncHardAction(this);
            }

            _dispatcher.RecordFault(this, error, now);
        }

        private void ThrowIfDisposed()
        {
            if (_disposed != 0)
            {
                throw new ObjectDisposedException("Irq on GPIO " + _pin.Number.ToString() + " was disposed; open the pin again and create a new Irq.");
            }
        }
    }
}
