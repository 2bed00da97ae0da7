using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using NanoIrq.Boards;
using NanoIrq.ButtonCounter;
using NanoIrq.Testing;

namespace NanoIrq.Cli
{
    /// <summary>
    /// A simulated board running ButtonCounter through the real pipeline, wired exactly as the device's
    /// <c>firmware/ButtonCounter/Program.cs</c> wires it with <c>GpioEdgeSource</c>: a
    /// <see cref="SimulatedEdgeSource"/> pin, the <see cref="IrqDispatcher"/>, an <see cref="Irq"/> whose
    /// <see cref="IrqOptions.Filter"/> is the demo's <see cref="CounterButton"/> chain (quiet-time debouncer, then
    /// gestures), and the <see cref="ButtonCounterApp"/> attached to the dispatcher for its blink-out deadlines. Only
    /// the clock (a <see cref="FakeClock"/>) and the LED (a <see cref="SimulatedLed"/>) differ. The statistics come
    /// from the Irq's and the dispatcher's own counters.
    /// </summary>
    public sealed class DemoBench
    {
        private readonly FakeClock _clock = new FakeClock();
        private readonly IrqDispatcher _dispatcher;
        private readonly SimulatedEdgeSource _source;
        private readonly IrqPin _pin;
        private readonly Irq _irq;
        private readonly SimulatedLed _led = new SimulatedLed();
        private readonly ButtonCounterApp _app;
        private readonly CounterButton _button;
        private readonly DemoWiring _wiring;
        private readonly BounceModel _bounce;
        private readonly uint[] _times = new uint[BounceModel.MaxEdgesPerPress];
        private readonly bool[] _levels = new bool[BounceModel.MaxEdgesPerPress];
        private readonly List<long> _rawTimes = new List<long>();
        private readonly List<bool> _rawLevels = new List<bool>();
        private readonly List<long> _debouncedTimes = new List<long>();
        private readonly List<bool> _debouncedLevels = new List<bool>();
        private readonly List<long> _ledTimes = new List<long>();
        private readonly List<bool> _ledLevels = new List<bool>();
        private long _elapsed;
        private int _flash;
        private int _flashes;

        /// <summary>Builds the bench for board <paramref name="boardName"/>; <paramref name="seed"/> seeds the bounce; the button starts released.</summary>
        /// <exception cref="ArgumentException">Unknown board (the message lists the valid names).</exception>
        public DemoBench(string boardName, int seed) : this(boardName, seed, true)
        {
        }

        /// <summary>
        /// Builds the bench for board <paramref name="boardName"/>; <paramref name="seed"/> seeds the bounce;
        /// <paramref name="initialLevel"/> is the button line's level at time 0 (true: high, released).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown board (the message lists the valid names).</exception>
        public DemoBench(string boardName, int seed, bool initialLevel)
            : this(boardName, seed, initialLevel, null)
        {
        }

        /// <summary>
        /// The same with the debouncer <paramref name="options"/> asks for (<c>--debounce</c>, <c>--glitch</c>); the demo's
        /// default quiet-time 20 ms debouncer when it asks for none (or <paramref name="options"/> is null).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown board (the message lists the valid names).</exception>
        public DemoBench(string boardName, int seed, bool initialLevel, DemoOptions options)
        {
            BoardProfile board = BoardCatalog.Find(boardName);
            _wiring = board.Demo;
            BoardName = board.Name;
            InitialLevel = initialLevel;
            _dispatcher = new IrqDispatcher(_clock);
            _source = new SimulatedEdgeSource(_dispatcher);
            _source.Pin(_wiring.ButtonPin).Drive(initialLevel); // released: the pull-up holds the line high
            board.ValidateOutput(_wiring.LedPin);
            IEdgeFilter debouncer = options == null || (options.Debounce == null && options.GlitchMicros == 0)
                ? null
                : ReplayPipeline.CreateFilter(options.DebounceMode, initialLevel, _wiring.ButtonActiveLow, options.PressMicros, options.ReleaseMicros, options.GlitchMicros);
            Debounce = debouncer == null ? "quiet:20ms (default)" : (options.Debounce ?? "quiet:20ms") + (options.GlitchMicros > 0 ? " after glitch " + options.GlitchMicros + " us" : "");
            ButtonCounterSetup demo = new ButtonCounterSetup(_source, board, _led, OnDebouncedEdge, debouncer);
            _app = demo.App;
            _button = demo.Button;
            _pin = demo.Pin;
            _irq = demo.Irq;
            _bounce = new BounceModel(seed);
            _app.Changed += OnChanged;
            _led.Changed += OnLedChanged;
        }

        /// <summary>Board short name.</summary>
        public string BoardName { get; private set; }

        /// <summary>The button's debouncer in words: "quiet:20ms (default)" or the --debounce argument.</summary>
        public string Debounce { get; private set; }

        /// <summary>Level of the button line at time 0.</summary>
        public bool InitialLevel { get; private set; }

        /// <summary>The wiring in words.</summary>
        public string WiringText
        {
            get { return _wiring.ToString(); }
        }

        /// <summary>Time 0 of the run on the bench clock.</summary>
        public uint Origin
        {
            get { return 0; }
        }

        /// <summary>Simulated µs since time 0 (not wrapped).</summary>
        public long ElapsedMicros
        {
            get { return _elapsed; }
        }

        /// <summary>Where change lines go.</summary>
        public TextWriter Display = TextWriter.Null;

        /// <summary>Real ms to pause after each printed line (0: none).</summary>
        public int PaceMillisPerLine;

        /// <summary>The application under test.</summary>
        public ButtonCounterApp App
        {
            get { return _app; }
        }

        /// <summary>The button's Irq (its counters are the raw/filtered/dropped statistics).</summary>
        public Irq ButtonIrq
        {
            get { return _irq; }
        }

        /// <summary>True while a scheduled press or recording still has edges to play.</summary>
        public bool IsPressPlaying
        {
            get { return _source.PendingScriptEdges > 0; }
        }

        /// <summary>Schedules one bouncing press (BounceModel: press bounce, hold of <paramref name="holdMicros"/>, release bounce) starting now.</summary>
        public void Press(int holdMicros)
        {
            uint now = _clock.NowMicros;
            int n = _bounce.WritePress(now, holdMicros, _times, _levels, 0);
            int[] offsets = new int[n];
            bool[] levels = new bool[n];
            for (int i = 0; i < n; i++)
            {
                offsets[i] = Ticks.Diff(_times[i], now);
                levels[i] = _levels[i];
            }

            Play(offsets, levels);
        }

        /// <summary>
        /// Schedules a recorded waveform on the button pin: level <paramref name="levels"/>[i] at now +
        /// <paramref name="offsetsMicros"/>[i] (non-decreasing, ≥ 0).
        /// </summary>
        public void Play(int[] offsetsMicros, bool[] levels)
        {
            _source.Play(_wiring.ButtonPin, offsetsMicros, levels);
            bool level = _rawLevels.Count == 0 ? InitialLevel : _rawLevels[_rawLevels.Count - 1];
            for (int i = 0; i < offsetsMicros.Length; i++)
            {
                if (levels[i] != level)
                {
                    level = levels[i];
                    _rawTimes.Add(_elapsed + offsetsMicros[i]);
                    _rawLevels.Add(level);
                }
            }
        }

        /// <summary>Runs simulated time up to <paramref name="micros"/> µs after time 0 (absolute), 1 ms steps, delivering as it goes.</summary>
        public void RunUntil(long micros)
        {
            while (true)
            {
                long left = micros - _elapsed;
                if (left <= 0)
                {
                    break;
                }

                int step = left < 1000 ? (int)left : 1000;
                _source.Advance(step);
                _elapsed += step;
                _dispatcher.Poll();
            }
        }

        /// <summary>Runs until the app has nothing pending (no blink-out, no filter deadline), at most <paramref name="maxMicros"/> more.</summary>
        public void RunUntilIdle(long maxMicros)
        {
            long limit = _elapsed + maxMicros;
            uint due;
            while (_elapsed < limit && (_app.IsBlinking || _button.Filter.TryGetDeadline(out due) || _source.PendingScriptEdges > 0))
            {
                RunUntil(Math.Min(limit, _elapsed + 10000));
            }
        }

        /// <summary>Report of the run so far.</summary>
        public DemoReport Report(int seed, string source)
        {
            DemoReport r = new DemoReport();
            r.Board = BoardName;
            r.Seed = seed;
            r.Source = source;
            r.PressesCounted = _app.TotalPresses;
            r.FinalCount = _app.Count;
            r.Resets = _app.Resets;
            r.BlinkOuts = _app.BlinkOuts;
            r.LedOn = _led.IsOn;
            r.RawEdges = _irq.Stats.EdgesSeen;
            r.Filtered = _irq.Stats.Filtered;
            r.Delivered = _irq.Stats.Delivered;
            r.Dropped = _irq.Stats.Dropped + _dispatcher.Stats.Unrouted;
            r.Faults = _dispatcher.Faults.Recorded; // every handler/target fault, the button Irq's included
            r.RingHighWater = _dispatcher.Stats.RingHighWater;
            r.SimulatedMillis = _elapsed / 1000;
            return r;
        }

        /// <summary>Writes the run as a VCD (1 µs timescale): <c>button</c> (raw line), <c>debounced</c> (the Irq's edges after the filter), <c>led</c>.</summary>
        public void WriteVcd(TextWriter output, string comment)
        {
            VcdWriter writer = new VcdWriter("button_counter");
            writer.AddSignal("button", InitialLevel, _rawTimes.ToArray(), _rawLevels.ToArray());
            writer.AddSignal("debounced", InitialLevel, _debouncedTimes.ToArray(), _debouncedLevels.ToArray());
            writer.AddSignal("led", false, _ledTimes.ToArray(), _ledLevels.ToArray());
            writer.Write(output, comment);
        }

        private long Elapsed(uint stamp)
        {
            return _elapsed - Ticks.Diff(_clock.NowMicros, stamp);
        }

        private void OnDebouncedEdge(Irq irq, EdgeRecord edge)
        {
            _debouncedTimes.Add(Elapsed(edge.TimeMicros));
            _debouncedLevels.Add(edge.Level);
        }

        private void OnLedChanged(bool on)
        {
            _ledTimes.Add(_elapsed);
            _ledLevels.Add(on);
            if (on && _app.IsBlinking)
            {
                _flash++;
                Display.WriteLine("  " + (_elapsed / 1000000.0).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(8) + " s             LED ON   flash "
                    + _flash.ToString(CultureInfo.InvariantCulture) + " of " + _flashes.ToString(CultureInfo.InvariantCulture));
                Pace();
            }
        }

        private void Pace()
        {
            if (PaceMillisPerLine > 0)
            {
                Thread.Sleep(PaceMillisPerLine);
            }
        }

        private void OnChanged(ButtonCounterApp app, CounterChange change, uint now)
        {
            string what;
            switch (change)
            {
                case CounterChange.Pressed: what = "press"; break;
                case CounterChange.Reset: what = "long press: reset"; break;
                case CounterChange.BlinkOutStarted:
                    what = "double click: blinking out " + app.Count.ToString(CultureInfo.InvariantCulture);
                    _flash = 0;
                    _flashes = app.Count;
                    break;
                case CounterChange.BlinkOutFinished: what = "blink-out done"; break;
                default: what = "blink-out cancelled"; break;
            }

            Display.WriteLine("  " + (Elapsed(now) / 1000000.0).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(8) + " s  "
                + "count " + app.Count.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "  LED " + (app.LedOn ? "ON " : "off") + "  " + what
                + "  (raw edges so far " + _irq.Stats.EdgesSeen.ToString(CultureInfo.InvariantCulture) + ")");
            Pace();
        }
    }
}
