using System;

namespace NanoIrq
{
    /// <summary>
    /// Running statistics of one timing quantity in µs (an Irq's latency, a handler's duration, a timer's
    /// lateness against its ideal schedule): count, min, max, mean, peak-to-peak jitter and a
    /// fixed-bucket histogram that gives percentiles such as p50 and p99.
    /// </summary>
    /// <remarks>
    /// <para>The histogram has <see cref="BucketCount"/> buckets of <see cref="BucketWidthMicros"/> µs:
    /// bucket b holds samples in [b * width, (b + 1) * width - 1] µs. Negative samples (possible when two
    /// clocks disagree) go to bucket 0; samples at or above <c>BucketCount * BucketWidthMicros</c> are
    /// counted in <see cref="OverRange"/>. Min, max and mean always use the exact values.</para>
    /// <para>Defaults: 200 buckets of 100 µs, i.e. 0 to 19,999 µs at 100 µs resolution (the range covers
    /// nanoFramework's 20 ms thread quantum), 800 bytes of histogram.</para>
    /// <para><see cref="Add"/> allocates nothing and runs in constant time. One writer at a time (the
    /// dispatcher thread); a reader on another thread may see a sample half-recorded, which is harmless for
    /// a report. <see cref="Report"/> allocates its string: call it from the main loop, not a handler.</para>
    /// </remarks>
    public sealed class LatencyStats
    {
        /// <summary>Default bucket width: 100 µs.</summary>
        public const int DefaultBucketWidthMicros = 100;

        /// <summary>Default bucket count: 200 (range 0 to 19,999 µs).</summary>
        public const int DefaultBucketCount = 200;

        /// <summary>Largest bucket count accepted: 4,096 (16 KB of histogram).</summary>
        public const int MaxBucketCount = 4096;

        private readonly string _name;
        private readonly int _width;
        private readonly int[] _buckets;
        private int _count;
        private int _overRange;
        private long _sum;
        private int _min;
        private int _max;

        /// <summary>Creates statistics named <paramref name="name"/> with the default histogram (200 × 100 µs).</summary>
        public LatencyStats(string name)
            : this(name, DefaultBucketWidthMicros, DefaultBucketCount)
        {
        }

        /// <summary>Creates statistics named <paramref name="name"/> with <paramref name="bucketCount"/> buckets of <paramref name="bucketWidthMicros"/> µs.</summary>
        /// <param name="name">Label used by <see cref="Report"/>; null is read as "".</param>
        /// <param name="bucketWidthMicros">Width of each bucket, 1 to 1,000,000 µs.</param>
        /// <param name="bucketCount">Number of buckets, 1 to <see cref="MaxBucketCount"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">A size is outside its range.</exception>
        public LatencyStats(string name, int bucketWidthMicros, int bucketCount)
        {
            if (bucketWidthMicros < 1 || bucketWidthMicros > 1000000)
            {
                throw new ArgumentOutOfRangeException("bucketWidthMicros", "must be in [1, 1000000] µs.");
            }

            if (bucketCount < 1 || bucketCount > MaxBucketCount)
            {
                throw new ArgumentOutOfRangeException("bucketCount", "must be in [1, 4096].");
            }

            _name = string.IsNullOrEmpty(name) ? "" : name;
            _width = bucketWidthMicros;
            _buckets = new int[bucketCount];
        }

        /// <summary>The label given at construction.</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <summary>Width of one histogram bucket in µs.</summary>
        public int BucketWidthMicros
        {
            get { return _width; }
        }

        /// <summary>Number of histogram buckets.</summary>
        public int BucketCount
        {
            get { return _buckets.Length; }
        }

        /// <summary>Samples recorded since construction or the last <see cref="Reset"/>.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Samples at or above the histogram's range (<c>BucketCount * BucketWidthMicros</c> µs); they still count in min, max and mean.</summary>
        public int OverRange
        {
            get { return _overRange; }
        }

        /// <summary>Smallest sample in µs; 0 when <see cref="Count"/> is 0.</summary>
        public int Min
        {
            get { return _min; }
        }

        /// <summary>Largest sample in µs; 0 when <see cref="Count"/> is 0.</summary>
        public int Max
        {
            get { return _max; }
        }

        /// <summary>Sum of all samples in µs (64-bit: cannot overflow before 2^32 samples).</summary>
        public long Sum
        {
            get { return _sum; }
        }

        /// <summary>Mean of the samples in µs, rounded toward zero; 0 when <see cref="Count"/> is 0.</summary>
        public int Mean
        {
            get { return _count == 0 ? 0 : (int)(_sum / _count); }
        }

        /// <summary>Peak-to-peak jitter, <see cref="Max"/> - <see cref="Min"/>, in µs; 0 when <see cref="Count"/> is 0.</summary>
        public int Jitter
        {
            get { return _max - _min; }
        }

        /// <summary>Median: <see cref="Percentile"/>(50).</summary>
        public int P50
        {
            get { return Percentile(50); }
        }

        /// <summary>99th percentile: <see cref="Percentile"/>(99).</summary>
        public int P99
        {
            get { return Percentile(99); }
        }

        /// <summary>Records one sample of <paramref name="micros"/> µs. Constant time, no allocation.</summary>
        public void Add(int micros)
        {
            if (_count == 0)
            {
                _min = micros;
                _max = micros;
            }
            else
            {
                if (micros < _min)
                {
                    _min = micros;
                }

                if (micros > _max)
                {
                    _max = micros;
                }
            }

            _count++;
            _sum += micros;
            int bucket = micros < 0 ? 0 : micros / _width;
            if (bucket < _buckets.Length)
            {
                _buckets[bucket]++;
            }
            else
            {
                _overRange++;
            }
        }

        /// <summary>
        /// An upper bound, in µs, for the <paramref name="percent"/>-th percentile by the nearest-rank method:
        /// the sample of rank <c>ceil(percent * Count / 100)</c> in ascending order lies in some bucket b, and
        /// the result is that bucket's upper edge <c>(b + 1) * width - 1</c>, or <see cref="Max"/> if smaller
        /// (so it is exact whenever the percentile is the largest sample). When the rank falls among the
        /// over-range samples the result is <see cref="Max"/>. 0 when <see cref="Count"/> is 0. No allocation.
        /// </summary>
        /// <param name="percent">1 to 100.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [1, 100].</exception>
        public int Percentile(int percent)
        {
            if (percent < 1 || percent > 100)
            {
                throw new ArgumentOutOfRangeException("percent", "must be in [1, 100].");
            }

            if (_count == 0)
            {
                return 0;
            }

            long rank = ((long)percent * _count + 99) / 100;
            long seen = 0;
            for (int b = 0; b < _buckets.Length; b++)
            {
                seen += _buckets[b];
                if (seen >= rank)
                {
                    long upper = ((long)b + 1) * _width - 1;
                    return upper < _max ? (int)upper : _max;
                }
            }

            return _max;
        }

        /// <summary>Samples recorded in bucket <paramref name="bucket"/> (0 to <see cref="BucketCount"/> - 1).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is outside the histogram.</exception>
        public int BucketSamples(int bucket)
        {
            if (bucket < 0 || bucket >= _buckets.Length)
            {
                throw new ArgumentOutOfRangeException("bucket", "must be in [0, BucketCount - 1].");
            }

            return _buckets[bucket];
        }

        /// <summary>Forgets every sample: counts, min, max, sum and histogram go back to 0. No allocation.</summary>
        public void Reset()
        {
            for (int b = 0; b < _buckets.Length; b++)
            {
                _buckets[b] = 0;
            }

            _count = 0;
            _overRange = 0;
            _sum = 0;
            _min = 0;
            _max = 0;
        }

        /// <summary>
        /// One line, e.g. <c>"red lateness: n=10 min=3 mean=31 p50&lt;=19 p99&lt;=99 max=99 jitter=96 µs over=0"</c>
        /// (percentiles are bucket upper bounds, hence "&lt;="); <c>"red lateness: n=0"</c> when empty. Allocates.
        /// </summary>
        public string Report()
        {
            if (_count == 0)
            {
                return _name + ": n=0";
            }

            return _name + ": n=" + _count.ToString()
                + " min=" + _min.ToString()
                + " mean=" + Mean.ToString()
                + " p50<=" + P50.ToString()
                + " p99<=" + P99.ToString()
                + " max=" + _max.ToString()
                + " jitter=" + Jitter.ToString()
                + " µs over=" + _overRange.ToString();
        }
    }
}
