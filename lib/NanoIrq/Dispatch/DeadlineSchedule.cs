using System;

namespace NanoIrq
{
    /// <summary>
    /// The <see cref="IDispatchTarget"/>s attached to a dispatcher (timer Irqs, fixed-rate tasks, the demo's blink-out)
    /// and the deadline each last reported: which one is due first, servicing it, and the earliest pending one.
    /// </summary>
    /// <remarks>
    /// Used under the dispatcher's dispatch gate only. A target that throws is recorded in the dispatcher's
    /// <see cref="FaultLog"/> and stays attached. A target that does not move its deadline past the one just served is
    /// left until the next poll ("stalled"), so a poll always ends. Grows by doubling from 4 slots; allocation-free
    /// otherwise.
    /// </remarks>
    internal sealed class TargetSchedule
    {
        private readonly FaultLog _faults;
        private IDispatchTarget[] _targets = new IDispatchTarget[4];
        private bool[] _armed = new bool[4];
        private uint[] _deadline = new uint[4];
        private int[] _stalledPoll = new int[4];
        internal int _count;

        internal TargetSchedule(FaultLog faults)
        {
            _faults = faults;
        }

        /// <summary>Targets attached now.</summary>
        internal int Count
        {
            get { return _count; }
        }

        /// <summary>Adds <paramref name="target"/> (not null); false when it was attached already.</summary>
        internal bool Add(IDispatchTarget target)
        {
            int free = -1;
            for (int i = 0; i < _targets.Length; i++)
            {
                if (_targets[i] == target)
                {
                    return false;
                }

                if (_targets[i] == null && free < 0)
                {
                    free = i;
                }
            }

            if (free < 0)
            {
                free = _targets.Length;
                Grow();
            }

            _targets[free] = target;
            _armed[free] = false;
            _stalledPoll[free] = -1;
            _count++;
            return true;
        }

        /// <summary>Removes <paramref name="target"/>; false when it was not attached.</summary>
        internal bool Remove(IDispatchTarget target)
        {
            for (int i = 0; i < _targets.Length; i++)
            {
                if (_targets[i] == target && target != null)
                {
                    _targets[i] = null;
                    _armed[i] = false;
                    _count--;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Start of a poll: asks every target for its deadline (another thread may have changed it).</summary>
        internal void Refresh()
        {
            for (int i = 0; i < _targets.Length; i++)
            {
                IDispatchTarget target = _targets[i];
                if (target != null)
                {
                    uint d;
                    _armed[i] = target.TryGetDeadline(out d);
                    _deadline[i] = d;
                }
            }
        }

        /// <summary>
        /// The slot of the target due first by <paramref name="now"/> and at or before <paramref name="limit"/>, skipping
        /// those stalled in this <paramref name="poll"/>, and its deadline; -1 when none.
        /// </summary>
        internal int FindDue(uint now, uint limit, int poll, out uint deadline)
        {
            int best = -1;
            deadline = 0;
            for (int i = 0; i < _targets.Length; i++)
            {
                uint d = _deadline[i];
                if (_targets[i] != null && _armed[i] && _stalledPoll[i] != poll && Ticks.Diff(now, d) >= 0 && Ticks.Diff(limit, d) >= 0
                    && (best < 0 || Ticks.IsBefore(d, deadline)))
                {
                    best = i;
                    deadline = d;
                }
            }

            return best;
        }

        /// <summary>Services the target in <paramref name="slot"/> (from <see cref="FindDue"/>) and takes its next deadline.</summary>
        internal void Service(int slot, uint now, int poll)
        {
            IDispatchTarget target = _targets[slot];
            uint due = _deadline[slot];
            try
            {
                target.Service(now);
            }
            catch (Exception ex)
            {
                _faults.Record(target, ex, now);
            }

            if (_targets[slot] != target)
            {
                return; // detached by its own Service
            }

            uint next;
            bool armed = target.TryGetDeadline(out next);
            _armed[slot] = armed;
            _deadline[slot] = next;
            if (armed && Ticks.Diff(next, due) <= 0)
            {
                _stalledPoll[slot] = poll;
            }
        }

        /// <summary>The soonest deadline last reported by a target not stalled in <paramref name="poll"/> (due or not); false when none.</summary>
        internal bool TryGetSoonest(int poll, out uint soonest)
        {
            bool found = false;
            soonest = 0;
            for (int i = 0; i < _targets.Length; i++)
            {
                if (_targets[i] != null && _armed[i] && _stalledPoll[i] != poll && (!found || Ticks.IsBefore(_deadline[i], soonest)))
                {
                    found = true;
                    soonest = _deadline[i];
                }
            }

            return found;
        }

        /// <summary>The earliest deadline any target reports now (due or not); false when none is armed.</summary>
        internal bool TryGetNextDeadline(out uint earliest)
        {
            bool found = false;
            earliest = 0;
            for (int i = 0; i < _targets.Length; i++)
            {
                uint d;
                if (_targets[i] != null && _targets[i].TryGetDeadline(out d) && (!found || Ticks.IsBefore(d, earliest)))
                {
                    found = true;
                    earliest = d;
                }
            }

            return found;
        }

        private void Grow()
        {
            int n = _targets.Length * 2;
            IDispatchTarget[] targets = new IDispatchTarget[n];
            bool[] armed = new bool[n];
            uint[] deadlines = new uint[n];
            int[] stalled = new int[n];
            Array.Copy(_targets, targets, _targets.Length);
            Array.Copy(_armed, armed, _targets.Length);
            Array.Copy(_deadline, deadlines, _targets.Length);
            Array.Copy(_stalledPoll, stalled, _targets.Length);
            _targets = targets;
            _armed = armed;
            _deadline = deadlines;
            _stalledPoll = stalled;
        }
    }
}
