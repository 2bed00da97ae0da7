using System;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// The lock-free single-producer/single-consumer index logic shared by <see cref="EdgeRing"/> and
    /// <see cref="ByteRing"/>: which slot to write or read, the overflow policy, and the counters. The rings
    /// own the payload arrays; this class only hands out slot numbers.
    /// </summary>
    /// <remarks>
    /// <para><b>Positions.</b> <c>Head</c> (next to read) and <c>Tail</c> (next to write) run over
    /// [0, <c>_modulus</c>) where <c>_modulus</c> is the largest multiple of the capacity not above 2^30, so a
    /// position maps to slot <c>position % capacity</c> and the count is <c>(tail - head) mod _modulus</c>.
    /// Each side steps its own slot number alongside its position, so the hot path never divides.</para>
    /// <para><b>Ownership.</b> Only the producer writes <c>Tail</c>. Only the consumer writes <c>Head</c>,
    /// except under <see cref="OverflowPolicy.DropOldest"/> where the producer may also advance it by one with
    /// a compare-and-swap; the consumer then commits its read with a compare-and-swap too, and a failed swap
    /// means "the item you copied was dropped meanwhile": the copy is discarded and the read retried. Under
    /// <see cref="OverflowPolicy.Overwrite"/> the producer rewrites the newest slot in place inside a sequence
    /// lock (<c>Overwrites</c> is odd while it writes); the consumer reads the sequence before and after
    /// copying and retries when it changed. With a capacity of at least 2 the newest slot is never the slot
    /// the consumer is committing, which is why Overwrite needs capacity 2.</para>
    /// <para><b>Memory ordering on the host CLR.</b> Every <see cref="Interlocked"/> operation is a full
    /// fence. The producer stores the payload with plain stores and then publishes <c>Tail</c> with
    /// <see cref="Interlocked.Exchange(ref int, int)"/>, so the payload is visible before the new tail. The
    /// consumer reads <c>Tail</c> with <c>Interlocked.CompareExchange(ref Tail, 0, 0)</c> (a fenced read the
    /// JIT cannot hoist or cache) before it loads the payload, and publishes <c>Head</c> with an
    /// interlocked operation after the loads, so the producer cannot reuse a slot the consumer is still
    /// copying. Each side keeps a private copy of the other's index and refreshes it only when the copy says
    /// full (producer) or empty (consumer): a stale copy only makes the ring look fuller or emptier than it
    /// is, never lets a side touch a slot it does not own.</para>
    /// <para><b>On the nanoFramework interpreter</b> managed threads run on one core and are switched only
    /// between IL instructions; there is no JIT and no out-of-order visibility between managed threads, and
    /// every int load or store is a single instruction. The same publish-after-write order is therefore
    /// sufficient, and the Interlocked calls (the nanoFramework mscorlib has them for int) keep each
    /// read-modify-write indivisible. The <c>volatile</c> keyword is not used because the device's mscorlib
    /// lacks <c>IsVolatile</c>.</para>
    /// <para>ABA: a commit compares positions modulo at least 2^29, so it could be fooled only if the
    /// producer wrote 2^29 items while the consumer was paused between copying and committing one.</para>
    /// </remarks>
    internal sealed class RingIndex
    {
        internal const int MaxCapacity = 1 << 24;

        private readonly int _capacity;
        private readonly int _modulus;
        private readonly OverflowPolicy _policy;

        // Each side's fields live in their own object, padded so that the producer's and the consumer's
        // hot fields never share a 64-byte cache line on the host (no effect on the interpreter's logic).
        private readonly ProducerSide _p = new ProducerSide();
        private readonly ConsumerSide _c = new ConsumerSide();

        private sealed class ProducerSide
        {
            // Padding: the CLR lays 8-byte fields out first, keeping the ints below 56 bytes away from any
            // neighbour object's fields.
            internal long Pad0, Pad1, Pad2, Pad3, Pad4, Pad5, Pad6;

            internal int Tail;          // shared: written by the producer, read by the consumer
            internal int Overwrites;    // shared: the Overwrite sequence lock
            internal int Dropped;       // shared: both sides add
            internal int TailSlot;
            internal int HeadCache;
            internal int Written;
            internal int HighWater;
            internal bool Overwriting;
        }

        private sealed class ConsumerSide
        {
            internal long Pad0, Pad1, Pad2, Pad3, Pad4, Pad5, Pad6;

            internal int Head;          // shared: written by the consumer (and by the producer under DropOldest)
            internal int HeadLocal;
            internal int HeadSlot;
            internal int TailCache;
            internal int OverwritesSeen;
            internal int Read;
        }

        internal RingIndex(int capacity, OverflowPolicy policy)
        {
            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [1, 16777216] items.");
            }

            if (policy != OverflowPolicy.Reject && policy != OverflowPolicy.DropOldest && policy != OverflowPolicy.Overwrite)
            {
                throw new ArgumentOutOfRangeException("policy", "must be Reject, DropOldest or Overwrite.");
            }

            if (policy == OverflowPolicy.Overwrite && capacity < 2)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [2, 16777216] items with OverflowPolicy.Overwrite (the newest slot is rewritten in place).");
            }

            _capacity = capacity;
            _policy = policy;
            _modulus = (1 << 30) / capacity * capacity;
        }

        internal int Capacity
        {
            get { return _capacity; }
        }

        internal OverflowPolicy Policy
        {
            get { return _policy; }
        }

        internal int Written
        {
            get { return _p.Written; }
        }

        internal int ReadCount
        {
            get { return _c.Read; }
        }

        internal int Dropped
        {
            get { return _p.Dropped; }
        }

        internal int HighWater
        {
            get { return _p.HighWater; }
        }

        /// <summary>Items stored now (a snapshot; exact when called by the producer or the consumer while the other is idle).</summary>
        internal int Count
        {
            get
            {
                int tail = Observe(ref _p.Tail);
                int head = Observe(ref _c.Head);
                return Distance(tail, head);
            }
        }

        /// <summary>Largest position + 1: positions run over [0, Modulus).</summary>
        internal int Modulus
        {
            get { return _modulus; }
        }

        /// <summary>
        /// Tests only, on an empty ring no thread is using: moves both positions to <paramref name="position"/>
        /// (e.g. <c>Modulus - 2</c>) so that the position wrap can be exercised in a few writes.
        /// </summary>
        internal void StartAt(int position)
        {
            int slot = position % _capacity;
            _c.Head = position;
            _p.Tail = position;
            _p.HeadCache = position;
            _c.HeadLocal = position;
            _c.TailCache = position;
            _p.TailSlot = slot;
            _c.HeadSlot = slot;
        }

        // Publishing an index needs a release store and observing the other side's index an acquire load.
        // The host build (NANOIRQ_HOST, defined by lib/NanoIrq.Host) uses Volatile, which is exactly that
        // and costs no fence instruction on x64; the device build uses Interlocked (nanoFramework's mscorlib
        // has no Volatile class), a full fence that is at least as strong.
        private static void Publish(ref int location, int value)
        {
#if NANOIRQ_HOST
            Volatile.Write(ref location, value);
#else
            Interlocked.Exchange(ref location, value);
#endif
        }

        private static int Observe(ref int location)
        {
#if NANOIRQ_HOST
            return Volatile.Read(ref location);
#else
            return Interlocked.CompareExchange(ref location, 0, 0);
#endif
        }

        private int Distance(int tail, int head)
        {
            int d = tail - head;
            if (d < 0)
            {
                d += _modulus;
            }

            return d;
        }

        private int NextPosition(int position)
        {
            position++;
            return position == _modulus ? 0 : position;
        }

        private int NextSlot(int slot)
        {
            slot++;
            return slot == _capacity ? 0 : slot;
        }

        // ---------------------------------------------------------------- producer side

        /// <summary>
        /// Producer: counts one offered item and returns the slot to fill, or -1 when the policy refuses it
        /// (already counted as dropped). Every non-negative result must be followed by <see cref="EndWrite"/>.
        /// </summary>
        internal int BeginWrite()
        {
            _p.Written++;
            _p.Overwriting = false;
            int tail = _p.Tail;
            if (Distance(tail, _p.HeadCache) < _capacity)
            {
                return _p.TailSlot;
            }

            _p.HeadCache = Observe(ref _c.Head);
            if (Distance(tail, _p.HeadCache) < _capacity)
            {
                return _p.TailSlot;
            }

            if (_policy == OverflowPolicy.Reject)
            {
                Interlocked.Increment(ref _p.Dropped);
                return -1;
            }

            if (_policy == OverflowPolicy.DropOldest)
            {
                int head = _p.HeadCache;
                int next = NextPosition(head);
                int seen = Interlocked.CompareExchange(ref _c.Head, next, head);
                if (seen == head)
                {
                    _p.HeadCache = next;
                    Interlocked.Increment(ref _p.Dropped);
                }
                else
                {
                    // The consumer took the oldest item meanwhile: there is room now.
                    _p.HeadCache = seen;
                }

                return _p.TailSlot;
            }

            // Overwrite: open the sequence lock, then confirm the ring is still full.
            Interlocked.Increment(ref _p.Overwrites);
            _p.HeadCache = Observe(ref _c.Head);
            if (Distance(tail, _p.HeadCache) >= _capacity)
            {
                _p.Overwriting = true;
                Interlocked.Increment(ref _p.Dropped);
                return _p.TailSlot == 0 ? _capacity - 1 : _p.TailSlot - 1;
            }

            Interlocked.Increment(ref _p.Overwrites);
            return _p.TailSlot;
        }

        /// <summary>Producer: publishes the slot filled after <see cref="BeginWrite"/>.</summary>
        internal void EndWrite()
        {
            if (_p.Overwriting)
            {
                _p.Overwriting = false;
                Interlocked.Increment(ref _p.Overwrites);
                return;
            }

            int next = NextPosition(_p.Tail);
            _p.TailSlot = NextSlot(_p.TailSlot);
            Publish(ref _p.Tail, next);
            NoteLevel(next);
        }

        /// <summary>Producer: free slots seen from the producer (refreshes its copy of the head).</summary>
        internal int FreeForProducer()
        {
            _p.HeadCache = Observe(ref _c.Head);
            return _capacity - Distance(_p.Tail, _p.HeadCache);
        }

        /// <summary>Producer: the slot at the tail, and how many slots follow it before the array wraps.</summary>
        internal int TailSlot
        {
            get { return _p.TailSlot; }
        }

        /// <summary>
        /// Producer: publishes <paramref name="count"/> slots filled from <see cref="TailSlot"/> on, all of which
        /// were free per <see cref="FreeForProducer"/>; counts them as written.
        /// </summary>
        internal void PublishBulk(int count)
        {
            _p.Written += count;
            int next = _p.Tail + count;
            if (next >= _modulus)
            {
                next -= _modulus;
            }

            int slot = _p.TailSlot + count;
            if (slot >= _capacity)
            {
                slot -= _capacity;
            }

            _p.TailSlot = slot;
            Publish(ref _p.Tail, next);
            NoteLevel(next);
        }

        /// <summary>Producer: counts <paramref name="count"/> offered items refused by a bulk write under Reject.</summary>
        internal void CountRefused(int count)
        {
            _p.Written += count;
            AddDropped(count);
        }

        private void NoteLevel(int tail)
        {
            int level = Distance(tail, _p.HeadCache);
            if (level > _p.HighWater)
            {
                // The cached head may be stale (ring looks fuller): confirm before raising the mark.
                _p.HeadCache = Observe(ref _c.Head);
                level = Distance(tail, _p.HeadCache);
                if (level > _p.HighWater)
                {
                    _p.HighWater = level;
                }
            }
        }

        private void AddDropped(int count)
        {
            int old;
            do
            {
                old = _p.Dropped;
            }
            while (Interlocked.CompareExchange(ref _p.Dropped, old + count, old) != old);
        }

        // ---------------------------------------------------------------- consumer side

        /// <summary>
        /// Consumer: the slot holding the oldest item, or -1 when empty. Copy the slot, then call
        /// <see cref="EndRead"/> (to take it) or <see cref="ValidatePeek"/> (to leave it); if either returns
        /// false the copy may be torn: discard it and start again.
        /// </summary>
        internal int BeginRead()
        {
            int head = _c.HeadLocal;
            if (head == _c.TailCache)
            {
                _c.TailCache = Observe(ref _p.Tail);
                if (head == _c.TailCache)
                {
                    // Empty even if the producer dropped items meanwhile: the true head lies between ours and the tail.
                    return -1;
                }
            }

            if (_policy == OverflowPolicy.Overwrite)
            {
                int seq = Interlocked.CompareExchange(ref _p.Overwrites, 0, 0);
                while ((seq & 1) != 0)
                {
                    // The producer is rewriting the newest slot: a few IL instructions, unless it was preempted.
                    Thread.Sleep(0);
                    seq = Interlocked.CompareExchange(ref _p.Overwrites, 0, 0);
                }

                _c.OverwritesSeen = seq;
            }

            return _c.HeadSlot;
        }

        /// <summary>Consumer: takes the item copied after <see cref="BeginRead"/>; false when the copy must be discarded and the read retried.</summary>
        internal bool EndRead()
        {
            if (_policy == OverflowPolicy.Overwrite && Interlocked.CompareExchange(ref _p.Overwrites, 0, 0) != _c.OverwritesSeen)
            {
                return false;
            }

            int head = _c.HeadLocal;
            int next = NextPosition(head);
            if (_policy == OverflowPolicy.DropOldest)
            {
                int seen = Interlocked.CompareExchange(ref _c.Head, next, head);
                if (seen != head)
                {
                    Resync(seen);
                    return false;
                }
            }
            else
            {
                Publish(ref _c.Head, next);
            }

            _c.HeadLocal = next;
            _c.HeadSlot = NextSlot(_c.HeadSlot);
            _c.Read++;
            return true;
        }

        /// <summary>Consumer: true when the copy made after <see cref="BeginRead"/> is a whole item still in the ring.</summary>
        internal bool ValidatePeek()
        {
            if (_policy == OverflowPolicy.Overwrite)
            {
                return Interlocked.CompareExchange(ref _p.Overwrites, 0, 0) == _c.OverwritesSeen;
            }

            if (_policy == OverflowPolicy.DropOldest)
            {
                int actual = Observe(ref _c.Head);
                if (actual != _c.HeadLocal)
                {
                    Resync(actual);
                    return false;
                }
            }

            return true;
        }

        /// <summary>Consumer: items readable now, and the head slot they start at (refreshes its copy of the tail).</summary>
        internal int AvailableForConsumer()
        {
            if (_policy == OverflowPolicy.DropOldest)
            {
                // Head first, then tail: both are monotonic, so the tail read second is never behind the head.
                int actual = Observe(ref _c.Head);
                if (actual != _c.HeadLocal)
                {
                    Resync(actual);
                }
            }

            _c.TailCache = Observe(ref _p.Tail);
            return Distance(_c.TailCache, _c.HeadLocal);
        }

        /// <summary>Consumer: the slot of the oldest item.</summary>
        internal int HeadSlot
        {
            get { return _c.HeadSlot; }
        }

        /// <summary>
        /// Consumer: takes <paramref name="count"/> items copied from <see cref="HeadSlot"/> on (at most
        /// <see cref="AvailableForConsumer"/>, after <see cref="BeginBulkRead"/>); false when the copy must be
        /// discarded and retried.
        /// </summary>
        internal bool CommitBulk(int count)
        {
            if (_policy == OverflowPolicy.Overwrite && Interlocked.CompareExchange(ref _p.Overwrites, 0, 0) != _c.OverwritesSeen)
            {
                return false;
            }

            int head = _c.HeadLocal;
            int next = head + count;
            if (next >= _modulus)
            {
                next -= _modulus;
            }

            if (_policy == OverflowPolicy.DropOldest)
            {
                int seen = Interlocked.CompareExchange(ref _c.Head, next, head);
                if (seen != head)
                {
                    Resync(seen);
                    return false;
                }
            }
            else
            {
                Publish(ref _c.Head, next);
            }

            int slot = _c.HeadSlot + count;
            if (slot >= _capacity)
            {
                slot -= _capacity;
            }

            _c.HeadLocal = next;
            _c.HeadSlot = slot;
            _c.Read += count;
            return true;
        }

        /// <summary>
        /// Consumer, before a bulk copy: notes the overwrite sequence that <see cref="CommitBulk"/> and
        /// <see cref="ValidatePeek"/> check (waits while an overwrite is in progress).
        /// </summary>
        internal void BeginBulkRead()
        {
            if (_policy != OverflowPolicy.Overwrite)
            {
                return;
            }

            int seq = Interlocked.CompareExchange(ref _p.Overwrites, 0, 0);
            while ((seq & 1) != 0)
            {
                Thread.Sleep(0);
                seq = Interlocked.CompareExchange(ref _p.Overwrites, 0, 0);
            }

            _c.OverwritesSeen = seq;
        }

        /// <summary>Consumer: discards every stored item, counting them as dropped; returns how many.</summary>
        internal int Clear()
        {
            while (true)
            {
                int tail = Observe(ref _p.Tail);
                int head = _c.HeadLocal;
                if (_policy == OverflowPolicy.DropOldest)
                {
                    int seen = Interlocked.CompareExchange(ref _c.Head, tail, head);
                    if (seen != head)
                    {
                        Resync(seen);
                        continue;
                    }
                }
                else
                {
                    Publish(ref _c.Head, tail);
                }

                int discarded = Distance(tail, head);
                _c.HeadLocal = tail;
                _c.TailCache = tail;
                _c.HeadSlot = tail % _capacity;
                AddDropped(discarded);
                return discarded;
            }
        }

        private void Resync(int head)
        {
            // DropOldest only: the producer moved the head past ours. The tail must be re-read after the
            // head, or the cached tail could lie behind the new head and an empty ring would look non-empty.
            _c.HeadLocal = head;
            _c.HeadSlot = head % _capacity;
            _c.TailCache = Observe(ref _p.Tail);
        }
    }
}
