using System;

namespace NanoIrq.Testing
{
    /// <summary>
    /// Virtual pins on the dispatcher's clock, for tests, the simulator CLI and the demo on the host: drive levels
    /// by hand (<see cref="SimulatedPin.Drive"/>) or play scripted waveforms while stepping a <see cref="FakeClock"/>
    /// (<see cref="Play"/>, <see cref="Advance"/>).
    /// </summary>
    /// <remarks>
    /// Pin numbers 0 to <see cref="IrqDispatcher.MaxPin"/>. Edges are stamped exactly (StampIsLate false). The source
    /// never polls the dispatcher: call <see cref="IrqDispatcher.Poll"/> (or run its thread) to deliver. Not safe
    /// for use from several threads at once; <see cref="SupportsHardActions"/> is false.
    /// </remarks>
    public sealed class SimulatedEdgeSource : IEdgeSource
    {
        private readonly IrqDispatcher _dispatcher;
        private readonly SimulatedPin[] _pins = new SimulatedPin[IrqDispatcher.MaxPin + 1];
        private readonly int[][] _scriptTimes = new int[IrqDispatcher.MaxPin + 1][];
        private readonly bool[][] _scriptLevels = new bool[IrqDispatcher.MaxPin + 1][];
        private readonly int[] _scriptIndex = new int[IrqDispatcher.MaxPin + 1];
        private readonly uint[] _scriptStart = new uint[IrqDispatcher.MaxPin + 1];
        private int _scripts;

        /// <summary>Creates a simulated source posting to <paramref name="dispatcher"/> and stamping with its clock.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
        public SimulatedEdgeSource(IrqDispatcher dispatcher)
        {
            if (dispatcher == null)
            {
                throw new ArgumentNullException("dispatcher");
            }

            _dispatcher = dispatcher;
        }

        /// <inheritdoc />
        public string Name
        {
            get { return "simulator"; }
        }

        /// <inheritdoc />
        public IrqDispatcher Dispatcher
        {
            get { return _dispatcher; }
        }

        /// <summary>False: the simulator has no interrupt context to run hard actions in.</summary>
        public bool SupportsHardActions
        {
            get { return false; }
        }

        /// <summary>Scripted edges not yet played, over all pins.</summary>
        public int PendingScriptEdges
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _scriptTimes.Length; i++)
                {
                    if (_scriptTimes[i] != null)
                    {
                        n += _scriptTimes[i].Length - _scriptIndex[i];
                    }
                }

                return n;
            }
        }

        /// <summary>The virtual pin <paramref name="number"/> (created on first use, then the same object).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside [0, MaxPin].</exception>
        public SimulatedPin Pin(int number)
        {
            IrqDispatcher.CheckPinNumber(number, "number");
            SimulatedPin pin = _pins[number];
            if (pin == null)
            {
                pin = new SimulatedPin(this, number);
                _pins[number] = pin;
            }

            return pin;
        }

        /// <inheritdoc />
        public void OpenInput(int pin, PinPull pull)
        {
            SimulatedPin p = Pin(pin);
            if (p.IsOpen)
            {
                throw new ArgumentException("simulator: GPIO " + pin.ToString() + " is already open.", "pin");
            }

            p.Open(pull);
        }

        /// <inheritdoc />
        public void CloseInput(int pin)
        {
            if (pin >= 0 && pin <= IrqDispatcher.MaxPin && _pins[pin] != null)
            {
                _pins[pin].Close();
            }
        }

        /// <inheritdoc />
        public bool ReadLevel(int pin)
        {
            return Pin(pin).Level;
        }

        /// <summary>
        /// Schedules a waveform on <paramref name="pin"/>: level <paramref name="levels"/>[i] is driven at
        /// now + <paramref name="offsetsMicros"/>[i] µs, as <see cref="Advance"/> passes that time. Replaces any
        /// script still playing on that pin. The arrays are used in place (not copied): do not change them while
        /// the script plays.
        /// </summary>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentException">The arrays differ in length, or an offset is negative or smaller than the
        /// one before (offsets must be non-decreasing; equal offsets make zero-width pulses). Nothing is scheduled.</exception>
        public void Play(int pin, int[] offsetsMicros, bool[] levels)
        {
            IrqDispatcher.CheckPinNumber(pin, "pin");
            if (offsetsMicros == null)
            {
                throw new ArgumentNullException("offsetsMicros");
            }

            if (levels == null)
            {
                throw new ArgumentNullException("levels");
            }

            if (levels.Length != offsetsMicros.Length)
            {
                throw new ArgumentException("must have one level per offset (" + offsetsMicros.Length.ToString() + ").", "levels");
            }

            int previous = 0;
            for (int i = 0; i < offsetsMicros.Length; i++)
            {
                if (offsetsMicros[i] < previous)
                {
                    throw new ArgumentException("offsets must be >= 0 µs and non-decreasing; index " + i.ToString() + " is not.", "offsetsMicros");
                }

                previous = offsetsMicros[i];
            }

            Pin(pin);
            if (_scriptTimes[pin] == null)
            {
                _scripts++;
            }

            _scriptTimes[pin] = offsetsMicros;
            _scriptLevels[pin] = levels;
            _scriptIndex[pin] = 0;
            _scriptStart[pin] = _dispatcher.Clock.NowMicros;
        }

        /// <summary>
        /// Steps the dispatcher's <see cref="FakeClock"/> forward by <paramref name="micros"/> µs, stopping at each
        /// scripted edge on the way (in time order across pins; equal times in pin-number order) to drive it at its
        /// exact time. Does not poll the dispatcher.
        /// </summary>
        /// <returns>How many scripted levels were driven.</returns>
        /// <exception cref="InvalidOperationException">The dispatcher's clock is not a <see cref="FakeClock"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="micros"/> is negative.</exception>
        public int Advance(int micros)
        {
            FakeClock clock = _dispatcher.Clock as FakeClock;
            if (clock == null)
            {
                throw new InvalidOperationException("simulator: Advance needs the dispatcher to run on a FakeClock.");
            }

            if (micros < 0)
            {
                throw new ArgumentOutOfRangeException("micros", "must be >= 0 µs: a clock never runs backwards.");
            }

            uint end = Ticks.Add(clock.NowMicros, micros);
            int played = 0;
            while (_scripts > 0)
            {
                int best = -1;
                uint bestTime = 0;
                for (int p = 0; p < _scriptTimes.Length; p++)
                {
                    int[] times = _scriptTimes[p];
                    if (times == null)
                    {
                        continue;
                    }

                    uint t = Ticks.Add(_scriptStart[p], times[_scriptIndex[p]]);
                    if (Ticks.Diff(end, t) >= 0 && (best < 0 || Ticks.IsBefore(t, bestTime)))
                    {
                        best = p;
                        bestTime = t;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                int step = Ticks.Diff(bestTime, clock.NowMicros);
                if (step > 0)
                {
                    clock.Advance(step);
                }

                int index = _scriptIndex[best];
                bool level = _scriptLevels[best][index];
                index++;
                if (index >= _scriptTimes[best].Length)
                {
                    _scriptTimes[best] = null;
                    _scriptLevels[best] = null;
                    _scripts--;
                }

                _scriptIndex[best] = index;
                _pins[best].Drive(level);
                played++;
            }

            int rest = Ticks.Diff(end, clock.NowMicros);
            if (rest > 0)
            {
                clock.Advance(rest);
            }

            return played;
        }
    }
}
