using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// The dispatcher's optional <see cref="IWakeSource"/> and what it was last told: armed for a deadline, cancelled,
    /// or unknown (after a wake-up consumed the shot). Arming calls the source only when the deadline changed or a
    /// wake-up came since, so a burst of edges does not re-arm the hardware each poll. Semantics for users:
    /// <see cref="IrqDispatcher.WakeSource"/>.
    /// </summary>
    /// <remarks>Set, armed and cancelled under the dispatcher's dispatch gate; <see cref="Consumed"/> from any thread.
    /// Allocates nothing (given a source whose <c>WakeAfter</c> does not).</remarks>
    internal sealed class WakeAlarm
    {
        // What the source was last told: Unknown (the next Arm arms or cancels it), Armed (for _deadline), Idle (cancelled).
        private const int Unknown = 0;
        private const int Armed = 1;
        private const int Idle = 2;

        internal IWakeSource _source;
        private int _state;
        private uint _deadline;

        /// <summary>The source, or null for none. Setting it cancels a different previous source.</summary>
        internal IWakeSource Source
        {
            get
            {
                return _source;
            }

            set
            {
                IWakeSource old = _source;
                if (old != null && old != value)
                {
                    old.Cancel();
                }

                _source = value;
                _state = Unknown;
            }
        }

        /// <summary>A wake-up happened (or deadlines changed): the next <see cref="Arm"/> tells the source again. Any thread.</summary>
        internal void Consumed()
        {
            Interlocked.Exchange(ref _state, Unknown);
        }

        /// <summary>
        /// End of a poll: arms the source for <paramref name="next"/> when <paramref name="found"/> and it lies ahead of
        /// <paramref name="now"/>; otherwise (nothing pending, or already due: the thread polls again at once) cancels it.
        /// </summary>
        internal void Arm(bool found, uint next, uint now)
        {
            IWakeSource source = _source;
            int delay = found ? Ticks.Diff(next, now) : 0;
            if (!found || delay <= 0)
            {
                if (Interlocked.Exchange(ref _state, Idle) != Idle)
                {
                    source.Cancel();
                }

                return;
            }

            if (_state == Armed && _deadline == next)
            {
                return;
            }

            // State first: a wake-up that fires as soon as it is armed calls Consumed, which resets it.
            _deadline = next;
            Interlocked.Exchange(ref _state, Armed);
            source.WakeAfter(delay);
        }

        /// <summary>The dispatcher thread is ending: no wake-up stays pending, unless a newer thread took over the source.</summary>
        internal void CancelAtThreadEnd(bool newerThreadRuns)
        {
            IWakeSource source = _source;
            if (source != null && !newerThreadRuns)
            {
                source.Cancel();
                Interlocked.Exchange(ref _state, Idle);
            }
        }
    }
}
