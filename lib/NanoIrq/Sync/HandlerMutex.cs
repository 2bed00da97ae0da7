using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// A lock the main loop holds around multi-variable updates and an interrupt handler only ever tries:
    /// the pattern of MicroPython's <c>isr_rules</c>. A handler must not block (it would stall the
    /// dispatcher and every other handler), so it calls <see cref="TryEnter"/>, and on failure does less
    /// (skips the update, sets a flag, schedules the work); <see cref="Contended"/> counts those failures.
    /// </summary>
    /// <remarks>
    /// Not reentrant: a thread that holds it and enters again gets an <see cref="InvalidOperationException"/>
    /// (blocking) or false (<see cref="TryEnter"/>). Allocation-free after construction; uncontended
    /// Enter/Exit cost two interlocked operations.
    /// </remarks>
    public sealed class HandlerMutex
    {
        private readonly AutoResetEvent _freed = new AutoResetEvent(false);
        // 1 while held, 0 when free (taken with CompareExchange); _holder is the holding thread, set right after taking
        // and cleared right before freeing. Known by its Thread object, not ManagedThreadId: on nanoCLR every thread the
        // runtime starts itself (main thread, Timer callbacks, native events) reports ManagedThreadId 0.
        private int _taken;
        private Thread _holder;
        private int _waiters;
        private int _contended;

        /// <summary>True while some thread holds the mutex (a snapshot).</summary>
        public bool IsHeld
        {
            get { return Interlocked.CompareExchange(ref _taken, 0, 0) != 0; }
        }

        /// <summary>How many <see cref="TryEnter"/> calls found the mutex held, since construction (wraps modulo 2^32).</summary>
        public int Contended
        {
            get { return _contended; }
        }

        /// <summary>Main loop: takes the mutex, blocking while another thread holds it.</summary>
        /// <exception cref="InvalidOperationException">The calling thread already holds it (it would wait for itself forever).</exception>
        public void Enter()
        {
            Thread me = Thread.CurrentThread;
            if (Interlocked.CompareExchange(ref _taken, 1, 0) == 0)
            {
                _holder = me;
                return;
            }

            if (_holder == me)
            {
                throw new InvalidOperationException("HandlerMutex.Enter: this thread already holds the mutex (it is not reentrant).");
            }

            Interlocked.Increment(ref _waiters);
            while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
            {
                // Woken by Exit; the timeout only guards against a wake-up consumed by another waiter.
                _freed.WaitOne(10, false);
            }

            Interlocked.Decrement(ref _waiters);
            _holder = me;
        }

        /// <summary>Handler: takes the mutex if it is free and returns true; otherwise returns false at once and counts it in <see cref="Contended"/>.</summary>
        public bool TryEnter()
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) == 0)
            {
                _holder = Thread.CurrentThread;
                return true;
            }

            Interlocked.Increment(ref _contended);
            return false;
        }

        /// <summary>Releases the mutex taken by <see cref="Enter"/> or a successful <see cref="TryEnter"/>.</summary>
        /// <exception cref="InvalidOperationException">The calling thread does not hold it (unbalanced or cross-thread exit); nothing changes.</exception>
        public void Exit()
        {
            if (_holder != Thread.CurrentThread)
            {
                throw new InvalidOperationException(Interlocked.CompareExchange(ref _taken, 0, 0) == 0
                    ? "HandlerMutex.Exit without a matching Enter: the mutex is not held."
                    : "HandlerMutex.Exit from a thread that does not hold the mutex.");
            }

            _holder = null;
            Interlocked.Exchange(ref _taken, 0);
            if (Interlocked.CompareExchange(ref _waiters, 0, 0) != 0)
            {
                _freed.Set();
            }
        }

        /// <summary>Main loop: <see cref="Enter"/> and return a scope whose Dispose exits; <c>using (m.Lock()) { }</c> allocates nothing.</summary>
        public HandlerMutexScope Lock()
        {
            Enter();
            return new HandlerMutexScope(this);
        }
    }
}
