using System;
using System.Globalization;

namespace NanoIrq.Cli
{
    /// <summary>
    /// A recorded button line as calibration reads it: edge times in whole µs from the recording's zero (ns / 1000,
    /// truncated, as <see cref="Waveform.ToEdges"/> stamps them for the filters), the physical level after each edge and
    /// whether that level is pressed. Starts and ends released.
    /// </summary>
    /// <remarks>
    /// Between two edges lies a <i>stretch</i>: stretch <c>i</c> runs from edge <c>i</c> to edge <c>i + 1</c> at the level
    /// edge <c>i</c> left. The stretch before the first edge and the one after the last are released and, for the filters,
    /// endless (the initial level is given to them, and they are ticked well past the end).
    /// </remarks>
    public sealed class ButtonCapture
    {
        /// <summary>Longest recording calibrate reads: 4,000,000,000 µs (66 minutes), so that filter times, kept modulo 2^32
        /// µs, never wrap while the filters are ticked past its end.</summary>
        public const long MaxEndMicros = 4000000000L;

        private readonly long[] _times;
        private readonly bool[] _levels;

        private ButtonCapture(string name, bool activeLow, long[] times, bool[] levels, long endMicros)
        {
            Name = name;
            ActiveLow = activeLow;
            _times = times;
            _levels = levels;
            EndMicros = endMicros;
        }

        /// <summary>Signal name as found in the file.</summary>
        public string Name { get; }

        /// <summary>True when pressed is the low level.</summary>
        public bool ActiveLow { get; }

        /// <summary>Physical level before the first edge: the released level.</summary>
        public bool InitialLevel => ActiveLow;

        /// <summary>Number of edges.</summary>
        public int Count => _times.Length;

        /// <summary>Last time the recording covers, µs (at least the last edge).</summary>
        public long EndMicros { get; }

        /// <summary>Time of edge <paramref name="i"/>, µs.</summary>
        public long Time(int i) => _times[i];

        /// <summary>Physical level after edge <paramref name="i"/> (true = high).</summary>
        public bool Level(int i) => _levels[i];

        /// <summary>True when edge <paramref name="i"/> goes to the pressed level.</summary>
        public bool Pressed(int i) => _levels[i] != ActiveLow;

        /// <summary>Length of stretch <paramref name="i"/> (edge i to edge i + 1), µs, for i in [0, Count - 2].</summary>
        public long Stretch(int i) => _times[i + 1] - _times[i];

        /// <summary>Edges that go to the pressed level: the most presses the capture can hold.</summary>
        public int PressEdges
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _levels.Length; i++)
                {
                    if (_levels[i] != ActiveLow)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>The edge times as a new array (µs).</summary>
        public long[] CopyTimes() => (long[])_times.Clone();

        /// <summary>The same edges at other times (same count, not decreasing); the end keeps its distance to the last edge.</summary>
        public ButtonCapture WithTimes(long[] times)
        {
            if (times == null || times.Length != _times.Length)
            {
                throw new ArgumentException("one time per edge.", nameof(times));
            }

            long tail = _times.Length == 0 ? 0 : EndMicros - _times[_times.Length - 1];
            long end = times.Length == 0 ? EndMicros : times[times.Length - 1] + tail;
            return new ButtonCapture(Name, ActiveLow, (long[])times.Clone(), _levels, end);
        }

        /// <summary>Builds a capture from explicit edges (used by probes): starts at the released level, levels alternate.</summary>
        public static ButtonCapture FromEdges(bool activeLow, long[] times, bool[] pressed, long endMicros)
        {
            var levels = new bool[pressed.Length];
            for (int i = 0; i < pressed.Length; i++)
            {
                levels[i] = pressed[i] != activeLow;
            }

            return new ButtonCapture("probe", activeLow, (long[])times.Clone(), levels, Math.Max(endMicros, times.Length == 0 ? 0 : times[times.Length - 1]));
        }

        /// <summary>
        /// The capture of <paramref name="wave"/>; throws <see cref="CalibrationInputException"/> when it cannot be
        /// calibrated: no edges, a single edge, or a line that starts or ends pressed.
        /// </summary>
        public static ButtonCapture From(Waveform wave, bool activeLow)
        {
            string released = activeLow ? "1" : "0";
            string pressedText = activeLow ? "0" : "1";
            if (wave.Count == 0)
            {
                throw new CalibrationInputException("no edges on signal '" + wave.Name + "': it stays at " + (wave.InitialLevel ? 1 : 0) + " for the whole " +
                    Format.Seconds(wave.EndNanos / 1000) + " recording (wrong --signal, or the button was never pressed?); calibrate needs 1 or more presses.");
            }

            if (wave.Count == 1)
            {
                throw new CalibrationInputException("only one edge on signal '" + wave.Name + "' (at " + Format.Seconds(wave.TimeNanos(0) / 1000) +
                    "): a press needs at least two, one to the pressed level and one back.");
            }

            if (wave.InitialLevel != activeLow)
            {
                throw new CalibrationInputException("signal '" + wave.Name + "' starts at " + (wave.InitialLevel ? 1 : 0) + ", the pressed level " +
                    (activeLow ? "with --active-low" : "without --active-low") + "; start the recording with the button released (" + released + ")" +
                    (activeLow ? ", or drop --active-low if pressed is high." : ", or pass --active-low if pressed is low (button to GND with a pull-up)."));
            }

            if (wave.Level(wave.Count - 1) != activeLow)
            {
                throw new CalibrationInputException("signal '" + wave.Name + "' ends pressed (" + pressedText + " from " + Format.Seconds(wave.TimeNanos(wave.Count - 1) / 1000) +
                    "): keep recording until after the last release.");
            }

            if (wave.EndNanos / 1000 > MaxEndMicros)
            {
                throw new CalibrationInputException("the recording lasts " + Format.Seconds(wave.EndNanos / 1000) + "; calibrate reads captures of up to " +
                    Format.Seconds(MaxEndMicros) + " (a NanoIrq clock wraps after 71 minutes): cut it to the presses.");
            }

            var times = new long[wave.Count];
            var levels = new bool[wave.Count];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = wave.TimeNanos(i) / 1000;
                levels[i] = wave.Level(i);
            }

            return new ButtonCapture(wave.Name, activeLow, times, levels, wave.EndNanos / 1000);
        }
    }

    /// <summary>The capture or the options cannot be calibrated; the message says why in words (exit code 2).</summary>
    public sealed class CalibrationInputException : Exception
    {
        /// <summary>Creates the exception with the message printed after "nanoirq calibrate: ".</summary>
        public CalibrationInputException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Number formats shared by the calibrate output (invariant culture).</summary>
    public static class Format
    {
        /// <summary>"1.234 s" from µs.</summary>
        public static string Seconds(long micros) => (micros / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " s";

        /// <summary>"21.6 ms", "0.35 ms", "157 ms" from µs: 3 significant digits, at least 0.01 ms.</summary>
        public static string Ms(double micros)
        {
            double ms = micros / 1000.0;
            string f = ms >= 100 ? "0" : ms >= 10 ? "0.0" : "0.00";
            return ms.ToString(f, CultureInfo.InvariantCulture) + " ms";
        }

        /// <summary>A time as <c>replay</c>'s options read it back exactly: "20ms", "12.5ms", "500us".</summary>
        public static string Argument(int micros)
        {
            if (micros % 1000 == 0)
            {
                return (micros / 1000).ToString(CultureInfo.InvariantCulture) + "ms";
            }

            if (micros < 1000)
            {
                return micros.ToString(CultureInfo.InvariantCulture) + "us";
            }

            return (micros / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        /// <summary>"x2.4", "x10+" for a margin factor.</summary>
        public static string Factor(double f) => f >= SettingSearch.MaxMargin ? "x" + SettingSearch.MaxMargin.ToString("0", CultureInfo.InvariantCulture) + "+" : "x" + f.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
