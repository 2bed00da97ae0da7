using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Debounce
{
    [TestClass]
    public class BounceModelTests
    {
        [TestMethod]
        public void SameSeedSameEdges()
        {
            uint[] t1 = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l1 = new bool[BounceModel.MaxEdgesPerPress];
            uint[] t2 = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l2 = new bool[BounceModel.MaxEdgesPerPress];
            BounceModel a = new BounceModel(42);
            BounceModel b = new BounceModel(42);
            for (int press = 0; press < 20; press++)
            {
                int n1 = a.WritePress(1000, 100000, t1, l1, 0);
                int n2 = b.WritePress(1000, 100000, t2, l2, 0);
                Assert.AreEqual(n1, n2, "same count");
                for (int i = 0; i < n1; i++)
                {
                    Assert.AreEqual(t1[i], t2[i], "same time");
                    Assert.AreEqual(l1[i], l2[i], "same level");
                }
            }
        }

        [TestMethod]
        public void TheSeedFixesTheEdgesOnEveryRuntime()
        {
            // Pinned numbers: the model draws from its own generator, so seed 42 writes these edges on the host, on
            // the virtual nanoCLR and on a board alike (System.Random would not: nanoFramework ignores its seed).
            uint[] t = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l = new bool[BounceModel.MaxEdgesPerPress];
            BounceModel m = new BounceModel(42);
            int n = m.WritePress(1000, 100000, t, l, 0);
            Assert.AreEqual(26, n, "edges of the first press");
            Assert.AreEqual(1974, m.LastPressBounceMicros, "press bounce");
            Assert.AreEqual(62, m.LastReleaseBounceMicros, "release bounce");
            Assert.AreEqual(1526u, t[1], "second edge: 526 µs into the press bounce");
            Assert.AreEqual(101062u, m.LastEndMicros, "1000 + 100000 hold + 62 µs release bounce");
        }

        [TestMethod]
        public void EdgesAlternateStayInsideTheBounceAndEndSettled()
        {
            uint[] t = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l = new bool[BounceModel.MaxEdgesPerPress];
            BounceModel m = new BounceModel(7);
            m.MaxBounceMicros = 10000;
            m.GlitchProbability = 0.5;
            int presses = LoopCount.Pick(300, 60);
            for (int press = 0; press < presses; press++)
            {
                int n = m.WritePress(5000, 80000, t, l, 0);
                Assert.IsTrue(n >= 2 && n <= BounceModel.MaxEdgesPerPress, "count within bounds");
                Assert.IsFalse(l[0], "active-low: first edge goes low");
                Assert.AreEqual(5000u, t[0], "first edge at the start");
                for (int i = 1; i < n; i++)
                {
                    Assert.IsTrue(l[i] != l[i - 1], "levels alternate");
                    Assert.IsTrue(Ticks.Diff(t[i], t[i - 1]) >= 1, "times strictly increase");
                }

                Assert.IsTrue(l[n - 1], "ends released (high)");
                Assert.AreEqual(m.LastEndMicros, t[n - 1], "last edge is the end of the release bounce");
                Assert.IsTrue(m.LastPressBounceMicros <= 10000 && m.LastReleaseBounceMicros <= 10000, "bounce <= 10 ms");
            }
        }

        [TestMethod]
        public void MeanBounceIsAQuarterOfTheMaximum()
        {
            uint[] t = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l = new bool[BounceModel.MaxEdgesPerPress];
            BounceModel m = new BounceModel(1);
            long sum = 0;
            int presses = LoopCount.Pick(2000, 500); // 1000 draws on the device: the band is still 4.6 standard errors wide
            for (int press = 0; press < presses; press++)
            {
                m.WritePress(0, 100000, t, l, 0);
                sum += m.LastPressBounceMicros + m.LastReleaseBounceMicros;
            }

            long mean = sum / (2 * presses);
            Assert.IsTrue(mean > 1350 && mean < 1750, "mean bounce near Ganssle's 1.6 ms (6200 / 4 = 1550); was " + mean.ToString());
        }

        [TestMethod]
        public void ReopeningAndReclosingStayInPlace()
        {
            uint[] t = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l = new bool[BounceModel.MaxEdgesPerPress];
            BounceModel m = new BounceModel(5);
            m.PressReopenMicros = 30000;
            m.PressReopenProbability = 1.0;
            m.ReleaseRecloseMicros = 20000;
            m.ReleaseRecloseProbability = 1.0;
            int presses = LoopCount.Pick(50, 20);
            for (int press = 0; press < presses; press++)
            {
                int n = m.WritePress(1000, 200000, t, l, 0);
                Assert.IsTrue(m.LastPressReopenMicros >= 15000, "reopen length");
                Assert.IsTrue(m.LastReleaseRecloseMicros >= 10000, "reclose length");
                Assert.AreEqual(201000u, m.LastReleaseStartMicros, "release start");
                for (int i = 1; i < n; i++)
                {
                    Assert.IsTrue(l[i] != l[i - 1], "alternate");
                }

                Assert.IsTrue(l[n - 1], "ends released");
            }
        }

        [TestMethod]
        public void RejectsBadArgumentsAndKeepsOldValues()
        {
            BounceModel m = new BounceModel(3);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => m.MaxBounceMicros = -1, "negative bounce");
            Assert.AreEqual(6200, m.MaxBounceMicros, "default kept");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => m.GlitchProbability = 1.5, "probability > 1");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => m.MaxBounceCycles = 33, "too many cycles");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => m.WritePress(0, 1000, new uint[10], new bool[10], 0), "buffer too small");
        }

        [TestMethod]
        public void SmallSeedSweepQuietTimeCountsEveryPressOnce()
        {
            // The host suite runs 10,000+ presses (tests/NanoIrq.HostTests/Debounce); this is the device-sized version.
            uint[] t = new uint[BounceModel.MaxEdgesPerPress];
            bool[] l = new bool[BounceModel.MaxEdgesPerPress];
            // Hold times and gaps from a fixed arithmetic walk, not System.Random: nanoFramework ignores Random's seed.
            BounceModel m = new BounceModel(2024);
            m.MaxBounceMicros = 10000;
            m.GlitchProbability = 0.2;
            QuietTimeDebouncer q = new QuietTimeDebouncer(true);
            EdgeLog log = new EdgeLog();
            uint start = 0xFFF00000u; // crosses the 32-bit wrap on the way
            for (int press = 0; press < 200; press++)
            {
                log.Clear();
                int n = m.WritePress(start, 50000 + (press * 104729) % 500000, t, l, 0);
                EdgeLog.Drive(q, t, l, n, Ticks.Add(m.LastEndMicros, 100000), log);
                Assert.AreEqual(2, log.Count, "exactly one press and one release; press " + press.ToString());
                Assert.IsFalse(log[0].Level, "press first");
                Assert.IsTrue(log[1].Level, "then release");
                start = Ticks.Add(m.LastEndMicros, 50000 + (press * 7919 + 333) % 500000);
            }
        }
    }
}
