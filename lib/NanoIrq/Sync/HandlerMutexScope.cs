using System;

namespace NanoIrq
{
    /// <summary>
    /// A held <see cref="HandlerMutex"/>, returned by <see cref="HandlerMutex.Lock"/>; disposing it exits. A
    /// struct, so <c>using (mutex.Lock()) { }</c> allocates nothing. A default instance's Dispose does nothing.
    /// </summary>
    public struct HandlerMutexScope : IDisposable
    {
        private readonly HandlerMutex _mutex;

        /// <summary>Wraps a mutex the calling thread has entered.</summary>
        public HandlerMutexScope(HandlerMutex mutex)
        {
            _mutex = mutex;
        }

        /// <summary>Exits the mutex (see <see cref="HandlerMutex.Exit"/> for the exceptions).</summary>
        public void Dispose()
        {
            if (_mutex != null)
            {
                _mutex.Exit();
            }
        }
    }
}
