using System;

namespace NanoIrq
{
    /// <summary>
    /// One edge on one pin: the unit that flows from an edge source through filters to a handler.
    /// </summary>
    /// <remarks>
    /// <para><b>A reused object, lent for one call.</b> A reference type, so that handing an edge on costs nothing on
    /// the nanoFramework interpreter (where every by-value copy of a struct is a heap block). The dispatcher, each
    /// filter and each Irq own their records and fill them in place: the <see cref="EdgeRecord"/> a handler, a filter's
    /// <see cref="IEdgeFilter.Feed"/> or an <see cref="IEdgeSink.Emit"/> receives is valid during that call only and is
    /// overwritten by the next edge. Copy what you keep: <c>mine.CopyFrom(edge)</c> into a record of your own, or
    /// <see cref="Clone"/> (which allocates).</para>
    /// <para>Rings store the fields as four ints per slot of one preallocated array, so queuing an edge never
    /// allocates. <see cref="Sequence"/> counts every edge the source saw on that pin, starting at 1, wrapping modulo
    /// 2^32: a gap between two delivered records (<c>b.Sequence - a.Sequence - 1</c>, computed unchecked) is the number
    /// of edges lost or filtered in between.</para>
    /// </remarks>
    public sealed class EdgeRecord
    {
        // Read and written directly by the library's hot path (a property is a call on the interpreter).
        internal int _pin;
        internal bool _level;
        internal uint _time;
        internal uint _sequence;
        internal bool _late;

        /// <summary>Creates an empty record (pin 0, low, time 0, sequence 0) to be filled by a ring or <see cref="Set"/>.</summary>
        public EdgeRecord()
        {
        }

        /// <summary>Creates an edge record.</summary>
        public EdgeRecord(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            _pin = pin;
            _level = level;
            _time = timeMicros;
            _sequence = sequence;
            _late = stampIsLate;
        }

        /// <summary>GPIO number the edge happened on.</summary>
        public int Pin
        {
            get { return _pin; }
        }

        /// <summary>Physical pin level after the edge: true for high, false for low.</summary>
        public bool Level
        {
            get { return _level; }
        }

        /// <summary>When the edge happened, in µs on the source's <see cref="IClock"/> (wraps modulo 2^32).</summary>
        public uint TimeMicros
        {
            get { return _time; }
        }

        /// <summary>Per-pin edge count at the source, 1 for the first edge, wrapping modulo 2^32.</summary>
        public uint Sequence
        {
            get { return _sequence; }
        }

        /// <summary>
        /// True when <see cref="TimeMicros"/> is the time the edge reached managed code, not the time of the
        /// interrupt (stock nanoFramework firmware: the native stamp is discarded before C# sees it).
        /// </summary>
        public bool StampIsLate
        {
            get { return _late; }
        }

        /// <summary>Overwrites every field; returns this record. Allocates nothing.</summary>
        public EdgeRecord Set(int pin, bool level, uint timeMicros, uint sequence, bool stampIsLate)
        {
            _pin = pin;
            _level = level;
            _time = timeMicros;
            _sequence = sequence;
            _late = stampIsLate;
            return this;
        }

        /// <summary>Copies every field of <paramref name="other"/> into this record; returns this record. Allocates nothing.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
        public EdgeRecord CopyFrom(EdgeRecord other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }

            _pin = other._pin;
            _level = other._level;
            _time = other._time;
            _sequence = other._sequence;
            _late = other._late;
            return this;
        }

        /// <summary>A new record with the same fields (allocates: keep it out of the edge path).</summary>
        public EdgeRecord Clone()
        {
            return new EdgeRecord(_pin, _level, _time, _sequence, _late);
        }

        /// <summary>"pin 4 high @ 1234 µs #7" (allocates: for logs and tests, not for the hot path).</summary>
        public override string ToString()
        {
            return "pin " + _pin.ToString() + (_level ? " high @ " : " low @ ") + _time.ToString() + " µs #" + _sequence.ToString() + (_late ? " (late stamp)" : "");
        }
    }
}
