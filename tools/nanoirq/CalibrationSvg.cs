using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NanoIrq.Cli
{
    /// <summary>
    /// Draws a <see cref="Calibration"/> as one SVG: every press burst, release burst, re-opening and re-closing on one
    /// time axis (ms after the burst's first edge), one row each, the contact drawn up when pressed, with the recommended
    /// setting's window over each row where the filter starts it. When no setting works, the stretches that cannot be told
    /// apart are drawn in red instead of windows.
    /// </summary>
    /// <remarks>
    /// Windows: quiet-time opens its window at the last edge of a burst (press window on press bursts and re-closings,
    /// release window on release bursts and re-openings: a re-opening is harmless while the contact closes again before the
    /// window ends); lockout and sample-after-delay open theirs at the first edge (the sample is the window's end). A glitch
    /// filter in front delays everything by its width and is named in the title only. Rows per group are capped at
    /// <see cref="MaxRows"/> (the longest bursts first).
    /// </remarks>
    public static class CalibrationSvg
    {
        /// <summary>Most rows drawn per group: 40.</summary>
        public const int MaxRows = 40;

        private const int Width = 1200;
        private const int Left = 250;
        private const int Right = 30;
        private const int RowHeight = 16;
        private const int TraceHeight = 10;

        /// <summary>The SVG text for <paramref name="c"/>.</summary>
        public static string Draw(Calibration c)
        {
            PressReading reading = c.Reading ?? c.Problem?.Clear;
            SettingResult rec = c.Found ? c.Search.Recommended : null;
            var groups = new List<Group>();
            if (reading != null)
            {
                Groups(reading, rec?.Setting, groups);
            }

            var problemTimes = new HashSet<long>();
            if (c.Problem != null)
            {
                foreach (Candidate k in c.Problem.Candidates)
                {
                    problemTimes.Add(k.Time);
                }
            }

            double span = 10000;
            foreach (Group g in groups)
            {
                foreach (Row r in g.Rows)
                {
                    span = Math.Max(span, Math.Max(r.Offsets[r.Offsets.Length - 1], r.WindowEnd));
                }
            }

            span *= 1.1;
            int rows = 0;
            foreach (Group g in groups)
            {
                rows += Math.Min(g.Rows.Count, MaxRows) + 2;
            }

            int top = 70;
            int height = top + rows * RowHeight + 90;
            var svg = new StringBuilder();
            svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width).Append("\" height=\"").Append(height)
               .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height).Append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
            svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            Text(svg, 10, 20, 15, "bold", "nanoirq calibrate: " + c.File + " (" + c.Capture.Name + ")");
            Text(svg, 10, 40, 12, "normal", Subtitle(c, reading, rec));
            Axis(svg, top - 8, height - 80, span);
            int y = top;
            foreach (Group g in groups)
            {
                Text(svg, 10, y + 12, 12, "bold", g.Title + " (" + g.Rows.Count + (g.Rows.Count > MaxRows ? ", the " + MaxRows + " longest drawn" : "") + ")");
                y += RowHeight;
                var drawn = new List<Row>(g.Rows);
                if (drawn.Count > MaxRows)
                {
                    drawn.Sort((a, b) => b.Offsets[b.Offsets.Length - 1].CompareTo(a.Offsets[a.Offsets.Length - 1]));
                    drawn.RemoveRange(MaxRows, drawn.Count - MaxRows);
                    drawn.Sort((a, b) => a.Start.CompareTo(b.Start));
                }

                foreach (Row r in drawn)
                {
                    DrawRow(svg, r, y, span, problemTimes.Contains(r.Mark));
                    y += RowHeight;
                }

                y += RowHeight;
            }

            Legend(svg, height - 60, rec, c.Problem != null);
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static string Subtitle(Calibration c, PressReading reading, SettingResult rec)
        {
            if (c.Problem != null)
            {
                return "no setting counts " + (c.GivenPresses > 0 ? c.GivenPresses + " presses" : "the presses") + " reliably" +
                    (reading != null ? "; drawn: the " + reading.Presses + " presses that stand out, the stretches that cannot be told apart in red" : "");
            }

            return reading.Presses + " presses; recommended " + rec.Setting.Label + ": press latency " + Format.Ms(rec.Trial.WorstPressLatency) +
                " worst, margin " + Format.Factor(rec.Margin) + ", clicks from " + Format.Ms(rec.ShortestClick) + ", gaps from " + Format.Ms(rec.ShortestGap);
        }

        private static void Groups(PressReading reading, DebounceSetting s, List<Group> groups)
        {
            ButtonCapture c = reading.Capture;
            var press = new Group("press bursts");
            var release = new Group("release bursts");
            for (int k = 0; k < reading.Presses; k++)
            {
                press.Rows.Add(MakeRow(c, reading.PressFirst(k), reading.PressLast(k), false, "press " + (k + 1), s, true));
                release.Rows.Add(MakeRow(c, reading.ReleaseFirst(k), reading.ReleaseLast(k), true, "release " + (k + 1), s, false));
            }

            var reopen = new Group("re-openings inside presses");
            var reclose = new Group("re-closings inside releases");
            foreach (Excursion e in reading.Excursions)
            {
                bool level = e.InsidePress;
                string label = e.InsidePress ? "in press " + (e.Index + 1) : e.Index == 0 ? "before press 1" : "after press " + e.Index;
                Row row = MakeRow(c, e.FirstEdge, e.LastEdge, level, label, s, !e.InsidePress);
                row.Mark = e.LongestStretchEdge >= 0 ? c.Time(e.LongestStretchEdge) : e.Start;
                if (s != null && s.Mode == "quiet" && e.LongestStretchEdge >= 0)
                {
                    // The window that must outlast the excursion starts where its longest contrary stretch starts.
                    row.WindowStart = c.Time(e.LongestStretchEdge) - e.Start;
                    row.WindowEnd = row.WindowStart + (e.InsidePress ? s.ReleaseMicros : s.PressMicros);
                }

                (e.InsidePress ? reopen : reclose).Rows.Add(row);
            }

            groups.Add(press);
            groups.Add(release);
            if (reopen.Rows.Count > 0)
            {
                groups.Add(reopen);
            }

            if (reclose.Rows.Count > 0)
            {
                groups.Add(reclose);
            }
        }

        private static Row MakeRow(ButtonCapture c, int first, int last, bool before, string label, DebounceSetting s, bool pressWindow)
        {
            var r = new Row { Before = before, Start = c.Time(first) };
            r.Offsets = new long[last - first + 1];
            r.Pressed = new bool[last - first + 1];
            for (int i = first; i <= last; i++)
            {
                r.Offsets[i - first] = c.Time(i) - r.Start;
                r.Pressed[i - first] = c.Pressed(i);
            }

            long spanMicros = r.Offsets[r.Offsets.Length - 1];
            r.Label = label + "  " + Format.Seconds(r.Start) + "  " + Format.Ms(spanMicros);
            r.Mark = r.Start;
            r.WindowStart = -1;
            r.WindowEnd = -1;
            if (s != null)
            {
                int window = s.Mode == "quiet" ? (pressWindow ? s.PressMicros : s.ReleaseMicros) : s.PressMicros;
                r.WindowStart = s.Mode == "quiet" ? spanMicros : 0;
                r.WindowEnd = r.WindowStart + window;
                r.Sample = s.Mode == "sample";
            }

            return r;
        }

        private static void DrawRow(StringBuilder svg, Row r, int y, double span, bool red)
        {
            Text(svg, 10, y + 11, 11, "normal", r.Label);
            int low = y + 3 + TraceHeight;
            int high = y + 3;
            if (r.WindowStart >= 0)
            {
                double x0 = X(r.WindowStart, span);
                double x1 = X(r.WindowEnd, span);
                svg.Append("<rect class=\"window\" x=\"").Append(F(x0)).Append("\" y=\"").Append(y + 1).Append("\" width=\"").Append(F(Math.Max(x1 - x0, 1)))
                   .Append("\" height=\"").Append(RowHeight - 2).Append("\" fill=\"#4caf50\" fill-opacity=\"0.25\" stroke=\"#2e7d32\" stroke-width=\"0.5\"/>\n");
                if (r.Sample)
                {
                    svg.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(y + 1).Append("\" x2=\"").Append(F(x1)).Append("\" y2=\"").Append(y + RowHeight - 1)
                       .Append("\" stroke=\"#2e7d32\" stroke-width=\"2\"/>\n");
                }
            }

            var points = new StringBuilder();
            double x = X(-span * 0.04, span);
            bool level = r.Before;
            points.Append(F(x)).Append(',').Append(level ? high : low);
            for (int i = 0; i < r.Offsets.Length; i++)
            {
                x = X(r.Offsets[i], span);
                points.Append(' ').Append(F(x)).Append(',').Append(level ? high : low);
                level = r.Pressed[i];
                points.Append(' ').Append(F(x)).Append(',').Append(level ? high : low);
            }

            points.Append(' ').Append(F(X(span, span))).Append(',').Append(level ? high : low);
            svg.Append("<polyline class=\"trace\" points=\"").Append(points).Append("\" fill=\"none\" stroke=\"").Append(red ? "#d32f2f" : "#1a237e")
               .Append("\" stroke-width=\"").Append(red ? "2" : "1.2").Append("\"/>\n");
        }

        private static void Axis(StringBuilder svg, int y, int bottom, double span)
        {
            double step = NiceStep(span / 10);
            svg.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(y).Append("\" stroke=\"#444\"/>\n");
            for (double t = 0; t <= span; t += step)
            {
                double x = X(t, span);
                svg.Append("<line x1=\"").Append(F(x)).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(F(x)).Append("\" y2=\"").Append(bottom)
                   .Append("\" stroke=\"#ddd\" stroke-width=\"0.5\"/>\n");
                Text(svg, x - 12, y - 4, 10, "normal", (t / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms");
            }
        }

        private static void Legend(StringBuilder svg, int y, SettingResult rec, bool problem)
        {
            Text(svg, 10, y, 11, "normal", "Each row: the contact in one burst, up = pressed, time from the burst's first edge (one axis for all rows). Bounce: first to last edge.");
            if (problem)
            {
                Text(svg, 10, y + 16, 11, "normal", "Red: stretches as long as the switch's own re-openings; one of them is a press or release you made, and no window can tell which.");
                return;
            }

            string where = rec.Setting.Mode == "quiet"
                ? "quiet-time opens it at the last edge and decides at its end (press window on press bursts and re-closings, release window on release bursts and re-openings)"
                : rec.Setting.Mode == "lockout" ? "lockout reports the first edge and ignores the others until its end" : "sample-after-delay reads the level once, at the thick line";
            Text(svg, 10, y + 16, 11, "normal", "Green: the recommended window; " + where + ".");
            Text(svg, 10, y + 32, 11, "normal", "A re-opening is harmless when the contact closes again inside the window." +
                (rec.Setting.GlitchMicros > 0 ? " A " + Format.Argument(rec.Setting.GlitchMicros) + " glitch filter in front delays every edge by its width." : ""));
        }

        private static double NiceStep(double raw)
        {
            double p = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
            foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
            {
                if (m * p >= raw)
                {
                    return m * p;
                }
            }

            return 10 * p;
        }

        private static double X(double micros, double span) => Left + (Width - Left - Right) * (micros + span * 0.05) / (span * 1.05);

        private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        private static void Text(StringBuilder svg, double x, double y, int size, string weight, string text)
        {
            svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"").Append(size).Append("\" font-weight=\"").Append(weight).Append("\">")
               .Append(Escape(text)).Append("</text>\n");
        }

        private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

        private sealed class Group
        {
            public Group(string title)
            {
                Title = title;
            }

            public string Title { get; }

            public List<Row> Rows { get; } = new List<Row>();
        }

        private sealed class Row
        {
            public long Start;
            public long[] Offsets;
            public bool[] Pressed;
            public bool Before;
            public string Label;
            public long Mark;
            public double WindowStart;
            public double WindowEnd;
            public bool Sample;
        }
    }
}
