using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NanoIrq
{
    /// <summary>
    /// Reads a plain CSV recording of (time, level) rows, one or more signals per row. Host only.
    /// </summary>
    /// <remarks>
    /// <para>Format: blank lines and lines starting with <c>#</c> or <c>;</c> (sigrok's comment style) are skipped.
    /// The first other line is the header: the first column names the time unit, one of <c>time_s</c>,
    /// <c>time_ms</c>, <c>time_us</c>, <c>time_ns</c>; the other columns are signal names. Each row then gives a
    /// time (a decimal number, fractions allowed, e.g. <c>0.0015</c> in <c>time_s</c>) and one level per signal:
    /// <c>0</c>/<c>1</c>, <c>low</c>/<c>high</c> or <c>false</c>/<c>true</c> (any case). Example:</para>
    /// <code>
    /// time_us,button
    /// 0,1
    /// 1200,0
    /// 1250,1
    /// </code>
    /// <para>The first row's level is the initial level; a row that repeats the level makes no edge. Times are
    /// rounded to whole ns. Rejected with a <see cref="WaveformFormatException"/> naming the line: an unknown time
    /// column, a row with the wrong number of columns, a time or level that does not parse, a negative time, or a
    /// time earlier than the row before. An unknown signal name is rejected with the list of the columns.</para>
    /// </remarks>
    public static class CsvWaveformReader
    {
        /// <summary>Reads the file at <paramref name="path"/> (see <see cref="Read(TextReader, string)"/>).</summary>
        public static Waveform ReadFile(string path, string signalName)
        {
            using (var reader = new StreamReader(path))
            {
                return Read(reader, signalName);
            }
        }

        /// <summary>
        /// Reads a CSV recording and returns the column <paramref name="signalName"/> (exact, then ignoring case); when
        /// null and there is exactly one signal column, that one.
        /// </summary>
        /// <exception cref="WaveformFormatException">Malformed file (message names the line) or unknown signal (message lists the columns).</exception>
        public static Waveform Read(TextReader reader, string signalName)
        {
            string line;
            int number = 0;
            string[] header = null;
            int headerLine = 0;
            decimal nanosPerUnit = 0;
            int column = -1;
            var times = new List<long>();
            var levels = new List<bool>();
            long previous = 0;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                string[] cells = trimmed.Split(',');
                for (int i = 0; i < cells.Length; i++)
                {
                    cells[i] = cells[i].Trim().Trim('"');
                }

                if (header == null)
                {
                    header = cells;
                    headerLine = number;
                    nanosPerUnit = Unit(cells[0], number);
                    if (cells.Length < 2)
                    {
                        throw new WaveformFormatException(number, "the header needs a time column and at least one signal column, e.g. 'time_us,button'.");
                    }

                    column = Pick(cells, signalName);
                    continue;
                }

                if (cells.Length != header.Length)
                {
                    throw new WaveformFormatException(number, "expected " + header.Length + " columns like the header on line " + headerLine + ", found " + cells.Length + ".");
                }

                decimal value;
                if (!decimal.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    throw new WaveformFormatException(number, "time '" + cells[0] + "' is not a number.");
                }

                if (value < 0)
                {
                    throw new WaveformFormatException(number, "negative time " + cells[0] + ".");
                }

                long nanos = (long)Math.Round(value * nanosPerUnit, MidpointRounding.AwayFromZero);
                if (times.Count > 0 && nanos < previous)
                {
                    throw new WaveformFormatException(number, "time " + cells[0] + " is earlier than the row before: times must not decrease.");
                }

                previous = nanos;
                times.Add(nanos);
                levels.Add(ParseLevel(cells[column], number));
            }

            if (header == null)
            {
                throw new WaveformFormatException(Math.Max(number, 1), "empty CSV: expected a header such as 'time_us,button'.");
            }

            if (times.Count == 0)
            {
                throw new WaveformFormatException(headerLine, "the CSV has a header but no rows.");
            }

            return Waveform.FromSamples(header[column], times, levels, previous);
        }

        private static decimal Unit(string name, int line)
        {
            switch (name.ToLowerInvariant())
            {
                case "time_s": return 1000000000m;
                case "time_ms": return 1000000m;
                case "time_us": return 1000m;
                case "time_ns": return 1m;
                default:
                    throw new WaveformFormatException(line, "the first column must be time_s, time_ms, time_us or time_ns, found '" + name + "'.");
            }
        }

        private static int Pick(string[] header, string name)
        {
            if (name == null)
            {
                if (header.Length == 2)
                {
                    return 1;
                }

                throw new WaveformFormatException(0, "the CSV has " + (header.Length - 1) + " signal columns, choose one with --signal: " + string.Join(", ", header, 1, header.Length - 1) + ".");
            }

            for (int i = 1; i < header.Length; i++)
            {
                if (header[i] == name)
                {
                    return i;
                }
            }

            for (int i = 1; i < header.Length; i++)
            {
                if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            throw new WaveformFormatException(0, "unknown signal '" + name + "'; the CSV has: " + string.Join(", ", header, 1, header.Length - 1) + ".");
        }

        private static bool ParseLevel(string cell, int line)
        {
            switch (cell.ToLowerInvariant())
            {
                case "1":
                case "high":
                case "true":
                    return true;
                case "0":
                case "low":
                case "false":
                    return false;
                default:
                    throw new WaveformFormatException(line, "level '" + cell + "' is not 0, 1, low, high, false or true.");
            }
        }
    }
}
