using System;
using System.Globalization;
using System.IO;
using System.Threading;
using NanoIrq.Boards;
using NanoIrq.ButtonCounter;

namespace NanoIrq.Cli
{
    /// <summary>
    /// A simulated board running ButtonCounter: fake clock, dispatcher, simulated edge source, the button
    /// Irq with the demo's <see cref="CounterButton"/> filter, and a <see cref="SimulatedLed"/>; the same
    /// firmware classes as on the device. Prints each change the way a person would see it.
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

        /// <summary>Builds the bench for board <paramref name="boardName"/>; <paramref name="seed"/> seeds the bounce.</summary>
        /// <exception cref="ArgumentException">Unknown board (the message lists the valid names).</exception>
        public DemoBench(string boardName, int seed)
        {
            BoardProfile board = Boards.Boards.Find(boardName);
            _wiring = Boards.Boards.DemoWiringFor(boardName);
            BoardName = boardName;
            _dispatcher = new IrqDispatcher(_clock);
            _source = new SimulatedEdgeSource(_dispatcher);
            _source.Pin(_wiring.ButtonPin).Drive(true); // idle: the pull-up holds the line high
            _app = new ButtonCounterApp(_led);
            _button = new CounterButton(_app);
            _pin = new IrqPin(_source, board, _wiring.ButtonPin, _wiring.ButtonPull, _wiring.ButtonActiveLow);
            IrqOptions options = new IrqOptions();
            options.Filter = _button.Filter;
            _irq = _pin.Irq(OnDebouncedEdge, IrqTrigger.Rising | IrqTrigger.Falling, options);
            _dispatcher.Attach(_app);
            _bounce = new BounceModel(seed);
            _app.Changed += OnChanged;
        }

        /// <summary>Board short name.</summary>
        public string BoardName { get; private set; }

        /// <summary>The wiring in words.</summary>
        public string WiringText
        {
            get { return _wiring.ToString(); }
        }

        /// <summary>Time 0 of the run.</summary>
        public uint Origin
        {
            get { return 0; }
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

        /// <summary>Schedules one bouncing press of <paramref name="holdMicros"/> starting now.</summary>
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

            _source.Play(_wiring.ButtonPin, offsets, levels);
        }

        /// <summary>Runs simulated time up to <paramref name="micros"/> (absolute), 1 ms steps, delivering as it goes.</summary>
        public void RunUntil(uint micros)
        {
            while (true)
            {
                int left = Ticks.Diff(micros, _clock.NowMicros);
                if (left <= 0)
                {
                    break;
                }

                _source.Advance(left < 1000 ? left : 1000);
                _dispatcher.Poll();
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
            r.RawEdges = _irq.EdgesSeen;
            r.Filtered = _irq.Filtered;
            r.Dropped = _irq.Dropped + _dispatcher.Unrouted;
            r.Faults = _dispatcher.Faults.Recorded;
            r.SimulatedMillis = _clock.NowMicros / 1000;
            return r;
        }

        private void OnDebouncedEdge(Irq irq, EdgeRecord edge)
        {
        }

        private void OnChanged(ButtonCounterApp app, CounterChange change, uint now)
        {
            string what;
            switch (change)
            {
                case CounterChange.Pressed: what = "press"; break;
                case CounterChange.Reset: what = "long press: reset"; break;
                case CounterChange.BlinkOutStarted: what = "double click: blinking out " + app.Count.ToString(CultureInfo.InvariantCulture); break;
                case CounterChange.BlinkOutFinished: what = "blink-out done"; break;
                default: what = "blink-out cancelled"; break;
            }

            Display.WriteLine("  " + (now / 1000000.0).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(8) + " s  "
                + "count " + app.Count.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "  LED " + (app.LedOn ? "ON " : "off") + "  " + what
                + "  (raw edges so far " + _irq.EdgesSeen.ToString(CultureInfo.InvariantCulture) + ")");
            if (PaceMillisPerLine > 0)
            {
                Thread.Sleep(PaceMillisPerLine);
            }
        }
    }
}
