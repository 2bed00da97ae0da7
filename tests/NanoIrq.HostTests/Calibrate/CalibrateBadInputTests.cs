using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>Input calibrate cannot use: a clear message naming the option or the problem, and exit code 2.</summary>
    [TestClass]
    public class CalibrateBadInputTests
    {
        private static string Calibrate(string csv, out int rc, params string[] options)
        {
            string file = Path.Combine(Path.GetTempPath(), "nanoirq-bad-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(file, csv);
            try
            {
                string[] args = new string[options.Length + 2];
                args[0] = "calibrate";
                args[1] = file;
                Array.Copy(options, 0, args, 2, options.Length);
                rc = CalibrateCli.Run(out string stdout, out string stderr, args);
                Assert.AreEqual("", stdout, "nothing on stdout for bad input");
                return stderr;
            }
            finally
            {
                File.Delete(file);
            }
        }

        [TestMethod]
        public void EmptyCapture()
        {
            StringAssert.Contains(Calibrate("", out int rc), "empty CSV");
            Assert.AreEqual(2, rc);
            StringAssert.Contains(Calibrate("time_us,button\n", out rc), "header but no rows");
            Assert.AreEqual(2, rc);
        }

        [TestMethod]
        public void OneEdge()
        {
            string err = Calibrate("time_us,button\n0,1\n100000,0\n200000,0\n", out int rc, "--active-low");
            Assert.AreEqual(2, rc);
            StringAssert.Contains(err, "only one edge on signal 'button' (at 0.100 s)");
        }

        [TestMethod]
        public void NoEdgesOnTheSignal()
        {
            string err = Calibrate("time_us,button,led\n0,1,0\n1000000,1,1\n5000000,1,0\n", out int rc, "--signal", "button", "--active-low");
            Assert.AreEqual(2, rc);
            StringAssert.Contains(err, "no edges on signal 'button': it stays at 1 for the whole 5.000 s recording");
        }

        [TestMethod]
        public void PressesOutOfRange()
        {
            string csv = Clicks(3);
            foreach (string bad in new[] { "0", "-2", "10001", "many" })
            {
                string err = Calibrate(csv, out int rc, "--active-low", "--presses", bad);
                Assert.AreEqual(2, rc, bad);
                StringAssert.Contains(err, "--presses must be an integer in [1, 10000]", bad);
            }
        }

        [TestMethod]
        public void CaptureWithFewerPressesThanGiven()
        {
            // Three clean presses: only three press edges.
            string err = Calibrate(Clicks(3), out int rc, "--active-low", "--presses", "5");
            Assert.AreEqual(2, rc);
            StringAssert.Contains(err, "--presses 5: signal 'button' goes to the pressed level only 3 times");
            StringAssert.Contains(err, "--presses must be in [1, 3]");

            // Twelve bouncing presses: many press edges, but nothing that could be a thirteenth press.
            var g = GeneratedCapture.Random(new BounceModel(4), 4, 12, 80000, 300000, 150000, 500000);
            err = Calibrate(g.Csv(), out rc, "--active-low", "--presses", "13");
            Assert.AreEqual(2, rc, err);
            StringAssert.Contains(err, "--presses 13: the capture holds 12 presses");
        }

        [TestMethod]
        public void WrongPolarityOptionAndFile()
        {
            string err = Calibrate(Clicks(2), out int rc);
            Assert.AreEqual(2, rc, "active-low capture read as active-high starts pressed");
            StringAssert.Contains(err, "pass --active-low");

            err = Calibrate(Clicks(2), out rc, "--active-low", "--frobnicate");
            Assert.AreEqual(2, rc);
            StringAssert.Contains(err, "unknown option '--frobnicate'");

            Assert.AreEqual(2, CalibrateCli.Run(out _, out err, "calibrate"));
            StringAssert.Contains(err, "missing FILE");
            Assert.AreEqual(2, CalibrateCli.Run(out _, out err, "calibrate", "/nonexistent/capture.vcd"));
            StringAssert.Contains(err, "no such file");
            Assert.AreEqual(2, CalibrateCli.Run(out _, out err, "calibrate", "x.csv", "--presses"));
            StringAssert.Contains(err, "option '--presses' needs a value");
        }

        // n clean presses of 100 ms, 300 ms apart, active-low.
        private static string Clicks(int n)
        {
            var csv = "time_us,button\n0,1\n";
            for (int i = 0; i < n; i++)
            {
                long t = 200000 + i * 400000L;
                csv += t + ",0\n" + (t + 100000) + ",1\n";
            }

            return csv + (200000 + n * 400000L) + ",1\n";
        }
    }
}
