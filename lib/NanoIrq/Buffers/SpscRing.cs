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
    /// <para><b>Storage and positions.</b> The payload array has <see cref="StorageSlots"/> slots: the capacity
    /// rounded up to a power of two (a ring of 1000 bytes stores 1024; capacities that are powers of two waste
    /// nothing), while <see cref="Capacity"/> is still the exact limit on stored items. The head (next to read)
    /// and the tail (next to write) are free-running 32-bit counters that wrap modulo 2^32; an item's slot is
    /// its position masked to the storage size, and the count is tail - head (wrapping), so every call is a
    /// handful of additions and masks, with no division and no wrap test. The counters <see cref="Written"/>
    /// and <see cref="ReadCount"/> are derived from the positions rather than stepped on every call.</para>
    /// <para><b>Drop counters.</b> <see cref="Dropped"/> is the sum of two counters, each written by one side
    /// only with a plain store on its own cache line: the producer's (items refused under Reject, discarded
    /// under DropOldest, replaced under Overwrite) and the consumer's (items discarded by <see cref="Clear"/>).
    /// No drop therefore costs a locked instruction, and a producer retrying a full ring writes only its own
    /// line. The producer's counter also gives <see cref="Written"/> (every offered item not published at the
    /// tail was refused or replaced in place) and, under DropOldest, <see cref="ReadCount"/> (every head move
    /// the consumer did not make was a discard).</para>
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
    /// plain stores and then publishes the tail with <c>Volatile.Write</c>, a release
    /// store: the item is visible to any thread that sees the new tail. The consumer reads the tail with
    /// <c>Volatile.Read</c>, an acquire load, before it loads the item, and hands the slot back
    /// by publishing the head with a release store after the loads, so the producer (which reads the head with
    /// an acquire load) cannot refill a slot the consumer is still copying. On x64 both are plain moves; the
    /// only locked instructions are the DropOldest head compare-and-swap (both sides move the head), the
    /// opening of the Overwrite sequence lock and the consumer's reads of it (full fences, so the item's
    /// stores and loads cannot leak out of it; the lock is closed by a release store, which keeps the item's
    /// stores above it), plus one full fence where a DropOldest peek re-checks the head after copying (the
    /// check is a sequence-lock read, and an acquire load alone would let Arm64 complete the copy's loads
    /// after it).</para>
    /// <para><b>On the nanoFramework interpreter</b> all managed threads run on one native thread and are
    /// switched only between IL instructions; there is no JIT to reorder or cache loads and no second core
    /// to observe stores out of order, and an int load or store is one indivisible instruction. A plain store
    /// of the tail after the item's stores therefore publishes them, and a plain load of the tail before the
    /// item's loads acquires them (nanoFramework's mscorlib has no Volatile class; the <c>volatile</c> keyword
    /// is not used because it lacks <c>IsVolatile</c>). The head compare-and-swap and the opening of the
    /// sequence lock still use <see cref="Interlocked"/>; every other field has a single writer.</para>
    /// <para>ABA: a DropOldest commit compares positions modulo 2^32, so it could be fooled only if the
    /// producer discarded 2^32 items while the consumer was paused between copying and committing one.</para>
    /// <para><b>Layout.</b> On the host the producer's fields, the consumer's fields and the read-only fields
    /// sit on separate 64-byte cache lines (padding compiled only for the host), so that one side's stores do
    /// not evict the line the other side reads on every call.</para>
    /// </remarks>
    [StructLayout(LayoutKind.Sequential)]
    public abstract class SpscRing
    {
        /// <summary>Largest capacity accepted by every ring: 16,777,216 items (2^24).</summary>
        /// <remarks>On nanoFramework one array is at most 65,535 heap blocks of 12 bytes (about 786 KB), so the largest
        /// ring that can be built there is 524,288 bytes (<see cref="ByteRing"/>) or 32,768 edges (<see cref="EdgeRing"/>,
        /// 16 bytes a slot); a larger capacity passes this check and then fails with OutOfMemoryException. A board's
        /// free heap is usually the tighter limit.</remarks>
        public const int MaxCapacity = 1 << 24;

        private const int Reject = (int)OverflowPolicy.Reject;
        private const int DropOldest = (int)OverflowPolicy.DropOldest;
        private const int Overwrite = (int)OverflowPolicy.Overwrite;

        private readonly int _capacity;
        private readonly int _mask;
        private readonly int _policy;
        private int _origin;

#pragma warning disable CS0169
#if NANOIRQ_HOST
        private long _padReadOnly0, _padReadOnly1, _padReadOnly2, _padReadOnly3, _padReadOnly4, _padReadOnly5, _padReadOnly6, _padReadOnly7;
#endif

        // Producer side, written by the producer only. _tail is published to the consumer; _overwrites is
        // the Overwrite sequence lock; _droppedByProducer counts refusals, DropOldest discards and overwrites.
        private int _tail;
        private int _headSeen;
        private int _highWater;
        private int _overwriting;
        private int _overwrites;
        private int _droppedByProducer;

#if NANOIRQ_HOST
        private long _padProducer0, _padProducer1, _padProducer2, _padProducer3, _padProducer4, _padProducer5, _padProducer6, _padProducer7;
#endif

        // Consumer side. _head is published to the producer (and moved by it under DropOldest); the rest is
        // written by the consumer only. _cleared counts the items Clear discarded (the consumer's drops).
        private int _head;
        private int _headLocal;
        private int _tailSeen;
        private int _overwritesSeen;
        private int _readGuarded;
        private int _cleared;

#if NANOIRQ_HOST
        private long _padConsumer0, _padConsumer1, _padConsumer2, _padConsumer3, _padConsumer4, _padConsumer5, _padConsumer6, _padConsumer7;
#endif
#pragma warning restore CS0169

        internal SpscRing(int capacity, OverflowPolicy policy)
        {
            if (policy != OverflowPolicy.Reject && policy != OverflowPolicy.DropOldest && policy != OverflowPolicy.Overwrite)
            {
                throw new ArgumentOutOfRangeException("policy", "must be Reject, DropOldest or Overwrite.");
            }

            if (policy == OverflowPolicy.Overwrite && (capacity < 2 || capacity > MaxCapacity))
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [2, 16777216] items with OverflowPolicy.Overwrite (the newest slot is rewritten in place).");
            }

            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "must be in [1, 16777216] items.");
            }

            int storage = 1;
            while (storage < capacity)
            {
                storage <<= 1;
            }

            _capacity = capacity;
            _mask = storage - 1;
            _policy = (int)policy;

            // 1 when taking an item needs more than a plain store of the head: always under DropOldest (a
            // compare-and-swap), under Overwrite only while the copy is of the newest item (the sequence lock).
            _readGuarded = policy == OverflowPolicy.DropOldest ? 1 : 0;
        }

        /// <summary>Items the ring can hold, fixed at construction, in [1, <see cref="MaxCapacity"/>].</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>
        /// Slots allocated for the payload: <see cref="Capacity"/> rounded up to a power of two, in
        /// [<see cref="Capacity"/>, 2 * <see cref="Capacity"/> - 1]. Only <see cref="Capacity"/> of them hold items at once.
        /// </summary>
        public int StorageSlots
        {
            get { return _mask + 1; }
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
                int count = tail - head;
                return count < 0 ? 0 : count > _capacity ? _capacity : count;
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
            get
            {
                // Under Reject and Overwrite every producer drop is an offered item that never moved the tail
                // (refused, or written in place of the newest); under DropOldest every offered item moves it.
                int unpublished = _policy == DropOldest ? 0 : Observe(ref _droppedByProducer);
                return Observe(ref _tail) - _origin + unpublished;
            }
        }

        /// <summary>Items taken by the read calls since construction (wraps modulo 2^32).</summary>
        public int ReadCount
        {
            get
            {
                // Every head move is a read, except the items Clear discards and, under DropOldest, the items
                // the producer discards (its only drops under that policy).
                int skipped = Observe(ref _cleared);
                if (_policy == DropOldest)
                {
                    skipped += Observe(ref _droppedByProducer);
                }

                return Observe(ref _head) - _origin - skipped;
            }
        }

        /// <summary>
        /// Items given up since construction (wraps modulo 2^32): refused (Reject), discarded (DropOldest),
        /// replaced (Overwrite) or discarded by <see cref="Clear"/>.
        /// </summary>
        public int Dropped
        {
            get { return Observe(ref _droppedByProducer) + Observe(ref _cleared); }
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
                int discarded = tail - head;
                if (_policy == DropOldest)
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

                _headLocal = tail;
                _tailSeen = tail;
                Publish(ref _cleared, _cleared + discarded);
                return discarded;
            }
        }

        /// <summary>
        /// Tests only, on an empty ring no thread is using: moves both positions to 2^32 - <paramref name="itemsBeforeWrap"/>
        /// so that the position wrap is crossed after that many writes. Counters are unaffected.
        /// </summary>
        internal void StartBelowWrap(int itemsBeforeWrap)
        {
            int position = -itemsBeforeWrap;
            _origin = position;
            _head = position;
            _tail = position;
            _headSeen = position;
            _headLocal = position;
            _tailSeen = position;
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

        // ---------------------------------------------------------------- producer side

        /// <summary>
        /// Producer: returns the slot to fill with the next item, or -1 when the policy refuses it (then
        /// already counted as written and dropped). Every non-negative result must be followed by
        /// <see cref="EndWrite"/> once the slot is filled.
        /// </summary>
        internal int BeginWrite()
        {
            int tail = _tail;
            if (tail - _headSeen < _capacity)
            {
                return tail & _mask;
            }

            return BeginWriteFull();
        }

        private int BeginWriteFull()
        {
            int tail = _tail;
            _headSeen = Observe(ref _head);
            if (tail - _headSeen < _capacity)
            {
                return tail & _mask;
            }

            if (_policy == Reject)
            {
                Publish(ref _droppedByProducer, _droppedByProducer + 1);
                return -1;
            }

            if (_policy == DropOldest)
            {
                int head = _headSeen;
                int seen = Interlocked.CompareExchange(ref _head, head + 1, head);
                if (seen == head)
                {
                    _headSeen = head + 1;
                    Publish(ref _droppedByProducer, _droppedByProducer + 1);
                }
                else
                {
                    // The consumer took the oldest item meanwhile: there is room now.
                    _headSeen = seen;
                }

                return tail & _mask;
            }

            // Overwrite: open the sequence lock (a full fence: the slot's stores cannot move above it), then
            // confirm the ring is still full.
            Interlocked.Increment(ref _overwrites);
            _headSeen = Observe(ref _head);
            if (tail - _headSeen >= _capacity)
            {
                _overwriting = 1;
                return (tail - 1) & _mask;
            }

            // Room after all (the consumer read meanwhile): close the lock again (a release store; the
            // producer is its only writer) and write at the tail.
            Publish(ref _overwrites, _overwrites + 1);
            return tail & _mask;
        }

        /// <summary>Producer: publishes the slot filled after <see cref="BeginWrite"/>.</summary>
        internal void EndWrite()
        {
            if (_overwriting != 0)
            {
                EndOverwrite();
                return;
            }

            int next = _tail + 1;
            Publish(ref _tail, next);
            if (next - _headSeen > _highWater)
            {
                RaiseHighWater(next);
            }
        }

        private void EndOverwrite()
        {
            // The item replaced the newest one in place: the tail stays, the replaced item counts as dropped
            // (and so the offered one as written).
            _overwriting = 0;
            Publish(ref _droppedByProducer, _droppedByProducer + 1);

            // Close the sequence lock. The producer is its only writer, so a release store is enough: the
            // slot's stores cannot move below it.
            Publish(ref _overwrites, _overwrites + 1);
        }

        private void RaiseHighWater(int tail)
        {
            // The producer's copy of the head may be stale (the ring looks fuller): confirm before raising the mark.
            _headSeen = Observe(ref _head);
            int level = tail - _headSeen;
            if (level > _highWater)
            {
                Publish(ref _highWater, level);
            }
        }

        /// <summary>Producer: free slots seen from the producer (refreshes its copy of the head).</summary>
        internal int FreeForProducer()
        {
            _headSeen = Observe(ref _head);
            return _capacity - (_tail - _headSeen);
        }

        /// <summary>Producer: the slot at the tail.</summary>
        internal int TailSlot
        {
            get { return _tail & _mask; }
        }

        /// <summary>
        /// Producer: publishes <paramref name="count"/> slots filled from <see cref="TailSlot"/> on, all of which
        /// were free per <see cref="FreeForProducer"/>.
        /// </summary>
        internal void PublishBulk(int count)
        {
            int next = _tail + count;
            Publish(ref _tail, next);
            if (next - _headSeen > _highWater)
            {
                RaiseHighWater(next);
            }
        }

        /// <summary>Producer: counts <paramref name="count"/> offered items refused by a bulk write under Reject.</summary>
        internal void CountRefused(int count)
        {
            Publish(ref _droppedByProducer, _droppedByProducer + count);
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

            if (_policy == Overwrite)
            {
                // Only the newest published item can be rewritten in place; with a later one known, skip the lock.
                _readGuarded = 0;
                if (_tailSeen - head < 2)
                {
                    ArmOverwriteCheck(head);
                }
            }

            return head & _mask;
        }

        private void ArmOverwriteCheck(int head)
        {
            _tailSeen = Observe(ref _tail);
            if (_tailSeen - head >= 2)
            {
                return;
            }

            _overwritesSeen = WaitOverwriteClosed();
            _readGuarded = 1;
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
            return _readGuarded == 0 || Interlocked.CompareExchange(ref _overwrites, 0, 0) == _overwritesSeen;
        }

        /// <summary>Consumer: takes the item copied after <see cref="BeginRead"/>; false when the copy must be discarded and the read retried.</summary>
        internal bool EndRead()
        {
            if (_readGuarded != 0)
            {
                return EndReadGuarded();
            }

            int next = _headLocal + 1;
            Publish(ref _head, next);
            _headLocal = next;
            return true;
        }

        // DropOldest: commits the head by compare-and-swap; Overwrite: checks the sequence lock. False: retry.
        private bool EndReadGuarded()
        {
            int next = _headLocal + 1;
            if (_policy == Overwrite)
            {
                if (!OverwriteCopyValid())
                {
                    return false;
                }

                Publish(ref _head, next);
                _headLocal = next;
                return true;
            }

            int head = _headLocal;
            int seen = Interlocked.CompareExchange(ref _head, next, head);
            if (seen != head)
            {
                Resync(seen);
                return false;
            }

            _headLocal = next;
            return true;
        }

        /// <summary>Consumer: true when the copy made after <see cref="BeginRead"/> is a whole item still in the ring.</summary>
        internal bool ValidatePeek()
        {
            if (_policy == Overwrite)
            {
                return OverwriteCopyValid();
            }

            if (_policy == DropOldest)
            {
#if NANOIRQ_HOST
                // The head is this copy's sequence number: the slot loads above must complete before it is
                // re-read. An acquire load orders only what follows it, and Arm64 may satisfy earlier plain
                // loads after it, so a peek could see the head unmoved yet return an item the producer wrote
                // after discarding the peeked one. A full fence closes that (x64 never reorders loads with loads).
                Interlocked.MemoryBarrier();
#endif
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
            if (_policy == DropOldest)
            {
                // Head first, then tail: both are monotonic, so the tail read second is never behind the head.
                int actual = Observe(ref _head);
                if (actual != _headLocal)
                {
                    Resync(actual);
                }
            }

            _tailSeen = Observe(ref _tail);
            return _tailSeen - _headLocal;
        }

        /// <summary>Consumer: the slot of the oldest item.</summary>
        internal int HeadSlot
        {
            get { return _headLocal & _mask; }
        }

        /// <summary>
        /// Consumer, before a bulk copy of <paramref name="count"/> items (at most <see cref="AvailableForConsumer"/>):
        /// under Overwrite, notes the sequence lock when the copy reaches the newest item (waits while an
        /// overwrite is in progress).
        /// </summary>
        internal void BeginBulkRead(int count)
        {
            if (_policy != Overwrite)
            {
                return;
            }

            // As for single reads: only the newest item (position tail - 1) can be rewritten in place.
            _readGuarded = 0;
            if (_tailSeen - _headLocal > count)
            {
                return;
            }

            _overwritesSeen = WaitOverwriteClosed();
            _readGuarded = 1;
        }

        /// <summary>
        /// Consumer: takes <paramref name="count"/> items copied from <see cref="HeadSlot"/> on, after
        /// <see cref="BeginBulkRead"/>; false when the copy must be discarded and retried.
        /// </summary>
        internal bool CommitBulk(int count)
        {
            if (_policy == Overwrite && !OverwriteCopyValid())
            {
                return false;
            }

            int head = _headLocal;
            int next = head + count;
            if (_policy == DropOldest)
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

            _headLocal = next;
            return true;
        }

        private void Resync(int head)
        {
            // DropOldest only: the producer moved the head past ours. The tail must be re-read after the
            // head, or the copy of the tail could lie behind the new head and an empty ring would look non-empty.
            _headLocal = head;
            _tailSeen = Observe(ref _tail);
        }
    }
}
