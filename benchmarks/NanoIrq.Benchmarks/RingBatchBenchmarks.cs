using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// The per-operation cost of the same queue work without thread scheduling in the measurement: one
    /// thread writes a burst of <see cref="Burst"/> edge records (or bytes) and then reads them all back,
    /// as an edge source and a dispatcher do when the dispatcher runs behind. Each invocation moves
    /// <see cref="Burst"/> items through; ops/s = Burst / Mean.
    /// </summary>
    [MemoryDiagnoser]
    public class RingBatchBenchmarks
    {
        /// <summary>Items written then read per invocation.</summary>
        public const int Burst = 512;

        private readonly EdgeRing _edgeRing = new EdgeRing(Burst, OverflowPolicy.Reject);
        private readonly EdgeRing _dropOldestRing = new EdgeRing(Burst, OverflowPolicy.DropOldest);
        private readonly EdgeRing _overwriteRing = new EdgeRing(Burst, OverflowPolicy.Overwrite);
        private readonly EdgeRecord[] _batch = new EdgeRecord[Burst];
        private readonly ByteRing _byteRing = new ByteRing(Burst, OverflowPolicy.Reject);
        private readonly ConcurrentQueue<EdgeRecord> _queue = new ConcurrentQueue<EdgeRecord>();
        private readonly ConcurrentQueue<byte> _byteQueue = new ConcurrentQueue<byte>();
        private readonly byte[] _bytes = new byte[Burst];
        private Channel<EdgeRecord> _channel;

        [GlobalSetup]
        public void Setup()
        {
            _channel = Channel.CreateBounded<EdgeRecord>(new BoundedChannelOptions(Burst)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        [Benchmark(Baseline = true, Description = "ConcurrentQueue<EdgeRecord>")]
        public long ConcurrentQueueBurst()
        {
            for (uint i = 1; i <= Burst; i++)
            {
                _queue.Enqueue(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            }

            long sum = 0;
            EdgeRecord e;
            while (_queue.TryDequeue(out e))
            {
                sum += e.Sequence;
            }

            return sum;
        }

        [Benchmark(Description = "EdgeRing, Reject")]
        public long EdgeRingBurst()
        {
            for (uint i = 1; i <= Burst; i++)
            {
                _edgeRing.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            }

            long sum = 0;
            EdgeRecord e;
            while (_edgeRing.TryRead(out e))
            {
                sum += e.Sequence;
            }

            return sum;
        }

        [Benchmark(Description = "EdgeRing, DropOldest")]
        public long EdgeRingDropOldestBurst()
        {
            return RunBurst(_dropOldestRing);
        }

        [Benchmark(Description = "EdgeRing, Overwrite")]
        public long EdgeRingOverwriteBurst()
        {
            return RunBurst(_overwriteRing);
        }

        [Benchmark(Description = "EdgeRing, one Read(EdgeRecord[512])")]
        public long EdgeRingBatchReadBurst()
        {
            for (uint i = 1; i <= Burst; i++)
            {
                _edgeRing.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            }

            long sum = 0;
            int n = _edgeRing.Read(_batch, 0, Burst);
            for (int k = 0; k < n; k++)
            {
                sum += _batch[k].Sequence;
            }

            return sum;
        }

        // Inlined so that every EdgeRing row runs the same code shape as the Reject row and the queues.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long RunBurst(EdgeRing ring)
        {
            for (uint i = 1; i <= Burst; i++)
            {
                ring.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            }

            long sum = 0;
            EdgeRecord e;
            while (ring.TryRead(out e))
            {
                sum += e.Sequence;
            }

            return sum;
        }

        [Benchmark(Description = "Channel<EdgeRecord> bounded")]
        public long ChannelBurst()
        {
            ChannelWriter<EdgeRecord> writer = _channel.Writer;
            for (uint i = 1; i <= Burst; i++)
            {
                writer.TryWrite(new EdgeRecord(4, (i & 1) != 0, i, i, false));
            }

            long sum = 0;
            EdgeRecord e;
            ChannelReader<EdgeRecord> reader = _channel.Reader;
            while (reader.TryRead(out e))
            {
                sum += e.Sequence;
            }

            return sum;
        }

        [Benchmark(Description = "ByteRing, 1-byte calls")]
        public long ByteRingBurst()
        {
            for (int i = 0; i < Burst; i++)
            {
                _byteRing.TryWrite((byte)i);
            }

            long sum = 0;
            byte b;
            while (_byteRing.TryRead(out b))
            {
                sum += b;
            }

            return sum;
        }

        [Benchmark(Description = "ByteRing, one 512-byte Write/Read")]
        public long ByteRingBulkBurst()
        {
            _byteRing.Write(_bytes, 0, Burst);
            return _byteRing.Read(_bytes, 0, Burst);
        }

        [Benchmark(Description = "ConcurrentQueue<byte>")]
        public long ConcurrentQueueByteBurst()
        {
            for (int i = 0; i < Burst; i++)
            {
                _byteQueue.Enqueue((byte)i);
            }

            long sum = 0;
            byte b;
            while (_byteQueue.TryDequeue(out b))
            {
                sum += b;
            }

            return sum;
        }
    }
}
