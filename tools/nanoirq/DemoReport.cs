using System.Globalization;
using System.IO;

namespace NanoIrq.Cli
{
    /// <summary>The outcome of one demo run: what was simulated, what ButtonCounter made of it, and the pipeline counters.</summary>
    public sealed class DemoReport
    {
        /// <summary>Board short name.</summary>
        public string Board;

        /// <summary>Seed used.</summary>
        public int Seed;

        /// <summary>Where the presses came from: "tour", "random", "replay" or "interactive".</summary>
        public string Source;

        /// <summary>Physical presses simulated, or -1 when unknown (replay).</summary>
        public int PressesSimulated = -1;

        /// <summary>Debounced presses ButtonCounter counted (never reset).</summary>
        public int PressesCounted;

        /// <summary>Count shown at the end.</summary>
        public int FinalCount;

        /// <summary>Expected final count, or -1 when unknown.</summary>
        public int ExpectedFinalCount = -1;

        /// <summary>Long presses (resets).</summary>
        public int Resets;

        /// <summary>Expected resets, or -1 when unknown.</summary>
        public int ExpectedResets = -1;

        /// <summary>Double clicks (blink-outs started).</summary>
        public int BlinkOuts;

        /// <summary>Expected blink-outs, or -1 when unknown.</summary>
        public int ExpectedBlinkOuts = -1;

        /// <summary>LED lit at the end.</summary>
        public bool LedOn;

        /// <summary>Raw edges the source produced on the button pin (bounces included).</summary>
        public long RawEdges;

        /// <summary>Edges the debouncer and gesture stages swallowed.</summary>
        public long Filtered;

        /// <summary>Debounced edges the filter passed on to the Irq handler (press and release each count 1).</summary>
        public long Delivered;

        /// <summary>Most edges ever waiting in the dispatcher's ring at once.</summary>
        public long RingHighWater;

        /// <summary>Edges lost because a buffer was full.</summary>
        public long Dropped;

        /// <summary>Handler faults recorded.</summary>
        public long Faults;

        /// <summary>Simulated time covered, ms.</summary>
        public long SimulatedMillis;

        /// <summary>True when every known expectation was met.</summary>
        public bool Ok
        {
            get
            {
                return (PressesSimulated < 0 || PressesSimulated == PressesCounted)
                    && (ExpectedFinalCount < 0 || ExpectedFinalCount == FinalCount)
                    && (ExpectedResets < 0 || ExpectedResets == Resets)
                    && (ExpectedBlinkOuts < 0 || ExpectedBlinkOuts == BlinkOuts)
                    && Dropped == 0 && Faults == 0;
            }
        }

        /// <summary>Writes the human summary.</summary>
        public void WriteSummary(TextWriter w)
        {
            w.WriteLine();
            w.WriteLine("summary (" + Board + ", " + Source + ", seed " + I(Seed) + ", " + (SimulatedMillis / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s simulated):");
            if (PressesSimulated >= 0)
            {
                w.WriteLine("  presses simulated " + I(PressesSimulated) + ", counted " + I(PressesCounted) + (PressesSimulated == PressesCounted ? "  (one count per press: OK)" : "  MISMATCH"));
            }
            else
            {
                w.WriteLine("  presses counted " + I(PressesCounted));
            }

            w.WriteLine("  count now " + I(FinalCount) + Expect(ExpectedFinalCount, FinalCount) + ", LED " + (LedOn ? "on" : "off")
                + ", resets " + I(Resets) + Expect(ExpectedResets, Resets) + ", blink-outs " + I(BlinkOuts) + Expect(ExpectedBlinkOuts, BlinkOuts));
            w.WriteLine("  raw edges " + L(RawEdges) + ", filtered bounces " + L(Filtered) + ", debounced edges " + L(Delivered) + ", dropped " + L(Dropped) + ", faults " + L(Faults)
                + " (ring high-water " + L(RingHighWater) + ")");
            w.WriteLine(Ok ? "  result: OK" : "  result: NOT OK");
        }

        /// <summary>Writes the one-line JSON object (snake_case keys).</summary>
        public void WriteJson(TextWriter w)
        {
            w.WriteLine("{"
                + "\"board\":\"" + Escape(Board) + "\","
                + "\"source\":\"" + Source + "\","
                + "\"seed\":" + I(Seed) + ","
                + "\"presses_simulated\":" + (PressesSimulated < 0 ? "null" : I(PressesSimulated)) + ","
                + "\"presses_counted\":" + I(PressesCounted) + ","
                + "\"final_count\":" + I(FinalCount) + ","
                + "\"expected_final_count\":" + (ExpectedFinalCount < 0 ? "null" : I(ExpectedFinalCount)) + ","
                + "\"resets\":" + I(Resets) + ","
                + "\"blink_outs\":" + I(BlinkOuts) + ","
                + "\"led_on\":" + (LedOn ? "true" : "false") + ","
                + "\"raw_edges\":" + L(RawEdges) + ","
                + "\"filtered\":" + L(Filtered) + ","
                + "\"debounced_edges\":" + L(Delivered) + ","
                + "\"ring_high_water\":" + L(RingHighWater) + ","
                + "\"dropped\":" + L(Dropped) + ","
                + "\"faults\":" + L(Faults) + ","
                + "\"simulated_ms\":" + L(SimulatedMillis) + ","
                + "\"ok\":" + (Ok ? "true" : "false")
                + "}");
        }

        private static string Expect(int expected, int actual)
        {
            if (expected < 0)
            {
                return string.Empty;
            }

            return expected == actual ? " (expected " + I(expected) + ")" : " (EXPECTED " + I(expected) + ")";
        }

        private static string I(int v)
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        private static string L(long v)
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        private static string Escape(string s)
        {
            return s.Replace("\\", "\\\\").Replace("\"", "\\\"");
        }
    }
}
