namespace NanoIrq
{
    /// <summary>
    /// What every debouncer keeps: the debounced level it has reported and the last raw edge it was fed; and the one
    /// way a debouncer reports a decision, as that raw edge re-stamped with the decision time.
    /// </summary>
    /// <remarks>One instance per debouncer, created with it; nothing here allocates after that.</remarks>
    internal sealed class DebouncedLevel
    {
        private bool _level;
        private readonly EdgeRecord _raw;
        private readonly EdgeRecord _out = new EdgeRecord();

        /// <summary>Starts with both the debounced and the raw level at <paramref name="initialLevel"/> (no raw edge yet).</summary>
        internal DebouncedLevel(bool initialLevel)
        {
            _level = initialLevel;
            _raw = new EdgeRecord(0, initialLevel, 0, 0, false);
        }

        /// <summary>The debounced physical level last reported (true = high).</summary>
        internal bool Level
        {
            get { return _level; }
        }

        /// <summary>The level the last raw edge left the pin at.</summary>
        internal bool Raw
        {
            get { return _raw._level; }
        }

        /// <summary>When the last raw edge happened (µs).</summary>
        internal uint RawTime
        {
            get { return _raw._time; }
        }

        /// <summary>True when the raw level differs from the reported one: a <see cref="Report"/> would emit.</summary>
        internal bool Differs
        {
            get { return _raw._level != _level; }
        }

        /// <summary>Remembers <paramref name="edge"/> as the last raw edge.</summary>
        internal void Note(EdgeRecord edge)
        {
            EdgeRecord raw = _raw;
            raw._pin = edge._pin;
            raw._level = edge._level;
            raw._time = edge._time;
            raw._sequence = edge._sequence;
            raw._late = edge._late;
        }

        /// <summary>
        /// When the raw level differs from the reported one, adopts it and emits the last raw edge with
        /// <see cref="EdgeRecord.TimeMicros"/> = <paramref name="atMicros"/> (pin, level, sequence and stamp flag kept).
        /// </summary>
        internal void Report(uint atMicros, IEdgeSink output)
        {
            EdgeRecord raw = _raw;
            if (raw._level != _level)
            {
                _level = raw._level;
                output.Emit(_out.Set(raw._pin, raw._level, atMicros, raw._sequence, raw._late));
            }
        }
    }
}
