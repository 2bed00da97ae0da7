using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// The per-operation cost of the same queue work without thread scheduling in the measurement: one
    /// thread writes a burst of <see cref="Burst"/> edges (or bytes) and then reads them all back,
    /// as an edge source and a dispatcher do when the dispatcher runs behind. Each invocation moves
    /// <see cref="Burst"/> items through; ops/s = Burst / Mean. Every single-item row runs the same
    /// <see cref="RunBurst{T}"/> loop. The BCL queues carry <see cref="EdgeValue"/> structs; the rings are written
    /// field by field and read into records allocated once (<see cref="_into"/>, <see cref="_batch"/>), so no edge
    /// row allocates per item.
    /// </summary>
    [MemoryDiagnoser]
    public class RingBatchBenchmarks
    {
        /// <summary>Items written then read per invocation.</summary>
        public const int Burst = 512;

        private readonly EdgeRing _edgeRing = new EdgeRing(Burst, OverflowPolicy.Reject);
        private readonly EdgeRing _dropOldestRing = new EdgeRing(Burst, OverflowPolicy.DropOldest);
        private readonly EdgeRing _overwriteRing = new EdgeRing(Burst, OverflowPolicy.Overwrite);
        // The consumer's records, allocated once per benchmark instance and refilled by every read.
        private readonly EdgeRecord _into = new EdgeRecord();
        private readonly EdgeRecord[] _batch = RingBenchmarks.NewRecords(Burst);
        private readonly ByteRing _byteRing = new ByteRing(Burst, OverflowPolicy.Reject);
        private readonly ConcurrentQueue<EdgeValue> _queue = new ConcurrentQueue<EdgeValue>();
        private readonly ConcurrentQueue<byte> _byteQueue = new ConcurrentQueue<byte>();
        private readonly byte[] _bytes = new byte[Burst];
        private readonly Channel<EdgeValue> _channel = EdgeChannelContender.Create(Burst);

        [Benchmark(Baseline = true, Description = "ConcurrentQueue<EdgeValue>")]
        public long ConcurrentQueueBurst()
        {
            return RunBurst(new EdgeQueueContender(_queue));
        }

        [Benchmark(Description = "EdgeRing, Reject")]
        public long EdgeRingBurst()
        {
            return RunBurst(new EdgeRingContender(_edgeRing, _into));
        }

        [Benchmark(Description = "EdgeRing, DropOldest")]
        public long EdgeRingDropOldestBurst()
        {
            return RunBurst(new EdgeRingContender(_dropOldestRing, _into));
        }

        [Benchmark(Description = "EdgeRing, Overwrite")]
        public long EdgeRingOverwriteBurst()
        {
            return RunBurst(new EdgeRingContender(_overwriteRing, _into));
        }

        [Benchmark(Description = "EdgeRing, one Read(EdgeRecord[512])")]
        public long EdgeRingBatchReadBurst()
        {
            EdgeRingContender ring = new EdgeRingContender(_edgeRing, _into);
            for (uint i = 1; i <= Burst; i++)
            {
                ring.TryWrite(i);
            }

            long sum = 0;
            int n = _edgeRing.Read(_batch, 0, Burst);
            for (int k = 0; k < n; k++)
            {
                sum += _batch[k].Sequence;
            }

            return sum;
        }

        [Benchmark(Description = "Channel<EdgeValue> bounded")]
        public long ChannelBurst()
        {
            return RunBurst(new EdgeChannelContender(_channel));
        }

        [Benchmark(Description = "ByteRing, 1-byte calls")]
        public long ByteRingBurst()
        {
            return RunBurst(new ByteRingContender(_byteRing));
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
            return RunBurst(new ByteQueueContender(_byteQueue));
        }

        // Compiled once per contender (a struct type argument), with its calls inlined.
        private static long RunBurst<T>(T queue)
            where T : struct, IQueueContender
        {
            for (uint i = 1; i <= Burst; i++)
            {
                queue.TryWrite(i);
            }

            long sum = 0;
            long value;
            while (queue.TryRead(out value))
            {
                sum += value;
            }

            return sum;
        }
    }
}
