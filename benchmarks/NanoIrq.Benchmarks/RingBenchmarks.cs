using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// The same single-producer/single-consumer work through NanoIrq's rings and the BCL queues a user would
    /// otherwise pick. Each invocation moves <see cref="Items"/> edge records (or bytes) from a producer thread
    /// to the benchmark thread; a full or empty queue makes the waiting side wait with the same
    /// <see cref="SpinWait"/> (spin, then yield, never <c>Thread.Sleep(1)</c>) for every contender.
    /// <see cref="ConcurrentQueue{T}"/> is unbounded, so its producer never waits; the rings and the channel
    /// hold <see cref="Capacity"/> items. Reported time is per
    /// invocation, so ops/s = Items / Mean.
    /// </summary>
    [MemoryDiagnoser]
    public class RingBenchmarks
    {
        /// <summary>Records moved per invocation.</summary>
        public const int Items = 1_000_000;

        /// <summary>
        /// Slots of the bounded contenders (the rings and the channel): 1024, a realistic bounded queue, and
        /// 2^20 (more than <see cref="Items"/>, and <see cref="ConcurrentQueue{T}"/>'s largest segment), so that,
        /// as with the unbounded queue, the producer never waits for room. The <see cref="ConcurrentQueue{T}"/>
        /// rows do not depend on it (a warmed-up queue reuses a segment as large as its deepest backlog).
        /// </summary>
        [Params(1024, 1 << 20)]
        public int Capacity;
        private const int Chunk = 64;
        private readonly byte[] _source = new byte[Chunk];
        private readonly byte[] _sink = new byte[Chunk];
        private readonly EdgeRecord[] _batch = new EdgeRecord[Chunk];

        private EdgeRing _edgeRing;
        private ByteRing _byteRing;
        private ConcurrentQueue<EdgeRecord> _queue;
        private Channel<EdgeRecord> _channel;
        private ChannelWriter<EdgeRecord> _writer;
        private ChannelReader<EdgeRecord> _reader;
        private ConcurrentQueue<byte> _byteQueue;
        private Thread _producer;
        private int _mode;
        private readonly AutoResetEvent _go = new AutoResetEvent(false);

        [GlobalSetup]
        public void Setup()
        {
            _edgeRing = new EdgeRing(Capacity, OverflowPolicy.Reject);
            _byteRing = new ByteRing(Capacity, OverflowPolicy.Reject);
            _queue = new ConcurrentQueue<EdgeRecord>();
            _byteQueue = new ConcurrentQueue<byte>();
            _channel = Channel.CreateBounded<EdgeRecord>(new BoundedChannelOptions(Capacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            _writer = _channel.Writer;
            _reader = _channel.Reader;
            _producer = new Thread(ProducerLoop) { IsBackground = true };
            _producer.Start();
        }

        // One long-lived producer thread, so thread start-up is not measured. The loop never returns, so
        // tiered compilation would only ever reach it through on-stack replacement: compile it fully
        // optimised from the start, the same for every contender.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ProducerLoop()
        {
            while (true)
            {
                _go.WaitOne();
                switch (_mode)
                {
                    case 0:
                        for (uint i = 1; i <= Items; i++)
                        {
                            EdgeRecord e = new EdgeRecord(4, (i & 1) != 0, i, i, false);
                            if (!_edgeRing.TryWrite(e))
                            {
                                SpinWait spin = default;
                                while (!_edgeRing.TryWrite(e))
                                {
                                    spin.SpinOnce(-1);
                                }
                            }
                        }

                        break;
                    case 1:
                        for (uint i = 1; i <= Items; i++)
                        {
                            EdgeRecord e = new EdgeRecord(4, (i & 1) != 0, i, i, false);
                            // Unbounded: ConcurrentQueue never refuses, so its producer never waits.
                            _queue.Enqueue(e);
                        }

                        break;
                    case 2:
                        for (uint i = 1; i <= Items; i++)
                        {
                            EdgeRecord e = new EdgeRecord(4, (i & 1) != 0, i, i, false);
                            if (!_writer.TryWrite(e))
                            {
                                SpinWait spin = default;
                                while (!_writer.TryWrite(e))
                                {
                                    spin.SpinOnce(-1);
                                }
                            }
                        }

                        break;
                    case 3:
                        for (int i = 0; i < Items; i++)
                        {
                            if (!_byteRing.TryWrite((byte)i))
                            {
                                SpinWait spin = default;
                                while (!_byteRing.TryWrite((byte)i))
                                {
                                    spin.SpinOnce(-1);
                                }
                            }
                        }

                        break;
                    case 4:
                        for (int i = 0; i < Items; i++)
                        {
                            _byteQueue.Enqueue((byte)i);
                        }

                        break;
                    case 5:
                        int sent = 0;
                        SpinWait bulkSpin = default;
                        while (sent < Items)
                        {
                            int n = Items - sent < Chunk ? Items - sent : Chunk;
                            int wrote = _byteRing.Write(_source, 0, n);
                            if (wrote == 0)
                            {
                                bulkSpin.SpinOnce(-1);
                            }
                            else
                            {
                                bulkSpin = default;
                            }

                            sent += wrote;
                        }

                        break;
                }
            }
        }

        [Benchmark(Baseline = true, Description = "ConcurrentQueue<EdgeRecord>")]
        public long ConcurrentQueueEdges()
        {
            _mode = 1;
            _go.Set();
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                EdgeRecord e;
                if (_queue.TryDequeue(out e))
                {
                    sum += e.Sequence;
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

        [Benchmark(Description = "EdgeRing (SPSC, lock-free)")]
        public long EdgeRingEdges()
        {
            _mode = 0;
            _go.Set();
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                EdgeRecord e;
                if (_edgeRing.TryRead(out e))
                {
                    sum += e.Sequence;
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

        [Benchmark(Description = "EdgeRing, Read(EdgeRecord[64]) batches")]
        public long EdgeRingReadChunks()
        {
            _mode = 0;
            _go.Set();
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

        [Benchmark(Description = "Channel<EdgeRecord> bounded")]
        public long ChannelEdges()
        {
            _mode = 2;
            _go.Set();
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                EdgeRecord e;
                if (_reader.TryRead(out e))
                {
                    sum += e.Sequence;
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

        [Benchmark(Description = "ByteRing, 1-byte calls")]
        public long ByteRingBytes()
        {
            _mode = 3;
            _go.Set();
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                byte b;
                if (_byteRing.TryRead(out b))
                {
                    sum += b;
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

        [Benchmark(Description = "ByteRing, 64-byte Write/Read")]
        public long ByteRingBulk()
        {
            _mode = 5;
            _go.Set();
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
            _mode = 4;
            _go.Set();
            long sum = 0;
            int got = 0;
            SpinWait spin = default;
            while (got < Items)
            {
                byte b;
                if (_byteQueue.TryDequeue(out b))
                {
                    sum += b;
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
    }
}
