using System;

namespace NanoIrq
{
    /// <summary>
    /// Every deadline a dispatcher serves, earliest first: the filter timeouts and level-trigger repeats of its
    /// <see cref="Irq"/>s (read from the Irqs' fields) and the <see cref="IDispatchTarget"/>s attached to it (timer Irqs,
    /// the demo's blink-out) with the deadline each last reported.
    /// </summary>
    /// <remarks>
    /// <para>Used under the dispatcher's dispatch gate only. At equal times an Irq's deadline goes before a target's,
    /// an Irq's filter timeout before its level repeat. A target that throws is recorded in the dispatcher's
    /// <see cref="FaultLog"/> and stays attached. A target or filter that does not move its deadline past the one just
    /// served is left until the next poll ("stalled"), so a poll always ends.</para>
    /// <para>Irq deadlines are not copied here: an Irq keeps them in its own fields, where the poll loop updates the
    /// soonest one after each edge without a call. Target slots grow by doubling from 4; allocation-free otherwise.</para>
    /// </remarks>
    internal sealed class DeadlineSchedule
    {
        private readonly FaultLog _faults;
        private readonly PinRegistry _registry;
        private IDispatchTarget[] _targets = new IDispatchTarget[4];
        private bool[] _armed = new bool[4];
        private uint[] _deadline = new uint[4];
        private int[] _stalledPoll = new int[4];

        /// <summary>Targets attached now (read as a field on the poll path).</summary>
        internal int _targetCount;

        internal DeadlineSchedule(FaultLog faults, PinRegistry registry)
        {
            _faults = faults;
            _registry = registry;
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
            _targetCount++;
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
                    _targetCount--;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Start of a poll: asks every target for its deadline (another thread may have changed it).</summary>
        internal void RefreshTargets()
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
        private int FindDueTarget(uint now, uint limit, int poll, out uint deadline)
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

        /// <summary>Services the target in <paramref name="slot"/> (from <see cref="FindDueTarget"/>) and takes its next deadline.</summary>
        private void ServiceTarget(int slot, uint now, int poll)
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
        private bool TryGetSoonestTarget(int poll, out uint soonest)
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
        private bool TryGetNextTargetDeadline(out uint earliest)
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

        /// <summary>The soonest deadline <see cref="ServiceDue"/> could serve in <paramref name="poll"/> (due or not yet); false when none is armed.</summary>
        internal bool TryGetSoonest(int poll, out uint soonest)
        {
            bool found = false;
            soonest = 0;
            Irq[] irqs = _registry._irqs;
            for (int i = 0; i < irqs.Length; i++)
            {
                Irq irq = irqs[i];
                if (irq == null)
                {
                    continue;
                }

                if (irq._filterArmed && irq._filterStalledPoll != poll && (!found || (int)(soonest - irq._filterDeadline) > 0))
                {
                    soonest = irq._filterDeadline;
                    found = true;
                }

                if (irq._levelArmed && (!found || (int)(soonest - irq._levelDeadline) > 0))
                {
                    soonest = irq._levelDeadline;
                    found = true;
                }
            }

            uint t;
            if (_targetCount > 0 && TryGetSoonestTarget(poll, out t) && (!found || (int)(soonest - t) > 0))
            {
                soonest = t;
                found = true;
            }

            return found;
        }

        /// <summary>Services, earliest first, every Irq deadline (filter timeouts, level repeats) and target deadline that
        /// is due by <paramref name="now"/> and at or before <paramref name="limit"/>. Returns how many it serviced.</summary>
        internal int ServiceDue(uint limit, uint now, int poll)
        {
            int serviced = 0;
            while (true)
            {
                Irq[] irqs = _registry._irqs;
                int bestIrq = -1;
                uint best = 0;
                // Tick arithmetic written out (each call costs on the interpreter): (int)(a - b) is Ticks.Diff(a, b).
                for (int i = 0; i < irqs.Length; i++)
                {
                    Irq irq = irqs[i];
                    if (irq == null)
                    {
                        continue;
                    }

                    uint d = irq._filterDeadline;
                    if (irq._filterArmed && irq._filterStalledPoll != poll && (int)(now - d) >= 0 && (int)(limit - d) >= 0
                        && (bestIrq < 0 || (int)(best - d) > 0))
                    {
                        bestIrq = i;
                        best = d;
                    }

                    d = irq._levelDeadline;
                    if (irq._levelArmed && (int)(now - d) >= 0 && (int)(limit - d) >= 0 && (bestIrq < 0 || (int)(best - d) > 0))
                    {
                        bestIrq = i;
                        best = d;
                    }
                }

                uint targetDeadline = 0;
                int bestTarget = _targetCount > 0 ? FindDueTarget(now, limit, poll, out targetDeadline) : -1;
                if (bestTarget >= 0 && bestIrq >= 0 && !Ticks.IsBefore(targetDeadline, best))
                {
                    bestTarget = -1; // an Irq deadline at the same time goes first
                }

                if (bestTarget >= 0)
                {
                    ServiceTarget(bestTarget, now, poll);
                }
                else if (bestIrq >= 0)
                {
                    irqs[bestIrq].Service(best, now, poll);
                }
                else
                {
                    return serviced;
                }

                serviced++;
            }
        }

        /// <summary>The earliest pending deadline of every Irq and target (due or not); false when none.</summary>
        internal bool TryGetNextDeadline(out uint best)
        {
            bool found = false;
            best = 0;
            Irq[] irqs = _registry._irqs;
            for (int i = 0; i < irqs.Length; i++)
            {
                uint d;
                if (irqs[i] != null && irqs[i].TryGetNextDeadline(out d) && (!found || Ticks.IsBefore(d, best)))
                {
                    found = true;
                    best = d;
                }
            }

            uint t;
            if (TryGetNextTargetDeadline(out t) && (!found || Ticks.IsBefore(t, best)))
            {
                found = true;
                best = t;
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
