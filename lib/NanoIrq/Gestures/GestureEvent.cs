namespace NanoIrq
{
    /// <summary>One gesture recognised by a <see cref="GestureDetector"/>: a value type, delivering it never allocates.</summary>
    public struct GestureEvent
    {
        /// <summary>What was recognised.</summary>
        public readonly GestureKind Kind;

        /// <summary>Click count for Press, Click (1), DoubleClick (2), MultiClick (3 or more); repeat number for HoldRepeat; 0 otherwise.</summary>
        public readonly int Count;

        /// <summary>µs: held time for Release, Click/DoubleClick/MultiClick (the last press), LongPressEnd and HoldRepeat (so far); the long-press time for LongPressStart; 0 for Press.</summary>
        public readonly int DurationMicros;

        /// <summary>When the gesture was recognised, µs on the edges' clock (the debounced edge time, or the timeout that decided it).</summary>
        public readonly uint TimeMicros;

        /// <summary>GPIO number of the debounced edge the gesture came from.</summary>
        public readonly int Pin;

        /// <summary>Creates a gesture event.</summary>
        public GestureEvent(GestureKind kind, int count, int durationMicros, uint timeMicros, int pin)
        {
            Kind = kind;
            Count = count;
            DurationMicros = durationMicros;
            TimeMicros = timeMicros;
            Pin = pin;
        }

        /// <summary>"Click x1 held 120000 µs @ 5000 µs pin 4" (allocates: for logs and tests).</summary>
        public override string ToString()
        {
            return KindName(Kind) + " x" + Count.ToString() + " held " + DurationMicros.ToString() + " µs @ " + TimeMicros.ToString() + " µs pin " + Pin.ToString();
        }

        /// <summary>Lower-case snake name of a kind ("press", "double_click", "long_press_start"...), for text and JSON output.</summary>
        public static string KindName(GestureKind kind)
        {
            switch (kind)
            {
                case GestureKind.Press: return "press";
                case GestureKind.Release: return "release";
                case GestureKind.Click: return "click";
                case GestureKind.DoubleClick: return "double_click";
                case GestureKind.MultiClick: return "multi_click";
                case GestureKind.LongPressStart: return "long_press_start";
                case GestureKind.LongPressEnd: return "long_press_end";
                case GestureKind.HoldRepeat: return "hold_repeat";
                default: return "unknown";
            }
        }
    }
}
