using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// The same single-producer/single-consumer work through NanoIrq's rings and the BCL queues a user would
    /// otherwise pick. Each invocation moves <see cref="Items"/> edges (or bytes) from a producer thread
    /// to the benchmark thread; a full or empty queue makes the waiting side wait with the same
    /// <see cref="SpinWait"/> (spin, then yield, never <c>Thread.Sleep(1)</c>) for every contender, in the same
    /// generic loops (<see cref="Produce{T}"/>, <see cref="Consume{T}"/>).
    /// <see cref="ConcurrentQueue{T}"/> is unbounded, so its producer never waits; the rings and the channel
    /// hold <see cref="Capacity"/> items. Reported time is per invocation, so ops/s = Items / Mean.
    /// The BCL queues carry <see cref="EdgeValue"/> structs; the ring is written field by field and read into
    /// records allocated once (<see cref="_into"/>, <see cref="_batch"/>), so no edge row allocates per item.
    /// </summary>
    [MemoryDiagnoser]
    public class RingBenchmarks
    {
        /// <summary>Records moved per invocation.</summary>
        public const int Items = 1_000_000;

        private const int Chunk = 64;

        /// <summary>
        /// Slots of the bounded contenders (the rings and the channel): 1024, a realistic bounded queue, and
        /// 2^20 (more than <see cref="Items"/>, and <see cref="ConcurrentQueue{T}"/>'s largest segment), so that,
        /// as with the unbounded queue, the producer never waits for room. The <see cref="ConcurrentQueue{T}"/>
        /// rows do not depend on it (a warmed-up queue reuses a segment as large as its deepest backlog).
        /// </summary>
        [Params(1024, 1 << 20)]
        public int Capacity;

        private readonly byte[] _source = new byte[Chunk];
        private readonly byte[] _sink = new byte[Chunk];
        // The consumer's records, allocated once per benchmark instance and refilled by every read.
        private readonly EdgeRecord _into = new EdgeRecord();
        private readonly EdgeRecord[] _batch = NewRecords(Chunk);
        private readonly AutoResetEvent _go = new AutoResetEvent(false);

        private EdgeRing _edgeRing;
        private ByteRing _byteRing;
        private ConcurrentQueue<EdgeValue> _queue;
        private Channel<EdgeValue> _channel;
        private ConcurrentQueue<byte> _byteQueue;

        // What the producer thread runs for the current benchmark, each created once in Setup.
        private Action _produceEdgeRing;
        private Action _produceEdgeQueue;
        private Action _produceChannel;
        private Action _produceByteRing;
        private Action _produceByteQueue;
        private Action _produceByteChunks;
        private Action _work;

        [GlobalSetup]
        public void Setup()
        {
            _edgeRing = new EdgeRing(Capacity, OverflowPolicy.Reject);
            _byteRing = new ByteRing(Capacity, OverflowPolicy.Reject);
            _queue = new ConcurrentQueue<EdgeValue>();
            _byteQueue = new ConcurrentQueue<byte>();
            _channel = EdgeChannelContender.Create(Capacity);
            _produceEdgeRing = () => Produce(new EdgeRingContender(_edgeRing, _into)); // writes only
            _produceEdgeQueue = () => Produce(new EdgeQueueContender(_queue));
            _produceChannel = () => Produce(new EdgeChannelContender(_channel));
            _produceByteRing = () => Produce(new ByteRingContender(_byteRing));
            _produceByteQueue = () => Produce(new ByteQueueContender(_byteQueue));
            _produceByteChunks = ProduceByteChunks;
            Thread producer = new Thread(ProducerLoop) { IsBackground = true };
            producer.Start();
        }

        /// <summary><paramref name="count"/> empty records, for <see cref="EdgeRing.Read"/> to fill in place.</summary>
        internal static EdgeRecord[] NewRecords(int count)
        {
            EdgeRecord[] records = new EdgeRecord[count];
            for (int k = 0; k < count; k++)
            {
                records[k] = new EdgeRecord();
            }

            return records;
        }

        // One long-lived producer thread, so thread start-up is not measured.
        private void ProducerLoop()
        {
            while (true)
            {
                _go.WaitOne();
                _work();
            }
        }

        private void Start(Action work)
        {
            _work = work;
            _go.Set();
        }

        // The producer side for every single-item contender. Compiled fully optimised from its first call,
        // the same for every contender, so no contender's producer runs unoptimised code during warm-up.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Produce<T>(T queue)
            where T : struct, IQueueContender
        {
            for (uint i = 1; i <= Items; i++)
            {
                if (!queue.TryWrite(i))
                {
                    SpinWait spin = default;
                    while (!queue.TryWrite(i))
                    {
                        spin.SpinOnce(-1);
                    }
                }
            }
        }

        // The consumer side for every single-item contender, on the benchmark thread.
        private static long Consume<T>(T queue)
            where T : struct, IQueueContender
        {
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                long value;
                if (queue.TryRead(out value))
                {
                    sum += value;
                    got++;
                    spin = default;
                }
                else
                {
                    spin.SpinOnce(-1);
                }
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ProduceByteChunks()
        {
            int sent = 0;
            SpinWait spin = default;
            while (sent < Items)
            {
                int n = Items - sent < Chunk ? Items - sent : Chunk;
                int wrote = _byteRing.Write(_source, 0, n);
                if (wrote == 0)
                {
                    spin.SpinOnce(-1);
                }
                else
                {
                    spin = default;
                }

                sent += wrote;
            }
        }

        [Benchmark(Baseline = true, Description = "ConcurrentQueue<EdgeValue>")]
        public long ConcurrentQueueEdges()
        {
            Start(_produceEdgeQueue);
            return Consume(new EdgeQueueContender(_queue));
        }

        [Benchmark(Description = "EdgeRing (SPSC, lock-free)")]
        public long EdgeRingEdges()
        {
            Start(_produceEdgeRing);
            return Consume(new EdgeRingContender(_edgeRing, _into));
        }

        [Benchmark(Description = "EdgeRing, Read(EdgeRecord[64]) batches")]
        public long EdgeRingReadChunks()
        {
            Start(_produceEdgeRing);
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                int n = _edgeRing.Read(_batch, 0, Chunk);
                if (n == 0)
                {
                    spin.SpinOnce(-1);
                    continue;
                }

                spin = default;
                for (int k = 0; k < n; k++)
                {
                    sum += _batch[k].Sequence;
                }

                got += n;
            }

            return sum;
        }

        [Benchmark(Description = "Channel<EdgeValue> bounded")]
        public long ChannelEdges()
        {
            Start(_produceChannel);
            return Consume(new EdgeChannelContender(_channel));
        }

        [Benchmark(Description = "ByteRing, 1-byte calls")]
        public long ByteRingBytes()
        {
            Start(_produceByteRing);
            return Consume(new ByteRingContender(_byteRing));
        }

        [Benchmark(Description = "ByteRing, 64-byte Write/Read")]
        public long ByteRingBulk()
        {
            Start(_produceByteChunks);
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                int n = _byteRing.Read(_sink, 0, Chunk);
                if (n == 0)
                {
                    spin.SpinOnce(-1);
                }
                else
                {
                    spin = default;
                }

                sum += n;
                got += n;
            }

            return sum;
        }

        [Benchmark(Description = "ConcurrentQueue<byte>")]
        public long ConcurrentQueueBytes()
        {
            Start(_produceByteQueue);
            return Consume(new ByteQueueContender(_byteQueue));
        }
    }
}
