namespace NanoIrq
{
    /// <summary>
    /// One gesture recognised by a <see cref="GestureDetector"/>. Each detector owns one event object and refills it for
    /// every gesture, so delivering a gesture allocates nothing: the event a <see cref="GestureHandler"/> receives is
    /// valid during that call only; copy the values you keep (or <see cref="Clone"/>, which allocates).
    /// </summary>
    public sealed class GestureEvent
    {
        private GestureKind _kind;
        private int _count;
        private int _duration;
        private uint _time;
        private int _pin;

        /// <summary>Creates an empty event (kind 0, all numbers 0), to be filled by <see cref="Set"/>.</summary>
        public GestureEvent()
        {
        }

        /// <summary>Creates a gesture event.</summary>
        public GestureEvent(GestureKind kind, int count, int durationMicros, uint timeMicros, int pin)
        {
            Set(kind, count, durationMicros, timeMicros, pin);
        }

        /// <summary>What was recognised.</summary>
        public GestureKind Kind
        {
            get { return _kind; }
        }

        /// <summary>Click count for Press, Click (1), DoubleClick (2), MultiClick (3 or more); repeat number for HoldRepeat; 0 otherwise.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>µs: held time for Release, Click/DoubleClick/MultiClick (the last press), LongPressEnd and HoldRepeat (so far); the long-press time for LongPressStart; 0 for Press.</summary>
        public int DurationMicros
        {
            get { return _duration; }
        }

        /// <summary>When the gesture was recognised, µs on the edges' clock (the debounced edge time, or the timeout that decided it).</summary>
        public uint TimeMicros
        {
            get { return _time; }
        }

        /// <summary>GPIO number of the debounced edge the gesture came from.</summary>
        public int Pin
        {
            get { return _pin; }
        }

        /// <summary>Overwrites every field; returns this event. Allocates nothing.</summary>
        public GestureEvent Set(GestureKind kind, int count, int durationMicros, uint timeMicros, int pin)
        {
            _kind = kind;
            _count = count;
            _duration = durationMicros;
            _time = timeMicros;
            _pin = pin;
            return this;
        }

        /// <summary>A new event with the same fields (allocates: keep it out of the edge path).</summary>
        public GestureEvent Clone()
        {
            return new GestureEvent(_kind, _count, _duration, _time, _pin);
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
