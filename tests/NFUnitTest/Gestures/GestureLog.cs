using NanoIrq;

namespace NFUnitTest.Gestures
{
    /// <summary>Test handler: keeps the first 128 gestures, and a sink that counts passed-through edges.</summary>
    public sealed class GestureLog : IEdgeSink
    {
        private readonly GestureEvent[] _events = new GestureEvent[128];

        /// <summary>Gestures seen.</summary>
        public int Count { get; private set; }

        /// <summary>Edges passed through to the sink.</summary>
        public int Edges { get; private set; }

        /// <summary>Gesture <paramref name="index"/>.</summary>
        public GestureEvent this[int index]
        {
            get { return _events[index]; }
        }

        /// <summary>The <see cref="GestureHandler"/> to give the detector.</summary>
        public void Record(GestureEvent e)
        {
            if (Count < _events.Length)
            {
                _events[Count] = e.Clone();
            }

            Count++;
        }

        /// <inheritdoc />
        public void Emit(EdgeRecord edge)
        {
            Edges++;
        }

        /// <summary>How many gestures of <paramref name="kind"/> were seen.</summary>
        public int CountOf(GestureKind kind)
        {
            int n = 0;
            for (int i = 0; i < Count && i < _events.Length; i++)
            {
                if (_events[i].Kind == kind)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The last gesture of <paramref name="kind"/> (Count 0 and Kind 0 when none).</summary>
        public GestureEvent Last(GestureKind kind)
        {
            for (int i = (Count < _events.Length ? Count : _events.Length) - 1; i >= 0; i--)
            {
                if (_events[i].Kind == kind)
                {
                    return _events[i];
                }
            }

            return new GestureEvent();
        }
    }
}
