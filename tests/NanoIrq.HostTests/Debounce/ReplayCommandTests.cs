using System;
using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;

namespace NanoIrq.HostTests.Debounce
{
    /// <summary>End to end through NanoIrq.Cli.Program.Run("replay", ...), on the samples in docs/samples.</summary>
    [TestClass]
    public class ReplayCommandTests
    {
        private static string Sample(string name)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !Directory.Exists(Path.Combine(dir, "docs", "samples")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir, "docs", "samples", name);
        }

        private static int Run(out string stdout, out string stderr, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            string[] all = new string[args.Length + 1];
            all[0] = "replay";
            Array.Copy(args, 0, all, 1, args.Length);
            int rc = NanoIrq.Cli.Program.Run(all, o, e);
            stdout = o.ToString();
            stderr = e.ToString();
            return rc;
        }

        [TestMethod]
        public void JsonOfTheBouncyButtonSample()
        {
            int rc = Run(out string stdout, out string stderr, Sample("bouncy-button.vcd"), "--signal", "D0", "--active-low", "--json");
            Assert.AreEqual(0, rc, stderr);
            using (JsonDocument doc = JsonDocument.Parse(stdout))
            {
                JsonElement root = doc.RootElement;
                Assert.AreEqual("libsigrok.D0", root.GetProperty("signal").GetString());
                Assert.AreEqual(80, root.GetProperty("raw_edges").GetArrayLength(), "bouncy input");
                Assert.AreEqual(10, root.GetProperty("edges").GetArrayLength(), "5 presses x 2 debounced edges (the 30 us glitch is gone)");
                Assert.AreEqual(5, root.GetProperty("presses").GetArrayLength());
                Assert.AreEqual(5, root.GetProperty("releases").GetArrayLength());
                Assert.AreEqual(2, root.GetProperty("clicks").GetArrayLength(), "two single clicks");
                JsonElement multi = root.GetProperty("multi_clicks");
                Assert.AreEqual(1, multi.GetArrayLength());
                Assert.AreEqual(2, multi[0].GetProperty("count").GetInt32(), "one double click");
                JsonElement longs = root.GetProperty("long_presses");
                Assert.AreEqual(1, longs.GetArrayLength());
                long duration = longs[0].GetProperty("duration_us").GetInt64();
                Assert.IsTrue(duration > 1490000 && duration < 1510000, "held about 1.5 s, was " + duration);
            }
        }

        [TestMethod]
        public void LockoutOnTheOldSwitchCsvShowsPhantomPresses()
        {
            string csv = Sample("old-switch.csv");
            Assert.AreEqual(0, Run(out string quiet, out string e1, csv, "--active-low", "--json"), e1);
            Assert.AreEqual(0, Run(out string lockout, out string e2, csv, "--active-low", "--debounce", "lockout:20ms", "--json"), e2);
            Assert.AreEqual(0, Run(out string longQuiet, out string e3, csv, "--active-low", "--debounce", "quiet:200ms", "--json"), e3);
            int Presses(string json)
            {
                using (JsonDocument d = JsonDocument.Parse(json))
                {
                    return d.RootElement.GetProperty("presses").GetArrayLength();
                }
            }

            Assert.AreEqual(1, Presses(longQuiet), "quiet 200 ms sees the one real press");
            Assert.IsTrue(Presses(lockout) > 1, "lockout 20 ms turns the 150 ms release chatter into extra presses: " + Presses(lockout));
            Console.WriteLine("old-switch.csv presses: quiet 20 ms " + Presses(quiet) + ", lockout 20 ms " + Presses(lockout) + ", quiet 200 ms " + Presses(longQuiet));
        }

        [TestMethod]
        public void TextOutputAndVcdExportReadBack()
        {
            string outVcd = Path.Combine(Path.GetTempPath(), "nanoirq-replay-" + Guid.NewGuid().ToString("N") + ".vcd");
            try
            {
                int rc = Run(out string stdout, out string stderr, Sample("bouncy-button.vcd"), "--signal", "D0", "--active-low", "--vcd", outVcd);
                Assert.AreEqual(0, rc, stderr);
                StringAssert.Contains(stdout, "summary: 5 presses, 5 releases, 2 clicks, 1 multi-clicks, 1 long presses (80 raw edges -> 10 debounced)");
                Waveform raw = VcdReader.ReadFile(outVcd, "raw");
                Waveform input = VcdReader.ReadFile(Sample("bouncy-button.vcd"), "D0");
                Assert.AreEqual(input.Count, raw.Count, "raw round trip");
                for (int i = 0; i < raw.Count; i++)
                {
                    Assert.AreEqual(input.TimeNanos(i), raw.TimeNanos(i));
                    Assert.AreEqual(input.Level(i), raw.Level(i));
                }

                Assert.AreEqual(10, VcdReader.ReadFile(outVcd, "debounced").Count);
                Assert.AreEqual(2, VcdReader.ReadFile(outVcd, "long_press").Count, "long press high then low");
                Assert.AreEqual(4, VcdReader.ReadFile(outVcd, "click").Count, "two click pulses");
            }
            finally
            {
                File.Delete(outVcd);
            }
        }

        [TestMethod]
        public void ErrorsNameTheOptionOrLineAndExitNonZero()
        {
            Assert.AreEqual(2, Run(out _, out string e1, Sample("bouncy-button.vcd"), "--frobnicate"));
            StringAssert.Contains(e1, "unknown option '--frobnicate'");
            Assert.AreEqual(2, Run(out _, out string e2, Sample("bouncy-button.vcd"), "--debounce", "wobble:5ms"));
            StringAssert.Contains(e2, "unknown mode 'wobble'");
            Assert.AreEqual(2, Run(out _, out string e3, Sample("bouncy-button.vcd"), "--debounce", "quiet:fast"));
            StringAssert.Contains(e3, "--debounce: 'fast' is not a time");
            Assert.AreEqual(1, Run(out _, out string e4, Sample("bouncy-button.vcd"), "--signal", "D7"));
            StringAssert.Contains(e4, "unknown signal 'D7'; the file declares: libsigrok.D0, libsigrok.D1");
            Assert.AreEqual(2, Run(out _, out string e5));
            StringAssert.Contains(e5, "missing FILE");

            string bad = Path.Combine(Path.GetTempPath(), "nanoirq-bad-" + Guid.NewGuid().ToString("N") + ".vcd");
            try
            {
                File.WriteAllText(bad, "$timescale 1 us $end\n$var wire 1 ! b $end\n$enddefinitions $end\n#10 1!\n#4 0!\n");
                Assert.AreEqual(1, Run(out _, out string e6, bad, "--signal", "b"));
                StringAssert.Contains(e6, "line 5: time #4 is earlier than the previous #10");
            }
            finally
            {
                File.Delete(bad);
            }
        }
    }
}
