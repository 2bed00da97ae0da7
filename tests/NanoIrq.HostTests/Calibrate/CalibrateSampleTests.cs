using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>
    /// The README's calibrate session runs on docs/samples/worn-button.csv, a capture written by <see cref="BounceModel"/>;
    /// these tests keep the sample, its SVG (docs/samples/worn-button-calibrate.svg) and the session in the README equal to
    /// what the code produces. Set NANOIRQ_WRITE_SAMPLES=1 to rewrite the two sample files after a deliberate change.
    /// </summary>
    [TestClass]
    public class CalibrateSampleTests
    {
        private const string Sample = "docs/samples/worn-button.csv";
        private const string SampleSvg = "docs/samples/worn-button-calibrate.svg";
        private const string Command = "calibrate " + Sample + " --active-low --presses 10";

        /// <summary>Ten presses of a worn button: a double click (presses 3 and 4, 110 ms apart after the release settles) and a
        /// 1.2 s long press; the contact re-opens for up to 25 ms in 30 % of the holds and touches again for up to 15 ms
        /// after 20 % of the releases; Ganssle's bounce (6.2 ms at most).</summary>
        internal static GeneratedCapture WornButton()
        {
            var model = new BounceModel(16) { PressReopenMicros = 25000, PressReopenProbability = 0.3, ReleaseRecloseMicros = 15000, ReleaseRecloseProbability = 0.2 };
            int[] holds = { 180000, 220000, 90000, 95000, 300000, 1200000, 150000, 260000, 200000, 170000 };
            int[] gaps = { 0, 450000, 600000, 110000, 500000, 700000, 650000, 400000, 550000, 480000 };
            return GeneratedCapture.Write(model, holds, gaps);
        }

        [TestMethod]
        public void TheSampleIsTheBounceModelCapture()
        {
            string expected = "# A worn push button (active-low), written by NanoIrq's BounceModel: see\n" +
                "# tests/NanoIrq.HostTests/Calibrate/CalibrateSampleTests.cs (WornButton). 10 presses.\n" + WornButton().Csv();
            AssertFile(Sample, expected);
        }

        [TestMethod]
        public void TheSampleSvgIsWhatCalibrateDraws()
        {
            string svg = Path.Combine(Path.GetTempPath(), "nanoirq-sample-" + Guid.NewGuid().ToString("N") + ".svg");
            try
            {
                Assert.AreEqual(0, Run(out _, "--svg", svg));
                AssertFile(SampleSvg, File.ReadAllText(svg).Replace(CalibrateCli.RepoFile(Sample), Sample));
            }
            finally
            {
                File.Delete(svg);
            }
        }

        [TestMethod]
        public void TheReadmeShowsTheSessionAsItRuns()
        {
            Assert.AreEqual(0, Run(out string output));
            string[] readme = File.ReadAllText(CalibrateCli.RepoFile("README.md")).Replace("\r\n", "\n").Split('\n');
            int start = Array.FindIndex(readme, l => l == "$ dotnet run --project tools/nanoirq -- " + Command);
            Assert.IsTrue(start >= 0, "README has the session, starting with the command");
            int end = Array.FindIndex(readme, start, l => l.StartsWith("```", StringComparison.Ordinal));
            string shown = string.Join("\n", readme.Skip(start + 1).Take(end - start - 1));
            Assert.AreEqual(output.Replace("\r\n", "\n").TrimEnd('\n'), shown, "README session = the command's output");
        }

        private static int Run(out string output, params string[] more)
        {
            string file = CalibrateCli.RepoFile(Sample);
            string[] args = new[] { "calibrate", file, "--active-low", "--presses", "10" }.Concat(more).ToArray();
            int rc = CalibrateCli.Run(out output, out string err, args);
            output = output.Replace(file, Sample);
            Assert.AreEqual("", err);
            return rc;
        }

        private static void AssertFile(string relative, string expected)
        {
            string path = CalibrateCli.RepoFile(relative);
            if (Environment.GetEnvironmentVariable("NANOIRQ_WRITE_SAMPLES") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.IsTrue(File.Exists(path), relative + " exists");
            Assert.AreEqual(expected, File.ReadAllText(path).Replace("\r\n", "\n"), relative + " is what the code produces (NANOIRQ_WRITE_SAMPLES=1 rewrites it)");
        }
    }
}
