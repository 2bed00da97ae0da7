using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace NanoIrq.Cli
{
    /// <summary>Prints a <see cref="Calibration"/> as text or as one JSON object.</summary>
    public static class CalibrationReport
    {
        /// <summary>Most candidates listed in the text of a <see cref="SeparationProblem"/>.</summary>
        private const int MaxCandidatesShown = 20;

        /// <summary>The replay command that reproduces a setting on the capture.</summary>
        public static string ReplayCommand(Calibration c, DebounceSetting s) =>
            "nanoirq replay " + c.File + (string.IsNullOrEmpty(c.Capture.Name) ? "" : " --signal " + c.Capture.Name) +
            (c.Capture.ActiveLow ? " --active-low" : "") + " " + s.ReplayOptions;

        /// <summary>Writes the text report.</summary>
        public static void WriteText(TextWriter o, Calibration c, string svgOut)
        {
            ButtonCapture cap = c.Capture;
            o.WriteLine("calibrate " + c.File + "  signal " + cap.Name + "  " + (cap.ActiveLow ? "active-low" : "active-high") + "  " + cap.Count + " raw edges, " + Format.Seconds(cap.EndMicros));
            if (c.Problem != null)
            {
                WriteProblem(o, c.Problem);
                if (svgOut != null)
                {
                    o.WriteLine("wrote " + svgOut);
                }

                return;
            }

            PressReading r = c.Reading;
            SwitchMeasurement m = c.Measurement;
            o.WriteLine("reading: " + Count(r.Presses, "press", "presses") + ", " + How(c));
            o.WriteLine("  " + Windows(r));
            o.WriteLine("presses (bounce: first to last edge of a burst; open/closed: longest stretch of open contact inside the press, of closed contact inside the release after it):");
            o.WriteLine("     #     press at  bounce     open      held       release bounce  closed     gap after");
            foreach (PressFacts f in m.Presses)
            {
                o.WriteLine("  " + (f.Index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4) + "  " + Format.Seconds(f.Start).PadLeft(11) + "  " +
                    Format.Ms(f.PressBounce).PadRight(9) + "  " + Format.Ms(Math.Max(f.LongestOpen.Length, 0)).PadRight(8) + "  " + Format.Ms(f.Duration).PadRight(9) + "  " +
                    Format.Ms(f.ReleaseBounce).PadRight(14) + "  " + Format.Ms(Math.Max(f.LongestClosedAfter.Length, 0)).PadRight(9) + "  " + (f.GapAfter >= 0 ? Format.Ms(f.GapAfter) : "-") +
                    (f.Excursions > 0 ? "  (" + f.Excursions + " re-opening" + (f.Excursions > 1 ? "s" : "") + ")" : ""));
            }

            o.WriteLine("switch:");
            o.WriteLine("  press bounce    median " + Format.Ms(m.MedianPressBounce) + ", longest " + Format.Ms(m.LongestPressBounce) + At(m.Presses[m.WorstPressBurst].Start, m.WorstPressBurst));
            o.WriteLine("  release bounce  median " + Format.Ms(m.MedianReleaseBounce) + ", longest " + Format.Ms(m.LongestReleaseBounce) + At(m.Presses[m.WorstReleaseBurst].ReleaseStart, m.WorstReleaseBurst));
            o.WriteLine("  re-openings inside presses:  " + m.Reopenings + "; longest open contact inside a press " + StretchText(cap, m.LongestReopening, "press "));
            o.WriteLine("  re-closings inside releases: " + m.Reclosings + "; longest closed contact inside a release " + StretchText(cap, m.LongestReclosing, "after press "));
            o.WriteLine("  shortest press " + Format.Ms(m.ShortestPress.Length) + At(cap.Time(m.ShortestPress.Edge), m.ShortestPress.Press) +
                (m.ShortestRelease.Length == long.MaxValue ? "" : ", shortest release " + Format.Ms(m.ShortestRelease.Length) + " (after press " + (m.ShortestRelease.Press + 1) + " at " + Format.Seconds(cap.Time(m.ShortestRelease.Edge)) + ")"));

            SettingSearch s = c.Search;
            o.WriteLine("settings that count exactly " + Count(r.Presses, "press", "presses") + " and " + Count(r.Presses, "release", "releases") + ": " + s.Exact.Count + " of " + s.Tried + " tried; the best of each kind, by press latency:");
            o.WriteLine("  setting                           latency worst/mean   margin  shortest click/gap   clicks/s  50us spike");
            foreach (SettingResult x in s.BestPerFamily())
            {
                o.WriteLine("  " + Row(x) + (x == s.Recommended ? "  <- recommended" : ""));
            }

            o.WriteLine("  (margin: how many times longer bounce and re-openings may get; all " + s.Exact.Count + " with --json)");
            SettingResult rec = s.Recommended;
            o.WriteLine("recommended: " + rec.Setting.Label + (rec.Robust ? "" : "   (FRAGILE: no setting has a margin of " + Format.Factor(SettingSearch.RobustMargin) + " and ignores a 50 us spike)"));
            o.WriteLine("  press latency " + Format.Ms(rec.Trial.WorstPressLatency) + " worst, " + Format.Ms(rec.Trial.MeanPressLatency) + " mean; the switch may bounce and re-open " +
                Format.Factor(rec.Margin) + " longer; counts clicks from " + Format.Ms(rec.ShortestClick) + " and gaps from " + Format.Ms(rec.ShortestGap) +
                " (" + rec.ClicksPerSecond.ToString("0.0", CultureInfo.InvariantCulture) + " clicks/s); " + (rec.SpikeProof ? "a 50 us spike changes nothing" : "a 50 us spike makes a phantom edge"));
            o.WriteLine("  C#:");
            foreach (string line in rec.Setting.CSharp(cap.ActiveLow))
            {
                o.WriteLine("    " + line);
            }

            o.WriteLine("  replay: " + ReplayCommand(c, rec.Setting));
            if (svgOut != null)
            {
                o.WriteLine("wrote " + svgOut);
            }
        }

        /// <summary>Writes the JSON object.</summary>
        public static void WriteJson(TextWriter o, Calibration c, string svgOut)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    ButtonCapture cap = c.Capture;
                    w.WriteStartObject();
                    w.WriteString("file", c.File);
                    w.WriteString("signal", cap.Name);
                    w.WriteBoolean("active_low", cap.ActiveLow);
                    w.WriteNumber("raw_edges", cap.Count);
                    w.WriteNumber("end_us", cap.EndMicros);
                    if (c.GivenPresses > 0)
                    {
                        w.WriteNumber("presses_given", c.GivenPresses);
                    }
                    else
                    {
                        w.WriteNull("presses_given");
                    }

                    w.WriteBoolean("found", c.Found);
                    if (c.Problem != null)
                    {
                        WriteProblemJson(w, c.Problem);
                        w.WriteNull("recommended");
                    }
                    else
                    {
                        WriteFound(w, c);
                    }

                    if (svgOut != null)
                    {
                        w.WriteString("svg", svgOut);
                    }

                    w.WriteEndObject();
                }

                o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            }
        }

        private static void WriteFound(Utf8JsonWriter w, Calibration c)
        {
            ButtonCapture cap = c.Capture;
            PressReading r = c.Reading;
            SwitchMeasurement m = c.Measurement;
            w.WriteNumber("presses", r.Presses);
            w.WriteStartObject("reading");
            w.WriteString("how", c.GivenPresses > 0 ? "given" : "inferred");
            w.WriteString("text", How(c) + "; " + Windows(r));
            w.WriteNumber("press_signal_us", r.PressSignal);
            w.WriteNumber("press_noise_us", r.PressNoise);
            Number(w, "press_step", r.PressStep);
            Number(w, "release_signal_us", r.ReleaseSignal == long.MaxValue ? double.PositiveInfinity : r.ReleaseSignal);
            w.WriteNumber("release_noise_us", r.ReleaseNoise);
            Number(w, "release_step", r.ReleaseStep);
            w.WriteEndObject();

            w.WriteStartObject("switch");
            w.WriteNumber("press_bounce_median_us", m.MedianPressBounce);
            w.WriteNumber("press_bounce_max_us", m.LongestPressBounce);
            w.WriteNumber("release_bounce_median_us", m.MedianReleaseBounce);
            w.WriteNumber("release_bounce_max_us", m.LongestReleaseBounce);
            w.WriteNumber("reopenings", m.Reopenings);
            w.WriteNumber("reopening_max_us", Math.Max(m.LongestReopening.Length, 0));
            w.WriteNumber("reclosings", m.Reclosings);
            w.WriteNumber("reclosing_max_us", Math.Max(m.LongestReclosing.Length, 0));
            w.WriteNumber("shortest_press_us", m.ShortestPress.Length);
            if (m.ShortestRelease.Length == long.MaxValue)
            {
                w.WriteNull("shortest_release_us");
            }
            else
            {
                w.WriteNumber("shortest_release_us", m.ShortestRelease.Length);
            }

            w.WriteEndObject();

            w.WriteStartArray("press_list");
            foreach (PressFacts f in m.Presses)
            {
                w.WriteStartObject();
                w.WriteNumber("press_us", f.Start);
                w.WriteNumber("press_bounce_us", f.PressBounce);
                w.WriteNumber("longest_open_us", Math.Max(f.LongestOpen.Length, 0));
                w.WriteNumber("reopenings", f.Excursions);
                w.WriteNumber("release_us", f.ReleaseStart);
                w.WriteNumber("release_bounce_us", f.ReleaseBounce);
                w.WriteNumber("longest_closed_after_us", Math.Max(f.LongestClosedAfter.Length, 0));
                w.WriteNumber("held_us", f.Duration);
                if (f.GapAfter >= 0)
                {
                    w.WriteNumber("gap_after_us", f.GapAfter);
                }
                else
                {
                    w.WriteNull("gap_after_us");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("excursions");
            foreach (Excursion e in r.Excursions)
            {
                w.WriteStartObject();
                w.WriteString("inside", e.InsidePress ? "press" : "release");
                w.WriteNumber("press_index", e.Index);
                w.WriteNumber("start_us", e.Start);
                w.WriteNumber("span_us", e.Span);
                w.WriteNumber("longest_us", e.LongestStretch);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("tried", c.Search.Tried);
            w.WriteStartArray("settings");
            foreach (SettingResult x in c.Search.Exact)
            {
                w.WriteStartObject();
                Setting(w, c, x);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("recommended");
            Setting(w, c, c.Search.Recommended);
            w.WriteStartArray("csharp");
            foreach (string line in c.Search.Recommended.Setting.CSharp(cap.ActiveLow))
            {
                w.WriteStringValue(line);
            }

            w.WriteEndArray();
            w.WriteString("replay", ReplayCommand(c, c.Search.Recommended.Setting));
            w.WriteEndObject();
        }

        private static void Setting(Utf8JsonWriter w, Calibration c, SettingResult x)
        {
            DebounceSetting s = x.Setting;
            w.WriteString("debounce", s.DebounceArgument);
            if (s.GlitchMicros > 0)
            {
                w.WriteString("glitch", s.GlitchArgument);
            }

            w.WriteString("mode", s.Mode);
            w.WriteNumber("press_window_us", s.PressMicros);
            w.WriteNumber("release_window_us", s.ReleaseMicros);
            w.WriteNumber("glitch_us", s.GlitchMicros);
            w.WriteNumber("press_latency_max_us", x.Trial.WorstPressLatency);
            w.WriteNumber("press_latency_mean_us", Math.Round(x.Trial.MeanPressLatency, 1));
            w.WriteNumber("release_latency_max_us", x.Trial.WorstReleaseLatency);
            w.WriteNumber("margin", Math.Round(x.Margin, 3));
            w.WriteNumber("shortest_click_us", x.ShortestClick);
            w.WriteNumber("shortest_gap_us", x.ShortestGap);
            w.WriteNumber("clicks_per_second", Math.Round(x.ClicksPerSecond, 2));
            w.WriteBoolean("spike_proof", x.SpikeProof);
            w.WriteBoolean("robust", x.Robust);
        }

        private static void WriteProblem(TextWriter o, SeparationProblem p)
        {
            o.WriteLine(p.Headline);
            int shown = 0;
            foreach (Candidate k in p.Candidates)
            {
                if (shown++ == MaxCandidatesShown)
                {
                    o.WriteLine("  ... and " + (p.Candidates.Count - MaxCandidatesShown) + " more (--json lists them all)");
                    break;
                }

                o.WriteLine("  " + Format.Seconds(k.Time).PadLeft(11) + "  " + k.Text);
            }

            if (p.Detail != null)
            {
                o.WriteLine(p.Detail);
            }

            o.WriteLine(p.Advice);
        }

        private static void WriteProblemJson(Utf8JsonWriter w, SeparationProblem p)
        {
            w.WriteStartObject("unseparable");
            w.WriteString("text", p.Headline);
            w.WriteString("advice", p.Advice);
            if (p.Detail != null)
            {
                w.WriteString("detail", p.Detail);
            }
            else
            {
                w.WriteNull("detail");
            }

            if (p.Clear != null)
            {
                w.WriteNumber("clear_presses", p.Clear.Presses);
            }
            else
            {
                w.WriteNull("clear_presses");
            }

            w.WriteStartArray("candidates");
            foreach (Candidate k in p.Candidates)
            {
                w.WriteStartObject();
                w.WriteString("kind", k.Kind);
                w.WriteNumber("time_us", k.Time);
                w.WriteNumber("length_us", k.Length);
                w.WriteStartArray("press_times_us");
                foreach (long t in k.PressTimes)
                {
                    w.WriteNumberValue(t);
                }

                w.WriteEndArray();
                w.WriteString("text", k.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>How the presses were read, in one sentence.</summary>
        public static string How(Calibration c) => c.GivenPresses > 0
            ? "as given with --presses"
            : "inferred: the clearest reading whose presses and releases last " + Format.Ms(ReadingSearch.MinIntendedMicros) + " or more (pass --presses N if you pressed a different number of times)";

        /// <summary>The window ranges that give the reading's presses, and how clearly, in one sentence.</summary>
        public static string Windows(PressReading r) =>
            "read alike by a press window from " + Noise(r.PressNoise) + " to " + Format.Ms(r.PressSignal) + " (" + Step(r.PressStep) + ": shortest steady press over longest closed contact that would add one)" +
            " and a release window from " + Noise(r.ReleaseNoise) + " to " + (r.ReleaseSignal == long.MaxValue ? "any length" : Format.Ms(r.ReleaseSignal)) +
            " (" + Step(r.ReleaseStep) + ": shortest quiet release over longest open contact that would split a press)";

        private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

        private static string Noise(long noise) => noise < 0 ? "0 ms" : Format.Ms(noise);

        private static string Step(double step) => double.IsPositiveInfinity(step) ? "endless" : step.ToString("0.0", CultureInfo.InvariantCulture) + "x";

        private static string Row(SettingResult x)
        {
            string latency = Format.Ms(x.Trial.WorstPressLatency) + " / " + Format.Ms(x.Trial.MeanPressLatency);
            string clickGap = (x.ShortestClick < 0 ? "-" : Format.Ms(x.ShortestClick)) + " / " + (x.ShortestGap < 0 ? "-" : Format.Ms(x.ShortestGap));
            return x.Setting.Label.PadRight(32) + "  " + latency.PadRight(19) + "  " + Format.Factor(x.Margin).PadRight(6) + "  " + clickGap.PadRight(19) + "  " +
                x.ClicksPerSecond.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(8) + "  " + (x.SpikeProof ? "ignored" : "PHANTOM");
        }

        private static string At(long time, int press) => " (press " + (press + 1) + " at " + Format.Seconds(time) + ")";

        private static string StretchText(ButtonCapture cap, Stretch s, string where)
        {
            if (s.Edge < 0)
            {
                return "(none)";
            }

            return Format.Ms(s.Length) + " at " + Format.Seconds(cap.Time(s.Edge)) + (s.Press >= 0 ? " (" + where + (s.Press + 1) + ")" : " (before press 1)");
        }

        private static void Number(Utf8JsonWriter w, string name, double value)
        {
            if (double.IsInfinity(value) || double.IsNaN(value))
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteNumber(name, Math.Round(value, 3));
            }
        }

    }
}
