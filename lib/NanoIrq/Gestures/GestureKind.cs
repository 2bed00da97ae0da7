namespace NanoIrq
{
    /// <summary>What a <see cref="GestureDetector"/> recognised.</summary>
    public enum GestureKind
    {
        /// <summary>The debounced input went to the pressed level. Count: the click number this press would make (1 for a fresh press).</summary>
        Press = 1,

        /// <summary>The debounced input went to the released level. Duration: how long it was held.</summary>
        Release = 2,

        /// <summary>A press and release shorter than the long-press time, not followed by more clicks (or, when clicks are not held back, the first click of a sequence). Count 1.</summary>
        Click = 3,

        /// <summary>Two clicks, the second press within the multi-click gap of the first release. Count 2.</summary>
        DoubleClick = 4,

        /// <summary>Three or more clicks in a sequence. Count: 3 or more.</summary>
        MultiClick = 5,

        /// <summary>The press has been held for the long-press time (reported while still held). Duration: the long-press time.</summary>
        LongPressStart = 6,

        /// <summary>A long press was released. Duration: total time held.</summary>
        LongPressEnd = 7,

        /// <summary>Still held after a long press: one event per repeat interval. Count: 1, 2, 3... Duration: held so far.</summary>
        HoldRepeat = 8,
    }
}
