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
        private EdgeRecord _raw;

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
            get { return _raw.Level; }
        }

        /// <summary>When the last raw edge happened (µs).</summary>
        internal uint RawTime
        {
            get { return _raw.TimeMicros; }
        }

        /// <summary>True when the raw level differs from the reported one: a <see cref="Report"/> would emit.</summary>
        internal bool Differs
        {
            get { return _raw.Level != _level; }
        }

        /// <summary>Remembers <paramref name="edge"/> as the last raw edge.</summary>
        internal void Note(EdgeRecord edge)
        {
            _raw = edge;
        }

        /// <summary>
        /// When the raw level differs from the reported one, adopts it and emits the last raw edge with
        /// <see cref="EdgeRecord.TimeMicros"/> = <paramref name="atMicros"/> (pin, level, sequence and stamp flag kept).
        /// </summary>
        internal void Report(uint atMicros, IEdgeSink output)
        {
            if (_raw.Level != _level)
            {
                _level = _raw.Level;
                output.Emit(new EdgeRecord(_raw.Pin, _raw.Level, atMicros, _raw.Sequence, _raw.StampIsLate));
            }
        }
    }
}
