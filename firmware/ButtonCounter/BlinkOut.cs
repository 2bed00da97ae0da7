using System;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// Blinks a number out on an LED, driven by time (never sleeping): dark for
    /// <see cref="PauseMicros"/>, then N flashes of <see cref="OnMicros"/> lit and <see cref="OffMicros"/>
    /// dark, then dark for another <see cref="PauseMicros"/>, then the LED goes back to the state it
    /// should show (the caller's <c>restoreOn</c>).
    /// </summary>
    /// <remarks>
    /// <para>Defaults: 600 ms pause, 200 ms lit, 300 ms dark, so a count of 3 takes
    /// 600 + 3 × 500 - 300 + 600 = 2,400 ms (the last flash's 300 ms dark is replaced by the closing pause).</para>
    /// <para>A pure state machine: <see cref="TryGetDeadline"/> says when the next step is due and <see cref="Service"/>
    /// runs the steps due by then (the demo calls it from a one-shot <see cref="TimerIrq"/>, see
    /// <c>ButtonCounterSetup</c>). Each step is scheduled from the previous deadline, not from the time
    /// <see cref="Service"/> ran, so a late call does not stretch the pattern; if several steps are overdue, one
    /// <see cref="Service"/> call runs them all. Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class BlinkOut
    {
        /// <summary>Smallest accepted phase length: 1 ms.</summary>
        public const int MinPhaseMillis = 1;

        /// <summary>Largest accepted phase length: 10,000 ms.</summary>
        public const int MaxPhaseMillis = 10000;

        private readonly ILed _led;
        private bool _active;
        private const int PhaseLeadIn = 0;
        private const int PhaseLit = 1;
        private const int PhaseDark = 2;
        private const int PhaseClosing = 3;
        private int _phase;
        private int _flashesLeft;
        private bool _restoreOn;
        private uint _deadline;
        private int _completed;

        /// <summary>Creates a blink-out on <paramref name="led"/> with the default timing (600 ms pause, 200 ms lit, 300 ms dark).</summary>
        public BlinkOut(ILed led) : this(led, 600, 200, 300)
        {
        }

        /// <summary>Creates a blink-out on <paramref name="led"/> with the given phase lengths, each in ms.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="led"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A phase length is outside [1, 10000] ms.</exception>
        public BlinkOut(ILed led, int pauseMillis, int onMillis, int offMillis)
        {
            if (led == null)
            {
                throw new ArgumentNullException("led");
            }

            CheckPhase(pauseMillis, "pauseMillis");
            CheckPhase(onMillis, "onMillis");
            CheckPhase(offMillis, "offMillis");
            _led = led;
            PauseMicros = Ticks.FromMillis(pauseMillis);
            OnMicros = Ticks.FromMillis(onMillis);
            OffMicros = Ticks.FromMillis(offMillis);
        }

        /// <summary>Dark time before the first flash and after the last one, in µs.</summary>
        public int PauseMicros { get; private set; }

        /// <summary>Lit time of one flash, in µs.</summary>
        public int OnMicros { get; private set; }

        /// <summary>Dark time between two flashes, in µs.</summary>
        public int OffMicros { get; private set; }

        /// <summary>True from <see cref="Start"/> until the pattern ends or <see cref="Cancel"/> is called.</summary>
        public bool IsActive
        {
            get { return _active; }
        }

        /// <summary>Flashes not yet started in the current pattern (0 when idle).</summary>
        public int FlashesLeft
        {
            get { return _active ? _flashesLeft : 0; }
        }

        /// <summary>Number of patterns that ran to their end (cancelled ones are not counted).</summary>
        public int Completed
        {
            get { return _completed; }
        }

        /// <summary>
        /// Total length in µs of the pattern for <paramref name="count"/> flashes: pause, count × (lit + dark)
        /// with the last dark replaced by the closing pause. A count of 0 is the two pauses alone.
        /// </summary>
        public int DurationMicros(int count)
        {
            if (count <= 0)
            {
                return 2 * PauseMicros;
            }

            return PauseMicros + count * (OnMicros + OffMicros) - OffMicros + PauseMicros;
        }

        /// <summary>
        /// Starts blinking <paramref name="count"/> flashes at <paramref name="nowMicros"/> (the LED goes dark
        /// at once), replacing any pattern in progress. At the end the LED is set to <paramref name="restoreOn"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [0, 1000]; nothing changes.</exception>
        public void Start(int count, uint nowMicros, bool restoreOn)
        {
            if (count < 0 || count > 1000)
            {
                throw new ArgumentOutOfRangeException("count", "must be in [0, 1000] flashes.");
            }

            _active = true;
            _flashesLeft = count;
            _phase = PhaseLeadIn;
            _restoreOn = restoreOn;
            _deadline = Ticks.Add(nowMicros, PauseMicros);
            _led.Write(false);
        }

        /// <summary>Changes the state the LED returns to at the end of the pattern (a press during the pattern toggles it).</summary>
        public void SetRestoreState(bool on)
        {
            _restoreOn = on;
        }

        /// <summary>Stops the pattern now; the LED is left as it is (the caller writes the state it wants).</summary>
        public void Cancel()
        {
            _active = false;
            _flashesLeft = 0;
        }

        /// <summary>True and the time of the next step (µs, wrapping) while a pattern runs; false when idle.</summary>
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _deadline;
            return _active;
        }

        /// <summary>Runs every step due at <paramref name="nowMicros"/> (an early call does nothing).</summary>
        public void Service(uint nowMicros)
        {
            while (_active && Ticks.Diff(nowMicros, _deadline) >= 0)
            {
                switch (_phase)
                {
                    case PhaseLeadIn:
                    case PhaseDark:
                        if (_flashesLeft > 0)
                        {
                            _led.Write(true);
                            _flashesLeft--;
                            _phase = PhaseLit;
                            _deadline = Ticks.Add(_deadline, OnMicros);
                        }
                        else
                        {
                            _phase = PhaseClosing;
                            _deadline = Ticks.Add(_deadline, PauseMicros);
                        }

                        break;
                    case PhaseLit:
                        _led.Write(false);
                        if (_flashesLeft > 0)
                        {
                            _phase = PhaseDark;
                            _deadline = Ticks.Add(_deadline, OffMicros);
                        }
                        else
                        {
                            _phase = PhaseClosing;
                            _deadline = Ticks.Add(_deadline, PauseMicros);
                        }

                        break;
                    default:
                        _active = false;
                        _completed++;
                        _led.Write(_restoreOn);
                        break;
                }
            }
        }

        private static void CheckPhase(int millis, string name)
        {
            if (millis < MinPhaseMillis || millis > MaxPhaseMillis)
            {
                throw new ArgumentOutOfRangeException(name, "must be in [1, 10000] ms.");
            }
        }
    }
}
