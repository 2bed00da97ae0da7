using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// One contender as the ring benchmarks drive it: the producer offers item number <c>i</c> (an
    /// <see cref="EdgeRecord"/> with pin 4, level <c>i</c> odd, time and sequence <c>i</c>, or the byte
    /// <c>(byte)i</c>), the consumer takes one item and returns the number its checksum adds (the record's
    /// sequence, or the byte). The implementations are structs, so each generic benchmark loop is compiled
    /// once per contender with the calls inlined: every contender runs the same loop, with no delegate or
    /// interface call per item.
    /// </summary>
    public interface IQueueContender
    {
        /// <summary>Offers item number <paramref name="i"/>; false when a bounded contender is full.</summary>
        bool TryWrite(uint i);

        /// <summary>Takes the oldest item; false when empty.</summary>
        bool TryRead(out long checksum);
    }

    /// <summary>NanoIrq's <see cref="EdgeRing"/>, single-record calls.</summary>
    public readonly struct EdgeRingContender : IQueueContender
    {
        private readonly EdgeRing _ring;

        public EdgeRingContender(EdgeRing ring)
        {
            _ring = ring;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            return _ring.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            EdgeRecord e;
            bool got = _ring.TryRead(out e);
            checksum = e.Sequence;
            return got;
        }
    }

    /// <summary><see cref="ConcurrentQueue{T}"/> of <see cref="EdgeRecord"/>: unbounded, so a write never fails.</summary>
    public readonly struct EdgeQueueContender : IQueueContender
    {
        private readonly ConcurrentQueue<EdgeRecord> _queue;

        public EdgeQueueContender(ConcurrentQueue<EdgeRecord> queue)
        {
            _queue = queue;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            _queue.Enqueue(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            EdgeRecord e;
            bool got = _queue.TryDequeue(out e);
            checksum = e.Sequence;
            return got;
        }
    }

    /// <summary>A bounded <see cref="Channel{T}"/> of <see cref="EdgeRecord"/> (<c>SingleReader</c>, <c>SingleWriter</c>).</summary>
    public readonly struct EdgeChannelContender : IQueueContender
    {
        private readonly ChannelWriter<EdgeRecord> _writer;
        private readonly ChannelReader<EdgeRecord> _reader;

        public EdgeChannelContender(Channel<EdgeRecord> channel)
        {
            _writer = channel.Writer;
            _reader = channel.Reader;
        }

        /// <summary>The channel the benchmarks use: <paramref name="capacity"/> slots, one reader, one writer, writers wait when full.</summary>
        public static Channel<EdgeRecord> Create(int capacity)
        {
            return Channel.CreateBounded<EdgeRecord>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWrite(uint i)
        {
            return _writer.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryRead(out long checksum)
        {
            EdgeRecord e;
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
