using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// NanoIrq's equivalent of MicroPython's <c>machine.disable_irq()</c> / <c>enable_irq(state)</c>: while
    /// a thread holds it, NanoIrq's dispatcher runs no handler. Edges keep arriving and are queued (not
    /// lost); they are delivered after the outermost <see cref="Restore"/>.
    /// </summary>
    /// <remarks>
    /// <para>A reentrant lock owned by one thread at a time. <see cref="Disable"/> returns a restore key (the
    /// nesting depth before the call: 0 for the outermost hold) that must be passed back to
    /// <see cref="Restore"/> in LIFO order, or use <c>using (cs.Enter()) { ... }</c>, which allocates
    /// nothing. Another thread calling <see cref="Disable"/> blocks until the holder's outermost Restore,
    /// and also while the dispatcher is running a handler (the dispatcher holds the section through
    /// <see cref="TryEnterDispatch()"/>). A handler may itself call Disable/Restore: that nests.</para>
    /// <para>Unlike the hardware call, this does not mask interrupts: the native side and the edge source
    /// keep recording edges. Keep holds short anyway: every edge that waits is delivered late, and
    /// <see cref="LongestHoldMicros"/> tells how late at worst.</para>
    /// <para>Allocation-free after construction: Disable, Restore, Enter and the scope's Dispose allocate
    /// nothing (a blocked Disable waits on a preallocated event).</para>
    /// </remarks>
    public sealed class CriticalSection
    {
        private readonly IClock _clock;
        private readonly AutoResetEvent _freed = new AutoResetEvent(false);

        // 1 while a thread holds the section, 0 when free (taken with CompareExchange); _holder is that thread, set
        // right after taking and cleared right before freeing. Only the holder changes _depth. The holder is known by
        // its Thread object, not by ManagedThreadId: on nanoCLR every thread the runtime starts itself (the main
        // thread, Timer callbacks, GPIO and other native events) reports ManagedThreadId 0, so ids would confuse them.
        internal int _taken; // read by the dispatcher once per posted edge
        private Thread _holder;
        private int _depth;
        private int _waiters;
        private bool _dispatchHold;
        private uint _holdStart;
        private uint _longestHold;
        private int _edgesWaited;

        /// <summary>Creates a free critical section timed by <paramref name="clock"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        public CriticalSection(IClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
        }

        /// <summary>True while any thread holds the section (a user's <see cref="Disable"/> or the dispatcher's <see cref="TryEnterDispatch()"/>).</summary>
        public bool IsHeld
        {
            get { return Interlocked.CompareExchange(ref _taken, 0, 0) != 0; }
        }

        /// <summary>True when the calling thread holds the section.</summary>
        public bool IsHeldByCurrentThread
        {
            get { return _holder == Thread.CurrentThread; }
        }

        /// <summary>Nesting depth of the current holder: 0 when free, 1 inside the outermost hold (or the dispatcher's), +1 per nested <see cref="Disable"/>.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>
        /// Longest outermost hold taken with <see cref="Disable"/> since construction, in µs on the injected
        /// clock (from the outermost Disable to its Restore; wrap-safe for holds under 2^31 µs). Holds by the
        /// dispatcher are not counted: they are handler run time, not time the dispatcher was held off.
        /// </summary>
        public uint LongestHoldMicros
        {
            get { return _longestHold; }
        }

        /// <summary>Edges reported by <see cref="NoteEdgeWaiting"/> since construction: how many were queued while a user's <see cref="Disable"/> held the section (wraps modulo 2^32).</summary>
        public int EdgesWaited
        {
            get { return _edgesWaited; }
        }

        /// <summary>
        /// Invoked on the releasing thread right after the outermost <see cref="Restore"/> of a
        /// <see cref="Disable"/> hold (the section is already free), so the dispatcher can deliver what
        /// waited. Not invoked by <see cref="ExitDispatch()"/>. Null for none.
        /// </summary>
        public Action Released { get; set; }

        /// <summary>
        /// Enters the section (blocking while another thread holds it) and returns the restore key: the
        /// depth before entering, 0 when the calling thread did not hold it.
        /// </summary>
        public int Disable()
        {
            Thread me = Thread.CurrentThread;
            if (_holder == me)
            {
                int key = _depth;
                _depth = key + 1;
                return key;
            }

            Acquire(me);
            _dispatchHold = false;
            _depth = 1;
            _holdStart = _clock.NowMicros;
            return 0;
        }

        /// <summary>
        /// Leaves one level entered by the <see cref="Disable"/> that returned <paramref name="key"/>. On the
        /// outermost level the hold time is measured, the section is freed and <see cref="Released"/> runs.
        /// </summary>
        /// <exception cref="InvalidOperationException">The calling thread does not hold the section
        /// (unbalanced or cross-thread exit), <paramref name="key"/> is not the current depth - 1 (exits out of
        /// order), or the hold is the dispatcher's (use <see cref="ExitDispatch()"/>). Nothing changes.</exception>
        public void Restore(int key)
        {
            if (_holder != Thread.CurrentThread)
            {
                throw new InvalidOperationException(Interlocked.CompareExchange(ref _taken, 0, 0) == 0
                    ? "CriticalSection.Restore without a matching Disable: the section is not held."
                    : "CriticalSection.Restore from a thread that does not hold the section.");
            }

            if (key != _depth - 1)
            {
                throw new InvalidOperationException("CriticalSection.Restore(" + key.ToString() + ") out of order: the current restore key is " + (_depth - 1).ToString() + ".");
            }

            if (key == 0 && _dispatchHold)
            {
                throw new InvalidOperationException("CriticalSection.Restore(0) on the dispatcher's hold: use ExitDispatch.");
            }

            _depth = key;
            if (key != 0)
            {
                return;
            }

            uint held = (uint)Ticks.Diff(_clock.NowMicros, _holdStart);
            if (held > _longestHold && held < 0x80000000u)
            {
                _longestHold = held;
            }

            Release();
            Action released = Released;
            if (released != null)
            {
                released();
            }
        }

        /// <summary>Enters like <see cref="Disable"/> and returns a scope whose Dispose restores: <c>using (cs.Enter()) { ... }</c> allocates nothing.</summary>
        public CriticalSectionScope Enter()
        {
            return new CriticalSectionScope(this, Disable());
        }

        /// <summary>Called by an edge source when it queued an edge because the section was held; counted in <see cref="EdgesWaited"/>. Any thread, never blocks.</summary>
        public void NoteEdgeWaiting()
        {
            Interlocked.Increment(ref _edgesWaited);
        }

        /// <summary>
        /// Dispatcher: takes the section without blocking, and only when nobody holds it (not even the calling
        /// thread). On success a user's <see cref="Disable"/> on another thread waits until
        /// <see cref="ExitDispatch()"/>, and a handler on this thread may Disable/Restore re-entrantly.
        /// </summary>
        /// <returns>True when taken; false when held (the dispatcher should queue and retry on <see cref="Released"/>).</returns>
        public bool TryEnterDispatch()
        {
            return TryEnterDispatch(Thread.CurrentThread);
        }

        // The same for the dispatcher, which already knows its thread (one native call less per poll).
        internal bool TryEnterDispatch(Thread me)
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
            {
                return false;
            }

            _holder = me;
            _dispatchHold = true;
            _depth = 1;
            return true;
        }

        /// <summary>Dispatcher: leaves the hold taken by <see cref="TryEnterDispatch()"/>; does not invoke <see cref="Released"/>.</summary>
        /// <exception cref="InvalidOperationException">The calling thread does not hold a dispatch hold, or a handler left a Disable unrestored (depth is not 1).</exception>
        public void ExitDispatch()
        {
            ExitDispatch(Thread.CurrentThread);
        }

        // The same for the dispatcher, which already knows its thread.
        internal void ExitDispatch(Thread me)
        {
            if (_holder != me || !_dispatchHold)
            {
                throw new InvalidOperationException("CriticalSection.ExitDispatch without a matching TryEnterDispatch on this thread.");
            }

            if (_depth != 1)
            {
                throw new InvalidOperationException("CriticalSection.ExitDispatch with " + (_depth - 1).ToString() + " Disable call(s) not restored by the handler.");
            }

            _dispatchHold = false;
            _depth = 0;
            Release();
        }

        private void Acquire(Thread me)
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
            {
                Interlocked.Increment(ref _waiters);
                while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
                {
                    // Woken by Release; the timeout only guards against a wake-up consumed by another waiter.
                    _freed.WaitOne(10, false);
                }

                Interlocked.Decrement(ref _waiters);
            }

            _holder = me;
        }

        private void Release()
        {
            _holder = null;
            Interlocked.Exchange(ref _taken, 0);
            if (Interlocked.CompareExchange(ref _waiters, 0, 0) != 0)
            {
                _freed.Set();
            }
        }
    }
}
