using System;
using System.Collections.Generic;
using System.IO;

namespace NanoIrq
{
    /// <summary>
    /// Reads IEEE 1364 Value Change Dump files (sigrok/PulseView, GTKWave, simulators, logic-analyzer tools) and
    /// returns one signal as a <see cref="Waveform"/>. Host only.
    /// </summary>
    /// <remarks>
    /// <para>Accepted: <c>$timescale</c> of 1, 10 or 100 s, ms, us, ns, ps or fs (number and unit together or apart;
    /// default 1 ns when absent); any number of <c>$scope</c>/<c>$upscope</c> levels and <c>$var</c> declarations
    /// with identifier codes of any printable characters; <c>$comment</c>, <c>$date</c>, <c>$version</c> and other
    /// header sections (skipped); then <c>#time</c> stamps, <c>$dumpvars</c>/<c>$dumpall</c>/<c>$dumpon</c>/<c>$dumpoff</c>
    /// blocks, scalar changes (<c>0!</c>, <c>1!</c>, <c>x!</c>, <c>z!</c>), vector changes (<c>b101 !</c>, high when any
    /// bit is 1) and real changes (<c>r0.5 !</c>, high when not 0).</para>
    /// <para>Levels: 1 is high, 0 is low; x and z carry no level and are ignored (no edge). The first value of the
    /// signal is its initial level, whatever its time; later values that repeat the level make no edge. Times are
    /// converted to ns (finer timescales are truncated to whole ns).</para>
    /// <para>Rejected with a <see cref="WaveformFormatException"/> naming the line: a file that does not start with a
    /// <c>$</c> keyword or lacks <c>$enddefinitions</c> (not VCD), an unknown timescale, a negative or decreasing
    /// <c>#time</c>, a value change for an undeclared identifier, an unterminated section. An unknown signal name is
    /// rejected with the list of the names the file declares.</para>
    /// </remarks>
    public static class VcdReader
    {
        private sealed class Token
        {
            public string Text;
            public int Line;
        }

        /// <summary>Reads the file at <paramref name="path"/> and returns the signal <paramref name="signalName"/> (see <see cref="Read(TextReader, string)"/>).</summary>
        public static Waveform ReadFile(string path, string signalName)
        {
            using (var reader = new StreamReader(path))
            {
                return Read(reader, signalName);
            }
        }

        /// <summary>
        /// Reads a VCD and returns the signal named <paramref name="signalName"/>: matched against the full dotted name
        /// ("top.btn"), then the reference alone ("btn") when only one signal has it, then the same ignoring case.
        /// When <paramref name="signalName"/> is null and the file declares exactly one signal, that one is returned.
        /// </summary>
        /// <exception cref="WaveformFormatException">The file is malformed (message names the line) or the signal is unknown (message lists the known ones).</exception>
        public static Waveform Read(TextReader reader, string signalName)
        {
            var signals = new List<VcdSignal>();
            var changes = new Dictionary<string, List<(long Time, bool Level)>>(StringComparer.Ordinal);
            long end;
            long scaleFs;
            Parse(reader, signals, changes, out scaleFs, out end);

            VcdSignal chosen = Pick(signals, signalName);
            List<(long Time, bool Level)> list = changes[chosen.Identifier];
            if (list.Count == 0)
            {
                throw new WaveformFormatException(0, "signal '" + chosen.FullName + "' has no 0/1 value in the file.");
            }

            var times = new List<long>(list.Count);
            var levels = new List<bool>(list.Count);
            foreach (var c in list)
            {
                times.Add(ToNanos(c.Time, scaleFs));
                levels.Add(c.Level);
            }

            return Waveform.FromSamples(chosen.FullName, times, levels, ToNanos(end, scaleFs));
        }

        /// <summary>The signals a VCD declares, in file order (the value changes are checked as well).</summary>
        /// <exception cref="WaveformFormatException">The file is malformed.</exception>
        public static IList<VcdSignal> ListSignals(TextReader reader)
        {
            var signals = new List<VcdSignal>();
            var changes = new Dictionary<string, List<(long Time, bool Level)>>(StringComparer.Ordinal);
            Parse(reader, signals, changes, out _, out _);
            return signals;
        }

        private static long ToNanos(long time, long scaleFs)
        {
            Int128 fs = (Int128)time * scaleFs;
            return (long)(fs / 1000000);
        }

        private static VcdSignal Pick(List<VcdSignal> signals, string name)
        {
            if (name == null)
            {
                if (signals.Count == 1)
                {
                    return signals[0];
                }

                throw new WaveformFormatException(0, "the file declares " + signals.Count + " signals, choose one with --signal: " + Known(signals) + ".");
            }

            foreach (var s in signals)
            {
                if (s.FullName == name)
                {
                    return s;
                }
            }

            VcdSignal found = null;
            int hits = 0;
            foreach (var s in signals)
            {
                if (s.Reference == name)
                {
                    found = s;
                    hits++;
                }
            }

            if (hits == 0)
            {
                foreach (var s in signals)
                {
                    if (string.Equals(s.FullName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Reference, name, StringComparison.OrdinalIgnoreCase))
                    {
                        found = s;
                        hits++;
                    }
                }
            }

            if (hits == 1)
            {
                return found;
            }

            if (hits > 1)
            {
                throw new WaveformFormatException(0, "signal name '" + name + "' is ambiguous, use the full name: " + Known(signals) + ".");
            }

            throw new WaveformFormatException(0, "unknown signal '" + name + "'; the file declares: " + Known(signals) + ".");
        }

        private static string Known(List<VcdSignal> signals)
        {
            var names = new List<string>();
            foreach (var s in signals)
            {
                names.Add(s.FullName);
            }

            return string.Join(", ", names);
        }

        private static IEnumerable<Token> Tokens(TextReader reader)
        {
            string line;
            int number = 0;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                int i = 0;
                while (i < line.Length)
                {
                    while (i < line.Length && char.IsWhiteSpace(line[i]))
                    {
                        i++;
                    }

                    int start = i;
                    while (i < line.Length && !char.IsWhiteSpace(line[i]))
                    {
                        i++;
                    }

                    if (i > start)
                    {
                        yield return new Token { Text = line.Substring(start, i - start), Line = number };
                    }
                }
            }
        }

        private static void Parse(TextReader reader, List<VcdSignal> signals, Dictionary<string, List<(long Time, bool Level)>> changes, out long scaleFs, out long end)
        {
            scaleFs = 1000000; // 1 ns
            end = 0;
            var scopes = new List<string>();
            IEnumerator<Token> tokens = Tokens(reader).GetEnumerator();
            bool definitionsDone = false;
            int lastLine = 1;
            while (!definitionsDone)
            {
                if (!tokens.MoveNext())
                {
                    throw new WaveformFormatException(lastLine, "not a VCD file: the header never reaches $enddefinitions.");
                }

                Token t = tokens.Current;
                lastLine = t.Line;
                if (!t.Text.StartsWith("$", StringComparison.Ordinal))
                {
                    throw new WaveformFormatException(t.Line, "not a VCD file: expected a $ keyword such as $timescale, $scope or $var, found '" + Shorten(t.Text) + "'.");
                }

                List<Token> body = ReadSection(tokens, t);
                switch (t.Text)
                {
                    case "$timescale":
                        scaleFs = ParseTimescale(body, t.Line);
                        break;
                    case "$scope":
                        scopes.Add(body.Count >= 2 ? body[1].Text : (body.Count == 1 ? body[0].Text : "?"));
                        break;
                    case "$upscope":
                        if (scopes.Count > 0)
                        {
                            scopes.RemoveAt(scopes.Count - 1);
                        }

                        break;
                    case "$var":
                        AddVar(body, t.Line, scopes, signals, changes);
                        break;
                    case "$enddefinitions":
                        definitionsDone = true;
                        break;
                    default:
                        break; // $date, $version, $comment and vendor sections carry nothing we use.
                }
            }

            if (signals.Count == 0)
            {
                throw new WaveformFormatException(lastLine, "the VCD header declares no signal ($var).");
            }

            long now = 0;
            bool seenTime = false;
            while (tokens.MoveNext())
            {
                Token t = tokens.Current;
                string s = t.Text;
                char c = s[0];
                if (c == '#')
                {
                    long value;
                    if (!long.TryParse(s.AsSpan(1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value))
                    {
                        throw new WaveformFormatException(t.Line, "bad time stamp '" + Shorten(s) + "': expected #<non-negative integer>.");
                    }

                    if (value < 0)
                    {
                        throw new WaveformFormatException(t.Line, "negative time " + s + ": VCD times start at 0.");
                    }

                    if (seenTime && value < now)
                    {
                        throw new WaveformFormatException(t.Line, "time " + s + " is earlier than the previous #" + now + ": times must not decrease.");
                    }

                    now = value;
                    seenTime = true;
                    end = Math.Max(end, now);
                }
                else if (c == '$')
                {
                    if (s == "$comment")
                    {
                        ReadSection(tokens, t);
                    }

                    // $dumpvars, $dumpall, $dumpon, $dumpoff and their $end only bracket value changes.
                }
                else if (c == '0' || c == '1' || c == 'x' || c == 'X' || c == 'z' || c == 'Z')
                {
                    if (s.Length < 2)
                    {
                        throw new WaveformFormatException(t.Line, "value change '" + s + "' has no identifier code.");
                    }

                    Record(changes, s.Substring(1), t.Line, now, c);
                }
                else if (c == 'b' || c == 'B' || c == 'r' || c == 'R')
                {
                    string value = s.Substring(1);
                    if (!tokens.MoveNext())
                    {
                        throw new WaveformFormatException(t.Line, "vector value '" + Shorten(s) + "' has no identifier code.");
                    }

                    string id = tokens.Current.Text;
                    char level = (c == 'b' || c == 'B') ? VectorLevel(value, t.Line) : RealLevel(value, t.Line);
                    Record(changes, id, tokens.Current.Line, now, level);
                }
                else
                {
                    throw new WaveformFormatException(t.Line, "unexpected '" + Shorten(s) + "' in the value changes (expected #time, 0/1/x/z<id>, b<bits> <id> or r<real> <id>).");
                }
            }
        }

        private static List<Token> ReadSection(IEnumerator<Token> tokens, Token keyword)
        {
            var body = new List<Token>();
            if (keyword.Text == "$end")
            {
                return body;
            }

            while (tokens.MoveNext())
            {
                if (tokens.Current.Text == "$end")
                {
                    return body;
                }

                body.Add(tokens.Current);
            }

            throw new WaveformFormatException(keyword.Line, keyword.Text + " section is not closed by $end.");
        }

        private static long ParseTimescale(List<Token> body, int line)
        {
            string text = "";
            foreach (var t in body)
            {
                text += t.Text;
            }

            int digits = 0;
            while (digits < text.Length && char.IsDigit(text[digits]))
            {
                digits++;
            }

            string number = text.Substring(0, digits);
            string unit = text.Substring(digits);
            long multiplier;
            switch (number)
            {
                case "1": multiplier = 1; break;
                case "10": multiplier = 10; break;
                case "100": multiplier = 100; break;
                default:
                    throw new WaveformFormatException(line, "unknown $timescale '" + text + "': expected 1, 10 or 100 followed by s, ms, us, ns, ps or fs.");
            }

            long unitFs;
            switch (unit)
            {
                case "s": unitFs = 1000000000000000; break;
                case "ms": unitFs = 1000000000000; break;
                case "us": unitFs = 1000000000; break;
                case "ns": unitFs = 1000000; break;
                case "ps": unitFs = 1000; break;
                case "fs": unitFs = 1; break;
                default:
                    throw new WaveformFormatException(line, "unknown $timescale '" + text + "': expected 1, 10 or 100 followed by s, ms, us, ns, ps or fs.");
            }

            return multiplier * unitFs;
        }

        private static void AddVar(List<Token> body, int line, List<string> scopes, List<VcdSignal> signals, Dictionary<string, List<(long Time, bool Level)>> changes)
        {
            if (body.Count < 4)
            {
                throw new WaveformFormatException(line, "$var needs: type width identifier reference $end.");
            }

            int width;
            if (!int.TryParse(body[1].Text, out width) || width < 1)
            {
                throw new WaveformFormatException(line, "$var width '" + Shorten(body[1].Text) + "' is not a positive integer.");
            }

            string id = body[2].Text;
            string reference = body[3].Text;
            string full = scopes.Count == 0 ? reference : string.Join(".", scopes) + "." + reference;
            signals.Add(new VcdSignal(full, reference, id, width, body[0].Text));
            if (!changes.ContainsKey(id))
            {
                changes[id] = new List<(long Time, bool Level)>();
            }
        }

        private static void Record(Dictionary<string, List<(long Time, bool Level)>> changes, string id, int line, long now, char value)
        {
            List<(long Time, bool Level)> list;
            if (!changes.TryGetValue(id, out list))
            {
                throw new WaveformFormatException(line, "value change for identifier code '" + Shorten(id) + "', which no $var declares.");
            }

            if (value != '0' && value != '1')
            {
                return; // x or z: no level.
            }

            list.Add((now, value == '1'));
        }

        private static char VectorLevel(string bits, int line)
        {
            bool known = false;
            foreach (char b in bits)
            {
                if (b == '1')
                {
                    return '1';
                }

                if (b == '0')
                {
                    known = true;
                }
                else if (b != 'x' && b != 'X' && b != 'z' && b != 'Z')
                {
                    throw new WaveformFormatException(line, "vector value 'b" + Shorten(bits) + "' has a character other than 0, 1, x, z.");
                }
            }

            return known ? '0' : 'x';
        }

        private static char RealLevel(string text, int line)
        {
            double value;
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                throw new WaveformFormatException(line, "real value 'r" + Shorten(text) + "' is not a number.");
            }

            return value != 0 ? '1' : '0';
        }

        private static string Shorten(string s)
        {
            return s.Length > 40 ? s.Substring(0, 40) + "..." : s;
        }
    }
}
