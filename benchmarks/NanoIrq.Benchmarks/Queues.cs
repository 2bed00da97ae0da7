using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// One contender as the ring benchmarks drive it: the producer offers item number <c>i</c> (an edge with
    /// pin 4, level <c>i</c> odd, time and sequence <c>i</c>, not late, or the byte <c>(byte)i</c>), the consumer
    /// takes one item and returns the number its checksum adds (the edge's sequence, or the byte). The
    /// implementations are structs, so each generic benchmark loop is compiled once per contender with the calls
    /// inlined: every contender runs the same loop, with no delegate or interface call per item.
    /// No edge contender allocates per item: the rings are written field by field and read into one
    /// <see cref="EdgeRecord"/> the benchmark allocates once; the BCL queues hold <see cref="EdgeValue"/> structs.
    /// </summary>
    public interface IQueueContender
    {
        /// <summary>Offers item number <paramref name="i"/>; false when a bounded contender is full.</summary>
        bool TryWrite(uint i);

        /// <summary>Takes the oldest item; false when empty (<paramref name="checksum"/> is then meaningless).</summary>
        bool TryRead(out long checksum);
    }

    /// <summary>
    /// NanoIrq's <see cref="EdgeRing"/>, single-edge calls: <see cref="EdgeRing.TryWrite(int, bool, uint, uint, bool)"/>
    /// (no record object) and <see cref="EdgeRing.TryRead(EdgeRecord)"/> into one record the benchmark allocated once.
    /// </summary>
    public readonly struct EdgeRingContender : IQueueContender
    {
        private readonly EdgeRing _ring;
        private readonly EdgeRecord _into;

        /// <param name="ring">The ring under test.</param>
        /// <param name="into">The consumer's record, allocated once per benchmark instance and refilled by every read
        /// (only the consumer side uses it).</param>
        public EdgeRingContender(EdgeRing ring, EdgeRecord into)
        {
            _ring = ring;
            _into = into;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            return _ring.TryWrite(4, (i & 1) != 0, i, i, false);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            bool got = _ring.TryRead(_into);
            checksum = _into.Sequence; // meaningful only when got (callers ignore it otherwise)
            return got;
        }
    }

    /// <summary><see cref="ConcurrentQueue{T}"/> of <see cref="EdgeValue"/> (a struct, no allocation per item): unbounded, so a write never fails.</summary>
    public readonly struct EdgeQueueContender : IQueueContender
    {
        private readonly ConcurrentQueue<EdgeValue> _queue;

        public EdgeQueueContender(ConcurrentQueue<EdgeValue> queue)
        {
            _queue = queue;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            _queue.Enqueue(new EdgeValue(4, (i & 1) != 0, i, i, false));
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            EdgeValue e;
            bool got = _queue.TryDequeue(out e);
            checksum = e.Sequence;
            return got;
        }
    }

    /// <summary>A bounded <see cref="Channel{T}"/> of <see cref="EdgeValue"/> (a struct, no allocation per item; <c>SingleReader</c>, <c>SingleWriter</c>).</summary>
    public readonly struct EdgeChannelContender : IQueueContender
    {
        private readonly ChannelWriter<EdgeValue> _writer;
        private readonly ChannelReader<EdgeValue> _reader;

        public EdgeChannelContender(Channel<EdgeValue> channel)
        {
            _writer = channel.Writer;
            _reader = channel.Reader;
        }

        /// <summary>The channel the benchmarks use: <paramref name="capacity"/> slots, one reader, one writer, writers wait when full.</summary>
        public static Channel<EdgeValue> Create(int capacity)
        {
            return Channel.CreateBounded<EdgeValue>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            return _writer.TryWrite(new EdgeValue(4, (i & 1) != 0, i, i, false));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            EdgeValue e;
            bool got = _reader.TryRead(out e);
            checksum = e.Sequence;
            return got;
        }
    }

    /// <summary>NanoIrq's <see cref="ByteRing"/>, 1-byte calls.</summary>
    public readonly struct ByteRingContender : IQueueContender
    {
        private readonly ByteRing _ring;

        public ByteRingContender(ByteRing ring)
        {
            _ring = ring;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            return _ring.TryWrite((byte)i);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            byte b;
            bool got = _ring.TryRead(out b);
            checksum = b;
            return got;
        }
    }

    /// <summary><see cref="ConcurrentQueue{T}"/> of <see cref="byte"/>: unbounded, so a write never fails.</summary>
    public readonly struct ByteQueueContender : IQueueContender
    {
        private readonly ConcurrentQueue<byte> _queue;

        public ByteQueueContender(ConcurrentQueue<byte> queue)
        {
            _queue = queue;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            _queue.Enqueue((byte)i);
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            byte b;
            bool got = _queue.TryDequeue(out b);
            checksum = b;
            return got;
        }
    }
}
