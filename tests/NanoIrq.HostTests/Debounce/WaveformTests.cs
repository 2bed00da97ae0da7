using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Debounce
{
    [TestClass]
    public class WaveformTests
    {
        private static Waveform Vcd(string text, string signal)
        {
            return VcdReader.Read(new StringReader(text), signal);
        }

        private static WaveformFormatException Bad(string text, string signal)
        {
            try
            {
                Vcd(text, signal);
            }
            catch (WaveformFormatException e)
            {
                return e;
            }

            Assert.Fail("expected a WaveformFormatException");
            return null;
        }

        private const string TwoSignals =
            "$date today $end\n$version test $end\n$timescale 10 ns $end\n" +
            "$scope module top $end\n$var wire 1 ! btn $end\n$scope module sub $end\n$var reg 4 %$ bus [3:0] $end\n$upscope $end\n$upscope $end\n" +
            "$enddefinitions $end\n#0\n$dumpvars\n1!\nb0000 %$\n$end\n#100\n0!\n#150 b0100 %$\n#200\n1!\nx!\n#300 0! b0 %$\n";

        [TestMethod]
        public void ReadsScalarAndVectorSignalsByFullOrShortName()
        {
            Waveform btn = Vcd(TwoSignals, "btn");
            Assert.AreEqual("top.btn", btn.Name);
            Assert.IsTrue(btn.InitialLevel);
            Assert.AreEqual(3, btn.Count, "x carries no level");
            Assert.AreEqual(1000L, btn.TimeNanos(0), "#100 at 10 ns = 1000 ns");
            Assert.IsFalse(btn.Level(0));
            Assert.AreEqual(3000L, btn.TimeNanos(2));
            Assert.AreEqual(3000L, btn.EndNanos);

            Waveform bus = Vcd(TwoSignals, "top.sub.bus");
            Assert.IsFalse(bus.InitialLevel);
            Assert.AreEqual(2, bus.Count, "high while any bit is 1");
            Assert.AreEqual(1500L, bus.TimeNanos(0));
        }

        [TestMethod]
        [DataRow("1 s", 1000000000L)]
        [DataRow("100ms", 100000000L)]
        [DataRow("10 us", 10000L)]
        [DataRow("1ns", 1L)]
        [DataRow("100 ps", 0L)]
        [DataRow("1 fs", 0L)]
        public void TimescalesConvertToNanoseconds(string scale, long nanosPerUnit)
        {
            string text = "$timescale " + scale + " $end\n$scope module m $end\n$var wire 1 # sig $end\n$upscope $end\n$enddefinitions $end\n#0 0#\n#5 1#\n#20000 0#\n";
            Waveform w = Vcd(text, "sig");
            Assert.AreEqual(5 * nanosPerUnit, w.TimeNanos(0));
            long expected = scale == "100 ps" ? 2000L : (scale == "1 fs" ? 0L : 20000 * nanosPerUnit);
            Assert.AreEqual(expected, w.TimeNanos(1), "#20000 in " + scale);
        }

        [TestMethod]
        public void TimescaleSplitOverLinesAndMultiCharacterIdentifiers()
        {
            string text = "$timescale\n  1\n  us\n$end\n$var wire 1 a%Z~ key $end\n$enddefinitions $end\n#0\n1a%Z~\n#7\n0a%Z~\n";
            Waveform w = Vcd(text, null);
            Assert.AreEqual("key", w.Name, "the only signal is chosen without --signal");
            Assert.AreEqual(7000L, w.TimeNanos(0));
        }

        [TestMethod]
        public void MalformedFilesNameTheLine()
        {
            StringAssert.Contains(Bad("time_us,button\n0,1\n", "x").Message, "line 1: not a VCD file");
            StringAssert.Contains(Bad("$timescale 1 us $end\n$var wire 1 ! b $end\n", "b").Message, "line 2: not a VCD file");
            StringAssert.Contains(Bad("$timescale 3 us $end\n$var wire 1 ! b $end\n$enddefinitions $end\n", "b").Message, "line 1: unknown $timescale");
            StringAssert.Contains(Bad("$var wire 1 ! b $end\n$enddefinitions $end\n#10\n1!\n#5\n0!\n", "b").Message, "line 5: time #5 is earlier than the previous #10");
            StringAssert.Contains(Bad("$var wire 1 ! b $end\n$enddefinitions $end\n#-3\n1!\n", "b").Message, "line 3: negative time");
            StringAssert.Contains(Bad("$var wire 1 ! b $end\n$enddefinitions $end\n#0\n1?\n", "b").Message, "line 4: value change for identifier code '?'");
            StringAssert.Contains(Bad("$var wire 1 ! b $end\n$enddefinitions $end\n#0\nhello\n", "b").Message, "line 4: unexpected 'hello'");
            StringAssert.Contains(Bad("$comment never closed\n", "b").Message, "line 1: $comment section is not closed");
            WaveformFormatException unknown = Bad(TwoSignals, "led");
            StringAssert.Contains(unknown.Message, "unknown signal 'led'; the file declares: top.btn, top.sub.bus");
            Assert.AreEqual(0, unknown.LineNumber);
        }

        [TestMethod]
        public void WrittenVcdReadsBackToTheSameEdges()
        {
            var model = new BounceModel(11) { MaxBounceMicros = 10000, GlitchProbability = 0.5 };
            var t = new uint[BounceModel.MaxEdgesPerPress];
            var l = new bool[BounceModel.MaxEdgesPerPress];
            var times = new System.Collections.Generic.List<long>();
            var levels = new System.Collections.Generic.List<bool>();
            uint start = 1000;
            for (int p = 0; p < 50; p++)
            {
                int n = model.WritePress(start, 100000, t, l, 0);
                for (int i = 0; i < n; i++)
                {
                    times.Add(t[i]);
                    levels.Add(l[i]);
                }

                start = Ticks.Add(model.LastEndMicros, 300000);
            }

            var writer = new VcdWriter("bench");
            writer.AddSignal("raw", true, times.ToArray(), levels.ToArray());
            writer.AddSignal("other", false, new long[] { 5, 5000 }, new bool[] { true, false });
            var text = new StringWriter();
            writer.Write(text, "round trip");
            Waveform back = Vcd(text.ToString(), "raw");
            Assert.AreEqual("bench.raw", back.Name);
            Assert.IsTrue(back.InitialLevel);
            Assert.AreEqual(times.Count, back.Count);
            EdgeRecord[] edges = back.ToEdges(4);
            for (int i = 0; i < times.Count; i++)
            {
                Assert.AreEqual((uint)times[i], edges[i].TimeMicros, "edge " + i);
                Assert.AreEqual(levels[i], edges[i].Level, "edge " + i);
                Assert.AreEqual((uint)(i + 1), edges[i].Sequence);
            }

            Waveform other = Vcd(text.ToString(), "other");
            Assert.AreEqual(2, other.Count);
            Assert.AreEqual(5000L, other.TimeNanos(0), "5 us");
        }

        [TestMethod]
        public void CsvReadsUnitsColumnsAndRejectsBadRows()
        {
            string csv = "# comment\n; sigrok-style comment\ntime_s,led,button\n0,0,1\n0.0015,0,0\n0.0015,1,0\n0.002,1,high\n";
            Waveform w = CsvWaveformReader.Read(new StringReader(csv), "button");
            Assert.IsTrue(w.InitialLevel);
            Assert.AreEqual(2, w.Count, "repeated levels make no edge");
            Assert.AreEqual(1500000L, w.TimeNanos(0), "0.0015 s");
            Assert.AreEqual(2000000L, w.TimeNanos(1));

            Func<string, string> bad = text =>
            {
                try
                {
                    CsvWaveformReader.Read(new StringReader(text), "b");
                }
                catch (WaveformFormatException e)
                {
                    return e.Message;
                }

                return "no error";
            };
            StringAssert.Contains(bad("stamp,b\n0,1\n"), "line 1: the first column must be time_s");
            StringAssert.Contains(bad("time_us,b\n0,1\n10,0\n5,1\n"), "line 4: time 5 is earlier");
            StringAssert.Contains(bad("time_us,b\n-1,1\n"), "line 2: negative time");
            StringAssert.Contains(bad("time_us,b\n0,maybe\n"), "line 2: level 'maybe'");
            StringAssert.Contains(bad("time_us,b\n0,1,1\n"), "line 2: expected 2 columns");
            StringAssert.Contains(bad("time_us,a\n0,1\n"), "unknown signal 'b'; the CSV has: a");
        }
    }
}
