using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace NanoIrq
{
    /// <summary>
    /// What every NanoIrq ring shares: a fixed capacity, an <see cref="OverflowPolicy"/>, the counters, and
    /// the lock-free single-producer/single-consumer index logic. <see cref="EdgeRing"/> and
    /// <see cref="ByteRing"/> add the payload array and the typed read/write calls; nothing else can derive
    /// from this class.
    /// </summary>
    /// <remarks>
    /// <para><b>Threads.</b> One thread at a time writes (the producer), one thread at a time reads, peeks and
    /// clears (the consumer); the two run concurrently with no lock. The counters and <see cref="Count"/> may be
    /// read from any thread: each is a snapshot, exact when neither side is inside a call.</para>
    /// <para><b>Counters</b> wrap modulo 2^32 like the tick counter. <see cref="Written"/> counts every item
    /// offered, accepted or not, so that <c>Written == ReadCount + Dropped + Count</c> whenever neither side is
    /// inside a call.</para>
    /// <para><b>Positions.</b> The head (next to read) and the tail (next to write) run over [0, M) where M is
    /// the largest multiple of the capacity not above 2^30; an item's slot is its position modulo the
    /// capacity, and the count is (tail - head) mod M. Each side steps its own slot number alongside its
    /// position, so no call divides.</para>
    /// <para><b>Ownership.</b> Only the producer writes the tail. Only the consumer writes the head, except
    /// under <see cref="OverflowPolicy.DropOldest"/> where the producer may also advance it by one with a
    /// compare-and-swap to discard the oldest item; the consumer then commits each read with a compare-and-swap
    /// too, and a failed swap means "the item you copied was discarded meanwhile": the copy is thrown away and
    /// the read retried. Under <see cref="OverflowPolicy.Overwrite"/> the producer rewrites the newest slot in
    /// place inside a sequence lock (odd while it writes). The consumer checks that lock only when the item it
    /// copies is the newest one it knows of: an overwrite always targets the slot just before the current
    /// tail, and the tail never moves backwards, so an item with a later item already published behind it can
    /// no longer be rewritten. Each side keeps a private copy of the other side's position and refreshes it
    /// only when the copy says full (producer) or empty (consumer): a stale copy only makes the ring look
    /// fuller or emptier than it is, never lets a side touch a slot it does not own.</para>
    /// <para><b>Memory ordering on the host CLR</b> (the NANOIRQ_HOST build). The producer stores an item with
    /// plain stores and then publishes the tail with <see cref="Volatile.Write(ref int, int)"/>, a release
    /// store: the item is visible to any thread that sees the new tail. The consumer reads the tail with
    /// <see cref="Volatile.Read(ref int)"/>, an acquire load, before it loads the item, and hands the slot back
    /// by publishing the head with a release store after the loads, so the producer (which reads the head with
    /// an acquire load) cannot refill a slot the consumer is still copying. On x64 both are plain moves; the
    /// only locked instructions are the read-modify-writes two threads can race on: the DropOldest head
    /// compare-and-swap, the sequence lock of Overwrite (full fences on both sides, so the item's stores and
    /// loads cannot leak out of it) and <see cref="Dropped"/>, which both sides add to.</para>
    /// <para><b>On the nanoFramework interpreter</b> all managed threads run on one native thread and are
    /// switched only between IL instructions; there is no JIT to reorder or cache loads and no second core
    /// to observe stores out of order, and an int load or store is one indivisible instruction. A plain store
    /// of the tail after the item's stores therefore publishes them, and a plain load of the tail before the
    /// item's loads acquires them (nanoFramework's mscorlib has no Volatile class; the <c>volatile</c> keyword
    /// is not used because it lacks <c>IsVolatile</c>). The read-modify-writes listed above still use
    /// <see cref="Interlocked"/>, because a thread switch can fall between a load and a store.</para>
    /// <para>ABA: a DropOldest commit compares positions modulo at least 2^29, so it could be fooled only if
    /// the producer discarded 2^29 items while the consumer was paused between copying and committing one.</para>
    /// <para><b>Layout.</b> On the host the producer's fields, the consumer's fields and the read-only fields
    /// sit on separate 64-byte cache lines (padding compiled only for the host), so that one side's stores do
    /// not evict the line the other side reads on every call.</para>
    /// </remarks>
    [StructLayout(LayoutKind.Sequential)]
    public abstract class SpscRing
    {
        /// <summary>Largest capacity accepted by every ring: 16,777,216 items (2^24).</summary>
        public const int MaxCapacity = 1 << 24;

        private readonly int _capacity;
        private readonly int _modulus;
        private readonly int _policy;

#pragma warning disable CS0169, CS0414
#if NANOIRQ_HOST
        private long _padReadOnly0, _padReadOnly1, _padReadOnly2, _padReadOnly3, _padReadOnly4, _padReadOnly5, _padReadOnly6, _padReadOnly7;
#endif

        // Producer side. _tail is published to the consumer; _overwrites is the Overwrite sequence lock;
        // _dropped is added to by both sides (Interlocked); the rest is the producer's own.
        private int _tail;
        private int _tailSlot;
        private int _headSeen;
        private int _written;
        private int _highWater;
        private int _overwriting;
        private int _overwrites;
        private int _dropped;

#if NANOIRQ_HOST
        private long _padProducer0, _padProducer1, _padProducer2, _padProducer3, _padProducer4, _padProducer5, _padProducer6, _padProducer7;
#endif

        // Consumer side. _head is published to the producer (and moved by it under DropOldest); the rest is the consumer's own.
        private int _head;
        private int _headLocal;
        private int _headSlot;
        private int _tailSeen;
        private int _overwritesSeen;
        private int _overwriteCheck;
        private int _read;

#if NANOIRQ_HOST
        private long _padConsumer0, _padConsumer1, _padConsumer2, _padConsumer3, _padConsumer4, _padConsumer5, _padConsumer6, _padConsumer7;
#endif
#pragma warning restore CS0169, CS0414

        internal SpscRing(int capacity, OverflowPolicy policy)
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
            _policy = (int)policy;
            _modulus = (1 << 30) / capacity * capacity;
        }

        /// <summary>Items the ring can hold, fixed at construction, in [1, <see cref="MaxCapacity"/>].</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>The overflow policy chosen at construction.</summary>
        public OverflowPolicy Policy
        {
            get { return (OverflowPolicy)_policy; }
        }

        /// <summary>Items stored now, in [0, <see cref="Capacity"/>] (a snapshot when read from a third thread).</summary>
        public int Count
        {
            get
            {
                // Head first: both positions only move forwards, so the tail read second is never behind it.
                int head = Observe(ref _head);
                int tail = Observe(ref _tail);
                int count = Distance(tail, head);
                return count > _capacity ? _capacity : count;
            }
        }

        /// <summary>Free slots now: <see cref="Capacity"/> - <see cref="Count"/>.</summary>
        public int Free
        {
            get { return _capacity - Count; }
        }

        /// <summary>Items offered to the write calls since construction, including refused ones (wraps modulo 2^32).</summary>
        public int Written
        {
            get { return Observe(ref _written); }
        }

        /// <summary>Items taken by the read calls since construction (wraps modulo 2^32).</summary>
        public int ReadCount
        {
            get { return Observe(ref _read); }
        }

        /// <summary>
        /// Items given up since construction (wraps modulo 2^32): refused (Reject), discarded (DropOldest),
        /// replaced (Overwrite) or discarded by <see cref="Clear"/>.
        /// </summary>
        public int Dropped
        {
            get { return Observe(ref _dropped); }
        }

        /// <summary>Largest <see cref="Count"/> seen right after a write since construction, in [0, <see cref="Capacity"/>].</summary>
        public int HighWater
        {
            get { return Observe(ref _highWater); }
        }

        /// <summary>
        /// Consumer: discards every stored item, counting each in <see cref="Dropped"/>; returns how many, in
        /// [0, <see cref="Capacity"/>]. Never blocks, never allocates.
        /// </summary>
        public int Clear()
        {
            while (true)
            {
                int tail = Observe(ref _tail);
                int head = _headLocal;
                if (_policy == (int)OverflowPolicy.DropOldest)
                {
                    int seen = Interlocked.CompareExchange(ref _head, tail, head);
                    if (seen != head)
                    {
                        Resync(seen);
                        continue;
                    }
                }
                else
                {
                    Publish(ref _head, tail);
                }

                int discarded = Distance(tail, head);
                _headLocal = tail;
                _tailSeen = tail;
                _headSlot = tail % _capacity;
                AddDropped(discarded);
                return discarded;
            }
        }

        /// <summary>Largest position + 1: positions run over [0, Modulus).</summary>
        internal int Modulus
        {
            get { return _modulus; }
        }

        /// <summary>
        /// Tests only, on an empty ring no thread is using: moves both positions to
        /// <c>Modulus - itemsBeforeWrap</c> so that the position wrap can be exercised in a few writes; returns
        /// the modulus.
        /// </summary>
        internal int StartBelowWrap(int itemsBeforeWrap)
        {
            int position = _modulus - itemsBeforeWrap;
            int slot = position % _capacity;
            _head = position;
            _tail = position;
            _headSeen = position;
            _headLocal = position;
            _tailSeen = position;
            _tailSlot = slot;
            _headSlot = slot;
            return _modulus;
        }

        // Publishing a position needs a release store and observing the other side's position an acquire
        // load (see the remarks for why plain accesses are enough on the nanoFramework interpreter).
        private static void Publish(ref int location, int value)
        {
#if NANOIRQ_HOST
            Volatile.Write(ref location, value);
#else
            location = value;
#endif
        }

        private static int Observe(ref int location)
        {
#if NANOIRQ_HOST
            return Volatile.Read(ref location);
#else
            return location;
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

        private void AddDropped(int count)
        {
            if (count == 1)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            int old;
            do
            {
                old = _dropped;
            }
            while (Interlocked.CompareExchange(ref _dropped, old + count, old) != old);
        }

        // ---------------------------------------------------------------- producer side

        /// <summary>
        /// Producer: returns the slot to fill with the next item, or -1 when the policy refuses it (then
        /// already counted as written and dropped). Every non-negative result must be followed by
        /// <see cref="EndWrite"/> once the slot is filled.
        /// </summary>
        internal int BeginWrite()
        {
            int used = _tail - _headSeen;
            if (used < 0)
            {
                used += _modulus;
            }

            if (used < _capacity)
            {
                return _tailSlot;
            }

            return BeginWriteFull();
        }

        private int BeginWriteFull()
        {
            int tail = _tail;
            _headSeen = Observe(ref _head);
            if (Distance(tail, _headSeen) < _capacity)
            {
                return _tailSlot;
            }

            if (_policy == (int)OverflowPolicy.Reject)
            {
                _written++;
                Interlocked.Increment(ref _dropped);
                return -1;
            }

            if (_policy == (int)OverflowPolicy.DropOldest)
            {
                int head = _headSeen;
                int next = head + 1 == _modulus ? 0 : head + 1;
                int seen = Interlocked.CompareExchange(ref _head, next, head);
                if (seen == head)
                {
                    _headSeen = next;
                    Interlocked.Increment(ref _dropped);
                }
                else
                {
                    // The consumer took the oldest item meanwhile: there is room now.
                    _headSeen = seen;
                }

                return _tailSlot;
            }

            // Overwrite: open the sequence lock (a full fence: the slot's stores cannot move above it), then
            // confirm the ring is still full.
            Interlocked.Increment(ref _overwrites);
            _headSeen = Observe(ref _head);
            if (Distance(tail, _headSeen) >= _capacity)
            {
                _overwriting = 1;
                Interlocked.Increment(ref _dropped);
                return _tailSlot == 0 ? _capacity - 1 : _tailSlot - 1;
            }

            Interlocked.Increment(ref _overwrites);
            return _tailSlot;
        }

        /// <summary>Producer: publishes the slot filled after <see cref="BeginWrite"/> and counts the item as written.</summary>
        internal void EndWrite()
        {
            _written++;
            if (_overwriting != 0)
            {
                // Close the sequence lock (a full fence: the slot's stores cannot move below it).
                _overwriting = 0;
                Interlocked.Increment(ref _overwrites);
                return;
            }

            int next = _tail + 1;
            if (next == _modulus)
            {
                next = 0;
            }

            int slot = _tailSlot + 1;
            _tailSlot = slot == _capacity ? 0 : slot;
            Publish(ref _tail, next);

            int level = next - _headSeen;
            if (level < 0)
            {
                level += _modulus;
            }

            if (level > _highWater)
            {
                RaiseHighWater(next);
            }
        }

        private void RaiseHighWater(int tail)
        {
            // The producer's copy of the head may be stale (the ring looks fuller): confirm before raising the mark.
            _headSeen = Observe(ref _head);
            int level = Distance(tail, _headSeen);
            if (level > _highWater)
            {
                Publish(ref _highWater, level);
            }
        }

        /// <summary>Producer: free slots seen from the producer (refreshes its copy of the head).</summary>
        internal int FreeForProducer()
        {
            _headSeen = Observe(ref _head);
            return _capacity - Distance(_tail, _headSeen);
        }

        /// <summary>Producer: the slot at the tail.</summary>
        internal int TailSlot
        {
            get { return _tailSlot; }
        }

        /// <summary>
        /// Producer: publishes <paramref name="count"/> slots filled from <see cref="TailSlot"/> on, all of which
        /// were free per <see cref="FreeForProducer"/>; counts them as written.
        /// </summary>
        internal void PublishBulk(int count)
        {
            _written += count;
            int next = _tail + count;
            if (next >= _modulus)
            {
                next -= _modulus;
            }

            int slot = _tailSlot + count;
            if (slot >= _capacity)
            {
                slot -= _capacity;
            }

            _tailSlot = slot;
            Publish(ref _tail, next);
            if (Distance(next, _headSeen) > _highWater)
            {
                RaiseHighWater(next);
            }
        }

        /// <summary>Producer: counts <paramref name="count"/> offered items refused by a bulk write under Reject.</summary>
        internal void CountRefused(int count)
        {
            _written += count;
            AddDropped(count);
        }

        // ---------------------------------------------------------------- consumer side

        /// <summary>
        /// Consumer: the slot holding the oldest item, or -1 when empty. Copy the slot, then call
        /// <see cref="EndRead"/> (to take it) or <see cref="ValidatePeek"/> (to leave it); if either returns
        /// false the copy may be torn or stale: discard it and start again.
        /// </summary>
        internal int BeginRead()
        {
            int head = _headLocal;
            if (head == _tailSeen)
            {
                _tailSeen = Observe(ref _tail);
                if (head == _tailSeen)
                {
                    // Empty even if the producer discarded items meanwhile: the true head lies between ours and the tail.
                    return -1;
                }
            }

            if (_policy == (int)OverflowPolicy.Overwrite)
            {
                BeginOverwriteRead(head);
            }

            return _headSlot;
        }

        private void BeginOverwriteRead(int head)
        {
            // Only the newest published item can be rewritten in place; with a later one known, skip the lock.
            _overwriteCheck = 0;
            if (Distance(_tailSeen, head) >= 2)
            {
                return;
            }

            _tailSeen = Observe(ref _tail);
            if (Distance(_tailSeen, head) >= 2)
            {
                return;
            }

            _overwritesSeen = WaitOverwriteClosed();
            _overwriteCheck = 1;
        }

        private int WaitOverwriteClosed()
        {
            int seq = Interlocked.CompareExchange(ref _overwrites, 0, 0);
            while ((seq & 1) != 0)
            {
                // The producer is rewriting the newest slot: a few instructions, unless it was preempted.
                Thread.Sleep(0);
                seq = Interlocked.CompareExchange(ref _overwrites, 0, 0);
            }

            return seq;
        }

        // Overwrite only: true when the copy made since BeginRead/BeginBulkRead is not torn.
        private bool OverwriteCopyValid()
        {
            return _overwriteCheck == 0 || Interlocked.CompareExchange(ref _overwrites, 0, 0) == _overwritesSeen;
        }

        /// <summary>Consumer: takes the item copied after <see cref="BeginRead"/>; false when the copy must be discarded and the read retried.</summary>
        internal bool EndRead()
        {
            int next = _headLocal + 1;
            if (next == _modulus)
            {
                next = 0;
            }

            if (_policy != (int)OverflowPolicy.Reject && !CommitContended(next))
            {
                return false;
            }

            if (_policy != (int)OverflowPolicy.DropOldest)
            {
                Publish(ref _head, next);
            }

            _headLocal = next;
            int slot = _headSlot + 1;
            _headSlot = slot == _capacity ? 0 : slot;
            _read++;
            return true;
        }

        // DropOldest: commits the head by compare-and-swap; Overwrite: checks the sequence lock. False: retry.
        private bool CommitContended(int next)
        {
            if (_policy == (int)OverflowPolicy.Overwrite)
            {
                return OverwriteCopyValid();
            }

            int head = _headLocal;
            int seen = Interlocked.CompareExchange(ref _head, next, head);
            if (seen != head)
            {
                Resync(seen);
                return false;
            }

            return true;
        }

        /// <summary>Consumer: true when the copy made after <see cref="BeginRead"/> is a whole item still in the ring.</summary>
        internal bool ValidatePeek()
        {
            if (_policy == (int)OverflowPolicy.Overwrite)
            {
                return OverwriteCopyValid();
            }

            if (_policy == (int)OverflowPolicy.DropOldest)
            {
                int actual = Observe(ref _head);
                if (actual != _headLocal)
                {
                    Resync(actual);
                    return false;
                }
            }

            return true;
        }

        /// <summary>Consumer: items readable now (refreshes its copy of the tail).</summary>
        internal int AvailableForConsumer()
        {
            if (_policy == (int)OverflowPolicy.DropOldest)
            {
                // Head first, then tail: both are monotonic, so the tail read second is never behind the head.
                int actual = Observe(ref _head);
                if (actual != _headLocal)
                {
                    Resync(actual);
                }
            }

            _tailSeen = Observe(ref _tail);
            return Distance(_tailSeen, _headLocal);
        }

        /// <summary>Consumer: the slot of the oldest item.</summary>
        internal int HeadSlot
        {
            get { return _headSlot; }
        }

        /// <summary>
        /// Consumer, before a bulk copy of <paramref name="count"/> items (at most <see cref="AvailableForConsumer"/>):
        /// under Overwrite, notes the sequence lock when the copy reaches the newest item (waits while an
        /// overwrite is in progress).
        /// </summary>
        internal void BeginBulkRead(int count)
        {
            if (_policy != (int)OverflowPolicy.Overwrite)
            {
                return;
            }

            // As for single reads: only the newest item (position tail - 1) can be rewritten in place.
            if (Distance(_tailSeen, _headLocal) > count)
            {
                _overwriteCheck = 0;
                return;
            }

            _overwritesSeen = WaitOverwriteClosed();
            _overwriteCheck = 1;
        }

        /// <summary>
        /// Consumer: takes <paramref name="count"/> items copied from <see cref="HeadSlot"/> on, after
        /// <see cref="BeginBulkRead"/>; false when the copy must be discarded and retried.
        /// </summary>
        internal bool CommitBulk(int count)
        {
            if (_policy == (int)OverflowPolicy.Overwrite && !OverwriteCopyValid())
            {
                return false;
            }

            int head = _headLocal;
            int next = head + count;
            if (next >= _modulus)
            {
                next -= _modulus;
            }

            if (_policy == (int)OverflowPolicy.DropOldest)
            {
                int seen = Interlocked.CompareExchange(ref _head, next, head);
                if (seen != head)
                {
                    Resync(seen);
                    return false;
                }
            }
            else
            {
                Publish(ref _head, next);
            }

            int slot = _headSlot + count;
            if (slot >= _capacity)
            {
                slot -= _capacity;
            }

            _headLocal = next;
            _headSlot = slot;
            _read += count;
            return true;
        }

        private void Resync(int head)
        {
            // DropOldest only: the producer moved the head past ours. The tail must be re-read after the
            // head, or the copy of the tail could lie behind the new head and an empty ring would look non-empty.
            _headLocal = head;
            _headSlot = head % _capacity;
            _tailSeen = Observe(ref _tail);
        }
    }
}
