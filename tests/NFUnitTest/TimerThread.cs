using System;
using System.Threading;

namespace NFUnitTest
{
    /// <summary>
    /// Runs code on a <see cref="Timer"/> callback: on nanoCLR a thread the runtime starts itself (it reports
    /// ManagedThreadId 0 and may not Join), unlike the test thread and threads made with <c>new Thread</c>.
    /// </summary>
    public static class TimerThread
    {
        /// <summary>How long <see cref="Run"/> waits for the callback: 10,000 ms, for a 0 ms timer on a busy interpreter.</summary>
        public const int WaitMillis = 10000;

        /// <summary>Runs <paramref name="action"/> once on a timer callback and waits for it to finish; false when it did not finish within <see cref="WaitMillis"/>.</summary>
        public static bool Run(Action action)
        {
            ManualResetEvent done = new ManualResetEvent(false);
            Timer timer = new Timer(
                state =>
                {
                    try
                    {
                        action();
                    }
                    finally
                    {
                        done.Set();
                    }
                },
                null,
                0,
                Timeout.Infinite);
            bool ran = done.WaitOne(WaitMillis, false);
            timer.Dispose();
            return ran;
        }
    }
}
