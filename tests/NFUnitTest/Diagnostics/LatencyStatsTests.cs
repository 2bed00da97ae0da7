using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Diagnostics
{
    [TestClass]
    public class LatencyStatsTests
    {
        // Ten samples, buckets of 10 µs. Sorted: 3 7 12 15 18 25 40 41 55 99.
        private static LatencyStats TenSamples()
        {
            LatencyStats stats = new LatencyStats("t", 10, 20);
            int[] samples = new int[] { 41, 7, 99, 12, 3, 55, 18, 25, 15, 40 };
            for (int i = 0; i < samples.Length; i++)
            {
                stats.Add(samples[i]);
            }

            return stats;
        }

        [TestMethod]
        public void MinMaxMeanAndJitterMatchHandComputedValues()
        {
            LatencyStats stats = TenSamples();
            Assert.AreEqual(10, stats.Count, "count");
            Assert.AreEqual(3, stats.Min, "min");
            Assert.AreEqual(99, stats.Max, "max");
            Assert.AreEqual(315L, stats.Sum, "sum");
            Assert.AreEqual(31, stats.Mean, "mean");
            Assert.AreEqual(96, stats.Jitter, "jitter");
        }

        [TestMethod]
        public void PercentilesAreUpperEdgesOfTheNearestRankBucket()
        {
            LatencyStats stats = TenSamples();
            Assert.AreEqual(19, stats.P50, "p50");
            Assert.AreEqual(99, stats.P99, "p99");
            Assert.AreEqual(9, stats.Percentile(10), "p10");
            Assert.AreEqual(9, stats.Percentile(20), "p20");
            Assert.AreEqual(29, stats.Percentile(60), "p60");
            Assert.AreEqual(49, stats.Percentile(80), "p80");
            Assert.AreEqual(59, stats.Percentile(90), "p90");
            Assert.AreEqual(99, stats.Percentile(100), "p100");
        }

        [TestMethod]
        public void PercentileIsClampedToTheMaximum()
        {
            LatencyStats stats = new LatencyStats("t", 100, 10);
            stats.Add(5);
            stats.Add(7);
            Assert.AreEqual(7, stats.P50, "clamped to max");
        }

        [TestMethod]
        public void HundredSamplesGiveTheTextbookP50AndP99()
        {
            LatencyStats stats = new LatencyStats("t", 1, 200);
            for (int v = 100; v >= 1; v--)
            {
                stats.Add(v);
            }

            Assert.AreEqual(50, stats.P50, "p50");
            Assert.AreEqual(99, stats.P99, "p99");
            Assert.AreEqual(50, stats.Mean, "mean");
        }

        [TestMethod]
        public void SamplesBeyondTheRangeAreCountedAndReportMax()
        {
            LatencyStats stats = new LatencyStats("t", 10, 5); // range 0..49
            stats.Add(10);
            stats.Add(60);
            stats.Add(1000);
            Assert.AreEqual(2, stats.OverRange, "over range");
            Assert.AreEqual(19, stats.Percentile(33), "p33");
            Assert.AreEqual(1000, stats.P50, "p50 is max");
            Assert.AreEqual(1000, stats.Max, "max");
        }

        [TestMethod]
        public void NegativeSamplesGoToBucketZeroButKeepTheirValue()
        {
            LatencyStats stats = new LatencyStats("t", 10, 5);
            stats.Add(-20);
            stats.Add(4);
            Assert.AreEqual(-20, stats.Min, "min");
            Assert.AreEqual(2, stats.BucketSamples(0), "bucket 0");
            Assert.AreEqual(-8, stats.Mean, "mean");
        }

        [TestMethod]
        public void EmptyStatisticsReadZero()
        {
            LatencyStats stats = new LatencyStats("idle");
            Assert.AreEqual(0, stats.Count, "count");
            Assert.AreEqual(0, stats.Min, "min");
            Assert.AreEqual(0, stats.Max, "max");
            Assert.AreEqual(0, stats.Mean, "mean");
            Assert.AreEqual(0, stats.P99, "p99");
            Assert.AreEqual("idle: n=0", stats.Report(), "report");
        }

        [TestMethod]
        public void ResetForgetsEverything()
        {
            LatencyStats stats = TenSamples();
            stats.Add(100000);
            stats.Reset();
            Assert.AreEqual(0, stats.Count, "count");
            Assert.AreEqual(0, stats.OverRange, "over range");
            Assert.AreEqual(0L, stats.Sum, "sum");
            Assert.AreEqual(0, stats.BucketSamples(1), "histogram");
            stats.Add(42);
            Assert.AreEqual(42, stats.Min, "min");
            Assert.AreEqual(42, stats.Max, "max");
            Assert.AreEqual(42, stats.P50, "p50");
        }

        [TestMethod]
        public void ReportIsOneLineWithEveryFigure()
        {
            LatencyStats stats = TenSamples();
            Assert.AreEqual("t: n=10 min=3 mean=31 p50<=19 p99<=99 max=99 jitter=96 µs over=0", stats.Report(), "report");
        }

        [TestMethod]
        public void DefaultHistogramCoversTwentyMilliseconds()
        {
            LatencyStats stats = new LatencyStats("d");
            Assert.AreEqual(100, stats.BucketWidthMicros, "width");
            Assert.AreEqual(200, stats.BucketCount, "bucket count");
            stats.Add(19999);
            stats.Add(20000);
            Assert.AreEqual(1, stats.OverRange, "over range");
        }

        [TestMethod]
        public void BadArgumentsAreRefused()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LatencyStats("x", 0, 10), "zero width");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LatencyStats("x", 10, 0), "zero buckets");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LatencyStats("x", 10, 4097), "too many buckets");
            LatencyStats stats = TenSamples();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => stats.Percentile(0), "p0");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => stats.Percentile(101), "p101");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => stats.BucketSamples(20), "bucket past the end");
            Assert.AreEqual(10, stats.Count, "unchanged");
        }
    }
}
