using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Calibrate
{
    /// <summary>
    /// <c>nanoirq calibrate</c> end to end on captures written by <see cref="BounceModel"/> with known presses: the
    /// recommended setting, replayed with <c>nanoirq replay</c>, reports every press once, inside the press the model wrote.
    /// </summary>
    [TestClass]
    public class CalibrateCommandTests
    {
        /// <summary>Switches whose presses are separable: every press, release and gap is well over 1.5 times the switch's noise.</summary>
        /// <summary>Switches whose presses are separable: every press, release and gap is well over 1.5 times the switch's
        /// noise. Inferred: whether the count is also found without --presses (not when the bounce itself holds stretches as
        /// long as a press, as the 157 ms chatter does).</summary>
        private static readonly (string Name, Action<BounceModel> Set, int MinHold, int MaxHold, int MinGap, int MaxGap, bool Inferred)[] Separable =
        {
            ("Ganssle default", m => { }, 60000, 400000, 100000, 600000, true),
            ("10 ms bounce and glitches", m => { m.MaxBounceMicros = 10000; m.MaxBounceCycles = 32; m.GlitchProbability = 0.2; }, 80000, 400000, 100000, 600000, true),
            ("re-opens up to 30 ms", m => { m.PressReopenMicros = 30000; m.PressReopenProbability = 0.5; }, 150000, 500000, 150000, 600000, true),
            ("re-closes up to 25 ms", m => { m.ReleaseRecloseMicros = 25000; m.ReleaseRecloseProbability = 0.5; }, 80000, 400000, 150000, 600000, true),
            ("both, 20 ms", m => { m.PressReopenMicros = 20000; m.PressReopenProbability = 0.4; m.ReleaseRecloseMicros = 20000; m.ReleaseRecloseProbability = 0.4; }, 120000, 500000, 150000, 600000, true),
            ("157 ms outlier", m => { m.LongBounceProbability = 0.1; m.MaxBounceCycles = 4; }, 700000, 900000, 700000, 1000000, false),
            ("fast clicks, clean switch", m => { m.MaxBounceMicros = 2000; }, 40000, 80000, 40000, 80000, true),
        };

        [TestMethod]
        public void EverySeparableCaptureGetsASettingThatReplaysEachPressOnce()
        {
            foreach (var s in Separable)
            {
                for (int seed = 1; seed <= 2; seed++)
                {
                    var model = new BounceModel(seed * 31 + s.Name.Length);
                    s.Set(model);
                    GeneratedCapture g = GeneratedCapture.Random(model, seed, 12, s.MinHold, s.MaxHold, s.MinGap, s.MaxGap);
                    string file = g.SaveTemp();
                    try
                    {
                        string what = s.Name + ", seed " + seed;
                        int rc = CalibrateCli.Run(out string json, out string err, "calibrate", file, "--active-low", "--presses", "12", "--json");
                        Assert.AreEqual(0, rc, what + ": " + err + json);
                        using (JsonDocument doc = JsonDocument.Parse(json))
                        {
                            JsonElement rec = doc.RootElement.GetProperty("recommended");
                            string debounce = rec.GetProperty("debounce").GetString();
                            string glitch = rec.TryGetProperty("glitch", out JsonElement gl) ? gl.GetString() : null;
                            Assert.IsTrue(rec.GetProperty("robust").GetBoolean(), what + ": the recommended setting keeps a 1.5x margin");
                            AssertReplaysTruth(g, file, debounce, glitch, what + " with " + debounce);
                        }

                        // Without --presses the count is inferred and said how.
                        if (s.Inferred)
                        {
                            rc = CalibrateCli.Run(out string text, out err, "calibrate", file, "--active-low");
                            Assert.AreEqual(0, rc, what + ": " + err);
                            StringAssert.Contains(text, "reading: 12 presses, inferred", what);
                        }
                    }
                    finally
                    {
                        File.Delete(file);
                    }
                }
            }
        }

        [TestMethod]
        public void NoSettingWorksWhenADoubleClickIsShorterThanTheReopenings()
        {
            GeneratedCapture g = DoubleClickOnAWornSwitch(out int first);
            string file = g.SaveTemp();
            try
            {
                int rc = CalibrateCli.Run(out string text, out string err, "calibrate", file, "--active-low", "--presses", "12");
                Assert.AreEqual(1, rc, "exit 1: no setting counts exactly; " + err);
                StringAssert.Contains(text, "no setting counts 12 presses");
                StringAssert.Contains(text, "two presses at " + Seconds(g.PressStarts[first]) + " and " + Seconds(g.PressStarts[first + 1]), "the double click is named with its times");
                Assert.IsFalse(text.Contains("recommended:"), "nothing is recommended");

                rc = CalibrateCli.Run(out string json, out err, "calibrate", file, "--active-low", "--presses", "12", "--json");
                Assert.AreEqual(1, rc, err);
                using (JsonDocument doc = JsonDocument.Parse(json))
                {
                    JsonElement root = doc.RootElement;
                    Assert.IsFalse(root.GetProperty("found").GetBoolean());
                    Assert.AreEqual(JsonValueKind.Null, root.GetProperty("recommended").ValueKind);
                    JsonElement problem = root.GetProperty("unseparable");
                    Assert.AreEqual(11, problem.GetProperty("clear_presses").GetInt32(), "11 presses stand out: the double click reads as one");
                    bool named = problem.GetProperty("candidates").EnumerateArray().Any(k =>
                        k.GetProperty("press_times_us").EnumerateArray().Select(x => x.GetInt64()).SequenceEqual(new[] { g.PressStarts[first], g.PressStarts[first + 1] }));
                    Assert.IsTrue(named, "a candidate separates exactly the two presses of the double click");
                    foreach (JsonElement k in problem.GetProperty("candidates").EnumerateArray())
                    {
                        Assert.IsTrue(k.GetProperty("length_us").GetInt64() <= g.LongestReopen, "every candidate is no longer than the switch's re-openings");
                    }
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        [TestMethod]
        public void JsonRoundTripsThroughReplayForEverySettingItLists()
        {
            var model = new BounceModel(77) { PressReopenMicros = 25000, PressReopenProbability = 0.5 };
            GeneratedCapture g = GeneratedCapture.Random(model, 77, 8, 120000, 400000, 150000, 500000);
            string file = g.SaveTemp();
            try
            {
                Assert.AreEqual(0, CalibrateCli.Run(out string json, out string err, "calibrate", file, "--active-low", "--presses", "8", "--json"), err);
                using (JsonDocument doc = JsonDocument.Parse(json))
                {
                    JsonElement root = doc.RootElement;
                    Assert.AreEqual(8, root.GetProperty("presses").GetInt32());
                    Assert.AreEqual(8, root.GetProperty("press_list").GetArrayLength());
                    JsonElement rec = root.GetProperty("recommended");
                    StringAssert.Contains(rec.GetProperty("replay").GetString(), "--debounce " + rec.GetProperty("debounce").GetString());
                    int settings = 0;
                    foreach (JsonElement s in root.GetProperty("settings").EnumerateArray())
                    {
                        string glitch = s.TryGetProperty("glitch", out JsonElement gl) ? gl.GetString() : null;
                        Assert.AreEqual(s.GetProperty("glitch_us").GetInt32() > 0, glitch != null, "glitch is present exactly when there is one");
                        using (JsonDocument replay = CalibrateCli.Replay(file, s.GetProperty("debounce").GetString(), glitch))
                        {
                            Assert.AreEqual(8, replay.RootElement.GetProperty("presses").GetArrayLength(), s.GetProperty("debounce").GetString());
                            Assert.AreEqual(s.GetProperty("press_window_us").GetInt32(), replay.RootElement.GetProperty("debounce").GetProperty("press_window_us").GetInt32());
                        }

                        settings++;
                    }

                    Assert.IsTrue(settings > 1);
                    Assert.AreEqual(settings, root.GetProperty("settings").GetArrayLength());

                    // The press times calibrate measured are the replay's raw press edges.
                    using (JsonDocument replay = CalibrateCli.Replay(file, rec.GetProperty("debounce").GetString(), rec.TryGetProperty("glitch", out JsonElement g2) ? g2.GetString() : null))
                    {
                        var raw = replay.RootElement.GetProperty("raw_edges").EnumerateArray().Select(e => e.GetProperty("time_us").GetInt64()).ToHashSet();
                        foreach (JsonElement p in root.GetProperty("press_list").EnumerateArray())
                        {
                            Assert.IsTrue(raw.Contains(p.GetProperty("press_us").GetInt64()));
                        }
                    }
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        [TestMethod]
        public void TextEndsWithTheCSharpToPasteAndTheReplayArgument()
        {
            var model = new BounceModel(3) { PressReopenMicros = 30000, PressReopenProbability = 0.5 };
            GeneratedCapture g = GeneratedCapture.Random(model, 3, 10, 150000, 400000, 150000, 500000);
            string file = g.SaveTemp();
            try
            {
                Assert.AreEqual(0, CalibrateCli.Run(out string text, out string err, "calibrate", file, "--active-low", "--presses", "10"), err);
                string[] lines = text.Split('\n');
                string rec = lines.First(l => l.StartsWith("recommended: ", StringComparison.Ordinal)).Substring("recommended: ".Length).Trim();
                StringAssert.Contains(text, "IrqOptions options = new IrqOptions();");
                StringAssert.Contains(text, "options.Filter = new ");
                string replayLine = lines.First(l => l.TrimStart().StartsWith("replay: ", StringComparison.Ordinal));
                StringAssert.Contains(replayLine, "--debounce " + rec.Split('+').Last(), "the replay line carries the recommended setting");
                Assert.AreEqual(10, lines.Count(l => l.Length > 6 && char.IsDigit(l.TrimStart()[0]) && l.Contains(" s  ")), "one row per press");
                StringAssert.Contains(text, "re-openings inside presses:");
            }
            finally
            {
                File.Delete(file);
            }
        }

        // 12 presses on a switch that re-opens for 20 to 40 ms in 60 % of its presses; presses 6 and 7 are a double click
        // 20 ms apart (release settled to next press), so the gap is as short as the re-openings.
        internal static GeneratedCapture DoubleClickOnAWornSwitch(out int first)
        {
            var model = new BounceModel(3) { PressReopenMicros = 40000, PressReopenProbability = 0.6 };
            var rng = new Random(3);
            var holds = new int[12];
            var gaps = new int[12];
            for (int i = 0; i < 12; i++)
            {
                holds[i] = 80000 + rng.Next(300000);
                gaps[i] = 200000 + rng.Next(400000);
            }

            first = 5;
            holds[5] = 90000;
            holds[6] = 90000;
            gaps[6] = 20000;
            return GeneratedCapture.Write(model, holds, gaps);
        }

        internal static string Seconds(long micros) => (micros / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " s";

        // Replays the capture with the setting and checks one press and one release per written press, each inside its press.
        private static void AssertReplaysTruth(GeneratedCapture g, string file, string debounce, string glitch, string what)
        {
            using (JsonDocument replay = CalibrateCli.Replay(file, debounce, glitch))
            {
                List<long> presses = replay.RootElement.GetProperty("presses").EnumerateArray().Select(p => p.GetProperty("time_us").GetInt64()).ToList();
                List<long> releases = replay.RootElement.GetProperty("releases").EnumerateArray().Select(p => p.GetProperty("time_us").GetInt64()).ToList();
                Assert.AreEqual(g.Presses, presses.Count, what + ": presses");
                Assert.AreEqual(g.Presses, releases.Count, what + ": releases");
                for (int i = 0; i < g.Presses; i++)
                {
                    long next = i + 1 < g.Presses ? g.PressStarts[i + 1] : long.MaxValue;
                    Assert.IsTrue(presses[i] >= g.PressStarts[i] && presses[i] < next, what + ": press " + (i + 1) + " at " + presses[i]);
                    Assert.IsTrue(releases[i] >= g.ReleaseStarts[i] && releases[i] < next, what + ": release " + (i + 1) + " at " + releases[i]);
                }
            }
        }
    }
}
