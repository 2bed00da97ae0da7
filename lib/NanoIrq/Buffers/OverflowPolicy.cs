namespace NanoIrq
{
    /// <summary>
    /// What a ring buffer does with a write that finds it full. Every policy counts the item it gives up
    /// in the ring's <c>Dropped</c> counter, so that <c>Written == ReadCount + Dropped + Count</c> holds at
    /// every quiescent moment: loss is never silent.
    /// </summary>
    public enum OverflowPolicy
    {
        /// <summary>
        /// The new item is refused: the write returns false (bulk writes return how many were taken), the
        /// refused item is counted in <c>Dropped</c>, and everything already stored stays as it was. The
        /// choice for streams where the oldest data matters most (a log, a protocol), and the only policy
        /// where the producer can see and retry a refusal.
        /// </summary>
        Reject = 0,

        /// <summary>
        /// The oldest unread item is discarded (counted in <c>Dropped</c>) to make room, and the write
        /// succeeds. The ring always holds the newest <c>Capacity</c> items: the choice for "what happened
        /// recently" (nanoFramework's native GPIO queue behaves like this, but without a counter).
        /// </summary>
        DropOldest = 1,

        /// <summary>
        /// The newest stored item is replaced by the new one (the replaced item is counted in
        /// <c>Dropped</c>) and the write succeeds. The oldest <c>Capacity - 1</c> items are kept untouched
        /// and the last slot always holds the latest value: the reader sees how a burst started and the
        /// state it ended in (for edges: the final pin level is never lost). Needs a capacity of at least 2.
        /// </summary>
        Overwrite = 2,
    }
}
