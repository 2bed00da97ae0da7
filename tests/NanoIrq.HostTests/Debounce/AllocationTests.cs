using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Debounce
{
    /// <summary>Zero bytes allocated per edge in every debouncer, the glitch filter, the chain and the gesture detector after construction.</summary>
    [TestClass]
    public class AllocationTests
    {
        private static int _gestures;

        private static void OnGesture(GestureEvent e)
        {
            _gestures++;
        }

        private static long Measure(IEdgeFilter filter, int presses, out int edges)
        {
            var t = new uint[BounceModel.MaxEdgesPerPress];
            var l = new bool[BounceModel.MaxEdgesPerPress];
            var model = new BounceModel(5) { MaxBounceMicros = 10000, GlitchProbability = 0.3 };
            var sink = new CountingSink();
            uint seq = 0;
            uint start = 0;
            edges = 0;

            // Warm up (JIT, first calls), then measure.
            for (int pass = 0; pass < 2; pass++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int p = 0; p < presses; p++)
                {
                    int n = model.WritePress(start, 30000 + (p % 7) * 200000, t, l, 0);
                    uint end = Ticks.Add(model.LastEndMicros, 150000 + (p % 3) * 400000);
                    CountingSink.Drive(filter, t, l, n, end, sink, ref seq);
                    edges += n;
                    start = end;
                }

                long after = GC.GetAllocatedBytesForCurrentThread();
                if (pass == 1)
                {
                    return after - before;
                }

                edges = 0;
            }

            return -1;
        }

        [TestMethod]
        public void NoAllocationPerEdge()
        {
            var options = new GestureOptions { HoldRepeatIntervalMicros = 100000 };
            var waitOptions = new GestureOptions { WaitForMultiClick = true };
            var filters = new IEdgeFilter[]
            {
                new QuietTimeDebouncer(true),
                new QuietTimeDebouncer(true, true, 5000, 15000),
                new LockoutDebouncer(true),
                new SampleAfterDelayDebouncer(true),
                new GlitchFilter(true),
                new GestureDetector(true, OnGesture, options),
                new FilterChain(new IEdgeFilter[] { new GlitchFilter(true), new QuietTimeDebouncer(true), new GestureDetector(true, OnGesture, options) }),
                new FilterChain(new QuietTimeDebouncer(true), new GestureDetector(true, OnGesture, waitOptions)),
            };
            foreach (var f in filters)
            {
                long bytes = Measure(f, 2000, out int edges);
                Console.WriteLine(f.GetType().Name + ": " + bytes + " bytes over " + edges + " edges");
                Assert.IsTrue(edges > 10000, "enough edges measured");
                Assert.AreEqual(0L, bytes, f.GetType().Name + " allocated on the hot path");
            }

            Assert.IsTrue(_gestures > 0, "the gesture handler ran");
        }
    }
}
