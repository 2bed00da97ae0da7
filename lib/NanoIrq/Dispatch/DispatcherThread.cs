using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// The thread an <see cref="IrqDispatcher"/> runs on after <see cref="IrqDispatcher.Start"/>: it polls, then sleeps
    /// on an event that sources, <see cref="IrqDispatcher.Wake"/> and the critical section's release signal, with a
    /// timeout to the next deadline; <see cref="Stop"/> ends it and waits for it.
    /// </summary>
    /// <remarks>
    /// Every member runs under the dispatcher's dispatch gate except <see cref="Stop"/>'s wait. The dispatcher reads
    /// <see cref="_running"/> and signals <see cref="_wake"/> directly on its post path (a call costs on the
    /// interpreter). The semantics of Start and Stop, including Stop from a handler and from threads where
    /// nanoCLR refuses Thread.Join, are documented on <see cref="IrqDispatcher.Stop"/>.
    /// </remarks>
    internal sealed class DispatcherThread
    {
        /// <summary>Signalled to end the sleep early: posted edges, Wake, the critical section's release, Stop.</summary>
        internal readonly AutoResetEvent _wake = new AutoResetEvent(false);

        /// <summary>1 between Start and Stop.</summary>
        internal int _running;

        private readonly IrqDispatcher _dispatcher;
        private int _liveLoops;
        private Thread _thread;

        // Dispatcher threads started and not yet ended (null slots are free), under the dispatch gate: an outside Stop
        // joins every one of them, also a thread a handler's Stop left to finish on its own.
        private Thread[] _loops = new Thread[2];

        internal DispatcherThread(IrqDispatcher dispatcher)
        {
            _dispatcher = dispatcher;
        }

        /// <summary>Loops running now (entered <see cref="Run"/> and not yet left it).</summary>
        internal int LiveLoops
        {
            get { return _liveLoops; }
        }

        /// <exception cref="InvalidOperationException">Already running.</exception>
        internal void Start()
        {
            lock (_dispatcher.DispatchGate)
            {
                if (_running != 0)
                {
                    throw new InvalidOperationException("IrqDispatcher is already running; call Stop first.");
                }

                _running = 1;
                _thread = new Thread(Run);
                AddLoop(_thread);
                _thread.Start();
            }
        }

        internal void Stop()
        {
            Thread[] toJoin = null;
            Thread current = Thread.CurrentThread;
            lock (_dispatcher.DispatchGate)
            {
                Interlocked.Exchange(ref _running, 0);
                _thread = null;
                _wake.Set();
                if (_dispatcher._handlerThread != current)
                {
                    int n = 0;
                    for (int i = 0; i < _loops.Length; i++)
                    {
                        if (_loops[i] != null && _loops[i] != current)
                        {
                            n++;
                        }
                    }

                    if (n > 0)
                    {
                        toJoin = new Thread[n];
                        n = 0;
                        for (int i = 0; i < _loops.Length; i++)
                        {
                            if (_loops[i] != null && _loops[i] != current)
                            {
                                toJoin[n++] = _loops[i];
                            }
                        }
                    }
                }
            }

            if (toJoin != null)
            {
                for (int i = 0; i < toJoin.Length; i++)
                {
                    WaitForEnd(toJoin[i]);
                }
            }
        }

        // Waits until a dispatcher thread has ended. nanoCLR refuses Thread.Join on the threads it runs itself, those
        // of Timer callbacks and GPIO/native events (Thread::Join in corlib_native_System_Threading_Thread.cpp rejects
        // TH_F_System callers with CLR_E_INVALID_OPERATION): a Stop made there polls IsAlive. Any refusal falls back to
        // the poll, whatever exception type the runtime maps it to.
        private static void WaitForEnd(Thread thread)
        {
            try
            {
                thread.Join();
            }
            catch (Exception)
            {
                while (thread.IsAlive)
                {
                    Thread.Sleep(1);
                }
            }
        }

        // Under the dispatch gate.
        private void AddLoop(Thread thread)
        {
            for (int i = 0; i < _loops.Length; i++)
            {
                if (_loops[i] == null)
                {
                    _loops[i] = thread;
                    return;
                }
            }

            Thread[] grown = new Thread[_loops.Length * 2];
            Array.Copy(_loops, grown, _loops.Length);
            grown[_loops.Length] = thread;
            _loops = grown;
        }

        // Under the dispatch gate.
        private void RemoveLoop(Thread thread)
        {
            for (int i = 0; i < _loops.Length; i++)
            {
                if (_loops[i] == thread)
                {
                    _loops[i] = null;
                }
            }
        }

        // True while the calling thread is the dispatcher thread of the current Start: Stop (which clears _thread, at
        // once when called from a handler) or a later Start (a new thread) ends an older thread's loop.
        private bool OwnsLoop()
        {
            return _running != 0 && _thread == Thread.CurrentThread;
        }

        private void Run()
        {
            Interlocked.Increment(ref _liveLoops);
            while (OwnsLoop())
            {
                int handled = _dispatcher.Poll();
                int wait = _dispatcher.MillisToNextDeadline();
                if (_dispatcher.CriticalSection.IsHeld)
                {
                    // Held off by a user's hold: the outermost Restore wakes us (Released).
                    wait = IrqDispatcher.MaxIdleMillis;
                }
                else if (handled == 0 && wait == 0)
                {
                    // Something due could not be served this round (a target that did not move its deadline): do not spin.
                    wait = 1;
                }

                if (wait > 0 && OwnsLoop())
                {
                    _wake.WaitOne(wait, false);
                }
            }

            // Stopped (also from a handler, whose poll re-armed the wake source after Stop returned).
            lock (_dispatcher.DispatchGate)
            {
                Thread current = _thread;
                _dispatcher._alarm.CancelAtThreadEnd(current != null && current != Thread.CurrentThread);
                RemoveLoop(Thread.CurrentThread);
            }

            Interlocked.Decrement(ref _liveLoops);
        }
    }
}
