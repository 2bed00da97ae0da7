using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Debounce
{
    /// <summary>
    /// Seed sweep: 20 seeds x 1,000 simulated presses (20,000 in all), bounce up to 10 ms on press and release,
    /// 20 % of presses with a noise glitch during the hold: the 20 ms quiet-time default reports exactly one press
    /// and one release per physical press. Lockout and sample-after-delay are run on the same presses for contrast.
    /// </summary>
    [TestClass]
    public class SeedSweepTests
    {
        private static void Sweep(int seed, int presses, Func<IEdgeFilter> make, out int pressed, out int released, out int wrongPresses)
        {
            var t = new uint[BounceModel.MaxEdgesPerPress];
            var l = new bool[BounceModel.MaxEdgesPerPress];
            var model = new BounceModel(seed) { MaxBounceMicros = 10000, MaxBounceCycles = 32, GlitchProbability = 0.2 };
            var rng = new Random(seed);
            IEdgeFilter filter = make();
            var sink = new CountingSink();
            uint start = unchecked((uint)rng.Next());
            uint seq = 0;
            pressed = 0;
            released = 0;
            wrongPresses = 0;
            for (int p = 0; p < presses; p++)
            {
                sink.Reset();
                int n = model.WritePress(start, 40000 + rng.Next(960000), t, l, 0);
                uint end = Ticks.Add(model.LastEndMicros, 40000 + rng.Next(460000));
                CountingSink.Drive(filter, t, l, n, end, sink, ref seq);
                pressed += sink.Presses;
                released += sink.Releases;
                if (sink.Presses != 1 || sink.Releases != 1 || sink.Repeats != 0)
                {
                    wrongPresses++;
                }

                start = end;
            }
        }

        [TestMethod]
        public void QuietTimeDefaultCountsEachOf20000PressesExactlyOnce()
        {
            int total = 0;
            for (int seed = 1; seed <= 20; seed++)
            {
                Sweep(seed, 1000, () => new QuietTimeDebouncer(true), out int pressed, out int released, out int wrong);
                Assert.AreEqual(1000, pressed, "seed " + seed + ": presses");
                Assert.AreEqual(1000, released, "seed " + seed + ": releases");
                Assert.AreEqual(0, wrong, "seed " + seed + ": presses not reported as exactly one press then one release");
                total += pressed;
            }

            Assert.AreEqual(20000, total);
        }

        [TestMethod]
        public void SplitWindowsAlsoCountEveryPressOnce()
        {
            Sweep(99, 10000, () => new QuietTimeDebouncer(true, true, 12000, 15000), out int pressed, out int released, out int wrong);
            Assert.AreEqual(10000, pressed);
            Assert.AreEqual(10000, released);
            Assert.AreEqual(0, wrong);
        }

        [TestMethod]
        public void LockoutAndSampleShorterThanTheBounceMiscount()
        {
            // Same presses, windows shorter than the 10 ms worst bounce. Lockout already miscounts at 5 ms (the
            // bounce outlasts the lockout); sample-after-delay only once its second sample can still land in the
            // bounce (2 ms); quiet-time waits for silence and fails least.
            Sweep(7, 10000, () => new LockoutDebouncer(true, 5000), out _, out _, out int lockout5);
            Sweep(7, 10000, () => new SampleAfterDelayDebouncer(true, 5000), out _, out _, out int sample5);
            Sweep(7, 10000, () => new QuietTimeDebouncer(true, 5000), out _, out _, out int quiet5);
            Sweep(7, 10000, () => new LockoutDebouncer(true, 2000), out _, out _, out int lockoutWrong);
            Sweep(7, 10000, () => new SampleAfterDelayDebouncer(true, 2000), out _, out _, out int sampleWrong);
            Sweep(7, 10000, () => new QuietTimeDebouncer(true, 2000), out _, out _, out int quietWrong);
            Console.WriteLine("presses miscounted of 10,000 with <= 10 ms bounce, 5 ms windows: lockout " + lockout5 + ", sample-after-delay " + sample5 + ", quiet-time " + quiet5);
            Console.WriteLine("2 ms windows: lockout " + lockoutWrong + ", sample-after-delay " + sampleWrong + ", quiet-time " + quietWrong);
            Assert.IsTrue(lockout5 > 0, "lockout 5 ms miscounts some presses");
            Assert.AreEqual(0, quiet5, "quiet-time 5 ms still counts every press");
            Assert.IsTrue(lockoutWrong > 0, "lockout miscounts some presses");
            Assert.IsTrue(sampleWrong > 0, "sample-after-delay miscounts some presses");
            Assert.IsTrue(quietWrong < lockoutWrong && quietWrong < sampleWrong, "quiet-time fails least");
        }

        [TestMethod]
        public void LongBouncesBeatAShortQuietWindowButNotALongOne()
        {
            // Ganssle's 157 ms outlier: with 1 press in 20 bouncing for 157 ms, 20 ms quiet-time miscounts some,
            // a 200 ms window none.
            Func<int, int, int> run = (window, seed) =>
            {
                var t = new uint[BounceModel.MaxEdgesPerPress];
                var l = new bool[BounceModel.MaxEdgesPerPress];
                var model = new BounceModel(seed) { LongBounceProbability = 0.05, MaxBounceCycles = 4 };
                var q = new QuietTimeDebouncer(true, window);
                var sink = new CountingSink();
                uint start = 0;
                uint seq = 0;
                int wrong = 0;
                for (int p = 0; p < 2000; p++)
                {
                    sink.Reset();
                    int n = model.WritePress(start, 600000, t, l, 0);
                    uint end = Ticks.Add(model.LastEndMicros, 600000);
                    CountingSink.Drive(q, t, l, n, end, sink, ref seq);
                    if (sink.Presses != 1 || sink.Releases != 1)
                    {
                        wrong++;
                    }

                    start = end;
                }

                return wrong;
            };
            int shortWrong = run(20000, 3);
            int longWrong = run(200000, 3);
            Console.WriteLine("157 ms bounces on 5 % of edges, 2,000 presses: quiet 20 ms wrong " + shortWrong + ", quiet 200 ms wrong " + longWrong);
            Assert.IsTrue(shortWrong > 0, "20 ms cannot hide a slow 157 ms chatter");
            Assert.AreEqual(0, longWrong, "200 ms can");
        }
    }
}
