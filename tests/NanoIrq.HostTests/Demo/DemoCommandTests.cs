using System;
using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Demo
{
    /// <summary>
    /// End to end through <c>NanoIrq.Cli.Program.Run</c>: the ButtonCounter demo on the simulated board, through the
    /// real pipeline (SimulatedEdgeSource, IrqDispatcher, Irq with the debounce + gesture filter, ButtonCounterApp).
    /// </summary>
    [TestClass]
    public class DemoCommandTests
    {
        private static readonly string[] RequiredFields =
        {
            "presses_simulated", "presses_counted", "raw_edges", "filtered", "debounced_edges", "dropped", "faults",
            "final_count", "resets", "blink_outs", "led_on", "ok",
        };

        private static int Run(out string stdout, out string stderr, params string[] args)
        {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int rc = NanoIrq.Cli.Program.Run(args, o, e);
            stdout = o.ToString();
            stderr = e.ToString();
            return rc;
        }

        private static JsonElement RunJson(params string[] args)
        {
            int rc = Run(out string stdout, out string stderr, args);
            Assert.AreEqual(0, rc, "exit code; stderr: " + stderr + " stdout: " + stdout);
            Assert.AreEqual(string.Empty, stderr);
            using (JsonDocument doc = JsonDocument.Parse(stdout)) // throws if anything but one JSON value is on stdout
            {
                JsonElement root = doc.RootElement.Clone();
                foreach (string field in RequiredFields)
                {
                    Assert.IsTrue(root.TryGetProperty(field, out _), "field " + field + " in " + stdout);
                }

                return root;
            }
        }

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

        private static int I(JsonElement root, string name)
        {
            return root.GetProperty(name).GetInt32();
        }

        // Every raw edge ends in exactly one of the Irq's counters once the run is idle.
        private static void AssertAccounting(JsonElement r)
        {
            Assert.AreEqual(I(r, "raw_edges"), I(r, "filtered") + I(r, "debounced_edges") + I(r, "dropped"), "raw = filtered + debounced + dropped");
            Assert.AreEqual(2 * I(r, "presses_counted"), I(r, "debounced_edges"), "one debounced press and one release per counted press");
        }

        [TestMethod]
        public void DefaultScenarioCountsEveryPressAndReportsThePipelineCounters()
        {
            JsonElement r = RunJson("demo", "--json");
            Assert.AreEqual(10, I(r, "presses_simulated"));
            Assert.AreEqual(10, I(r, "presses_counted"));
            Assert.AreEqual(I(r, "expected_final_count"), I(r, "final_count"));
            Assert.AreEqual(2, I(r, "final_count"));
            Assert.AreEqual(1, I(r, "resets"));
            Assert.AreEqual(1, I(r, "blink_outs"));
            Assert.IsFalse(r.GetProperty("led_on").GetBoolean());
            Assert.AreEqual(0, I(r, "dropped"));
            Assert.AreEqual(0, I(r, "faults"));
            Assert.IsTrue(I(r, "raw_edges") > 3 * I(r, "presses_simulated"), "the presses bounce: raw edges " + I(r, "raw_edges"));
            Assert.IsTrue(r.GetProperty("ok").GetBoolean());
            AssertAccounting(r);
        }

        [TestMethod]
        public void NoVerbRunsTheDemoAndExitsZero()
        {
            int rc = Run(out string stdout, out string stderr);
            Assert.AreEqual(0, rc, stderr);
            StringAssert.Contains(stdout, "presses simulated 10, counted 10");
            StringAssert.Contains(stdout, "result: OK");
        }

        [TestMethod]
        public void DebounceFromCalibrateRunsTheDemoAndBadOnesAreRefused()
        {
            // the setting calibrate recommends for docs/samples/worn-button.csv, and a lockout behind a glitch filter
            int rc = Run(out string stdout, out string stderr, "demo", "--fast", "--debounce", "quiet:12.5ms/45.8ms");
            Assert.AreEqual(0, rc, stderr);
            StringAssert.Contains(stdout, "debounce quiet:12.5ms/45.8ms");
            StringAssert.Contains(stdout, "result: OK");
            JsonElement r = RunJson("demo", "--json", "--debounce", "lockout:20ms", "--glitch", "1ms", "--seed", "3");
            Assert.AreEqual(I(r, "presses_simulated"), I(r, "presses_counted"), "lockout behind a 1 ms glitch filter counts the tour");

            Assert.AreEqual(2, Run(out _, out stderr, "demo", "--debounce", "none"));
            StringAssert.Contains(stderr, "--debounce none");
            Assert.AreEqual(2, Run(out _, out stderr, "demo", "--debounce", "quiet:0ms"));
            StringAssert.Contains(stderr, "--debounce");
            Assert.AreEqual(2, Run(out _, out stderr, "demo", "--debounce", "wobble:5ms"));
            StringAssert.Contains(stderr, "unknown mode 'wobble'");
            Assert.AreEqual(2, Run(out _, out stderr, "demo", "--glitch", "soon"));
            StringAssert.Contains(stderr, "--glitch");
        }

        [TestMethod]
        public void SeedSweepCountsEveryPress()
        {
            for (int seed = 0; seed < 20; seed++)
            {
                string s = seed.ToString();
                JsonElement tour = RunJson("demo", "--json", "--seed", s);
                Assert.AreEqual(I(tour, "presses_simulated"), I(tour, "presses_counted"), "tour, seed " + s);
                Assert.IsTrue(tour.GetProperty("ok").GetBoolean(), "tour, seed " + s);

                JsonElement random = RunJson("demo", "--json", "--seed", s, "--presses", "25");
                Assert.AreEqual(25, I(random, "presses_simulated"), "random, seed " + s);
                Assert.AreEqual(25, I(random, "presses_counted"), "random, seed " + s);
                Assert.AreEqual(I(random, "expected_final_count"), I(random, "final_count"), "random, seed " + s);
                Assert.AreEqual(0, I(random, "dropped"), "random, seed " + s);
                Assert.AreEqual(0, I(random, "faults"), "random, seed " + s);
                AssertAccounting(random);
            }
        }

        [TestMethod]
        public void EveryBoardRunsTheDefaultScenario()
        {
            foreach (string board in NanoIrq.Boards.BoardCatalog.Names)
            {
                JsonElement r = RunJson("demo", "--json", "--board", board);
                Assert.AreEqual(board, r.GetProperty("board").GetString());
                Assert.AreEqual(10, I(r, "presses_counted"), board);
            }
        }

        [TestMethod]
        public void ReplayOfTheBouncyButtonSampleAgreesWithTheReplayVerb()
        {
            string file = Sample("bouncy-button.vcd");
            JsonElement r = RunJson("demo", "--json", "--replay", file, "--signal", "D0");
            Assert.AreEqual("replay", r.GetProperty("source").GetString());
            Assert.AreEqual(JsonValueKind.Null, r.GetProperty("presses_simulated").ValueKind);
            Assert.AreEqual(VcdReader.ReadFile(file, "D0").Count, I(r, "raw_edges"), "every recorded edge reaches the Irq");

            // The replay verb runs the same recording through the filters alone (no dispatcher): same presses.
            int rc = Run(out string replayOut, out string replayErr, "replay", file, "--signal", "D0", "--active-low", "--json");
            Assert.AreEqual(0, rc, replayErr);
            using (JsonDocument replay = JsonDocument.Parse(replayOut))
            {
                Assert.AreEqual(replay.RootElement.GetProperty("presses").GetArrayLength(), I(r, "presses_counted"));
                Assert.AreEqual(replay.RootElement.GetProperty("edges").GetArrayLength(), I(r, "debounced_edges"));
                Assert.AreEqual(replay.RootElement.GetProperty("long_presses").GetArrayLength(), I(r, "resets"));
            }

            Assert.AreEqual(5, I(r, "presses_counted"));
            Assert.AreEqual(1, I(r, "resets"));
            Assert.AreEqual(1, I(r, "blink_outs"));
            AssertAccounting(r);
        }

        [TestMethod]
        public void ReplayOfACsvRecording()
        {
            JsonElement r = RunJson("demo", "--json", "--replay", Sample("old-switch.csv"));
            Assert.IsTrue(I(r, "presses_counted") >= 1);
            Assert.IsTrue(I(r, "raw_edges") > I(r, "debounced_edges"));
            AssertAccounting(r);
        }

        [TestMethod]
        public void ActiveHighReplayInvertsTheRecording()
        {
            // The sample's button is active-low: read as active-high, its idle level is "pressed", so the first
            // press is the sample's first release. The pipeline still counts every press it sees.
            string file = Sample("bouncy-button.vcd");
            JsonElement r = RunJson("demo", "--json", "--replay", file, "--signal", "D0", "--active-high");
            Assert.AreEqual(VcdReader.ReadFile(file, "D0").Count, I(r, "raw_edges"));
            AssertAccountingForRaw(r);
        }

        private static void AssertAccountingForRaw(JsonElement r)
        {
            Assert.AreEqual(I(r, "raw_edges"), I(r, "filtered") + I(r, "debounced_edges") + I(r, "dropped"));
        }

        [TestMethod]
        public void VcdExportReadsBackWithTheSameEdges()
        {
            string path = Path.Combine(Path.GetTempPath(), "nanoirq-demo-" + Guid.NewGuid().ToString("N") + ".vcd");
            try
            {
                JsonElement r = RunJson("demo", "--json", "--seed", "3", "--vcd", path);
                Waveform button = VcdReader.ReadFile(path, "button");
                Waveform debounced = VcdReader.ReadFile(path, "debounced");
                Waveform led = VcdReader.ReadFile(path, "led");
                Assert.AreEqual(I(r, "raw_edges"), button.Count, "button = the raw line");
                Assert.AreEqual(I(r, "debounced_edges"), debounced.Count, "debounced = the Irq handler's edges");
                Assert.IsTrue(button.InitialLevel && debounced.InitialLevel, "released (high) at start");
                Assert.IsFalse(led.InitialLevel);
                Assert.AreEqual(r.GetProperty("led_on").GetBoolean(), led.Count == 0 ? led.InitialLevel : led.Level(led.Count - 1), "LED's last level");

                // Each debounced edge follows a raw edge to the same level by at least the 20 ms quiet time.
                for (int i = 0; i < debounced.Count; i++)
                {
                    long t = debounced.TimeNanos(i);
                    long lastRaw = -1;
                    for (int j = 0; j < button.Count && button.TimeNanos(j) <= t; j++)
                    {
                        lastRaw = j;
                    }

                    Assert.IsTrue(lastRaw >= 0, "debounced edge " + i + " has a raw edge before it");
                    Assert.AreEqual(button.Level((int)lastRaw), debounced.Level(i), "debounced edge " + i + " follows the line");
                    Assert.IsTrue(t - button.TimeNanos((int)lastRaw) >= 20000000L, "debounced edge " + i + " waits out the quiet time");
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void BadOptionsAndBoardsExitTwoWithAClearError()
        {
            Assert.AreEqual(2, Run(out string o1, out string e1, "demo", "--frobnicate"));
            StringAssert.Contains(e1, "unknown option '--frobnicate'");
            Assert.AreEqual(string.Empty, o1);

            Assert.AreEqual(2, Run(out string o2, out string e2, "demo", "--board", "arduino-uno", "--json"));
            StringAssert.Contains(e2, "unknown board 'arduino-uno'");
            StringAssert.Contains(e2, "esp32-devkitc");
            Assert.AreEqual(string.Empty, o2);

            Assert.AreEqual(2, Run(out _, out string e3, "demo", "--presses", "0"));
            StringAssert.Contains(e3, "--presses");

            Assert.AreEqual(2, Run(out _, out string e4, "demo", "--replay", "/nonexistent/file.vcd"));
            StringAssert.Contains(e4, "does not exist");

            Assert.AreEqual(2, Run(out _, out string e5, "demo", "--seed"));
            StringAssert.Contains(e5, "needs a value");

            Assert.AreEqual(2, Run(out _, out _, "frobnicate"));

            // A recording with two signals and no --signal: the file cannot be used as given (exit 1), and the message says how.
            Assert.AreEqual(1, Run(out string o6, out string e6, "demo", "--json", "--replay", Sample("bouncy-button.vcd")));
            StringAssert.Contains(e6, "--signal");
            Assert.AreEqual(string.Empty, o6);
        }

        [TestMethod]
        public void InteractiveRefusesARedirectedStdin()
        {
            if (!Console.IsInputRedirected)
            {
                Assert.Inconclusive("stdin is a terminal here; the refusal is only observable with redirected stdin.");
            }

            Assert.AreEqual(2, Run(out _, out string e, "demo", "--interactive"));
            StringAssert.Contains(e, "needs a terminal");
        }
    }
}
