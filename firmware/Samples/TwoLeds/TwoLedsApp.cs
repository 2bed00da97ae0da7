using System;
using NanoIrq.Testing;

namespace NanoIrq.Samples
{
    /// <summary>
    /// The TwoLeds sample's behaviour, free of hardware: two LEDs blink at different rates from two
    /// <see cref="TimerIrq"/>s whose handlers are bound methods of this one object, and a jitter report of
    /// both timers is produced every 5 s by a <see cref="FixedRateTask"/> polled from the main loop.
    /// </summary>
    /// <remarks>
    /// <para>The red LED toggles every <see cref="RedPeriodMillis"/> (250 ms, so it blinks at 2 Hz), the green
    /// one every <see cref="GreenPeriodMillis"/> (400 ms, 1.25 Hz). Timers run on the dispatcher's thread (or
    /// on whoever calls <c>IrqDispatcher.Poll</c>); the report runs on the main loop through
    /// <see cref="PollReport"/>, which then resets the timers' statistics so that each report covers the
    /// last 5 s. The same object runs on a board (Program.cs) and on the host with a FakeClock.</para>
    /// </remarks>
    public sealed class TwoLedsApp : IDisposable
    {
        /// <summary>Red LED toggle period: 250 ms.</summary>
        public const int RedPeriodMillis = 250;

        /// <summary>Green LED toggle period: 400 ms.</summary>
        public const int GreenPeriodMillis = 400;

        /// <summary>Jitter report period: 5,000 ms.</summary>
        public const int ReportPeriodMillis = 5000;

        private readonly IrqDispatcher _dispatcher;
        private readonly IDigitalOutput _redLed;
        private readonly IDigitalOutput _greenLed;
        private readonly TimerIrq _red;
        private readonly TimerIrq _green;
        private readonly FixedRateTask _reporter;
        private bool _redOn;
        private bool _greenOn;
        private int _reports;
        private string _lastReport = "";

        /// <summary>Creates the sample on <paramref name="dispatcher"/>, driving <paramref name="redLed"/> and <paramref name="greenLed"/> (both start dark).</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public TwoLedsApp(IrqDispatcher dispatcher, IDigitalOutput redLed, IDigitalOutput greenLed)
        {
            if (dispatcher == null)
            {
                throw new ArgumentNullException("dispatcher");
            }

            if (redLed == null)
            {
                throw new ArgumentNullException("redLed");
            }

            if (greenLed == null)
            {
                throw new ArgumentNullException("greenLed");
            }

            _dispatcher = dispatcher;
            _redLed = redLed;
            _greenLed = greenLed;
            _red = new TimerIrq(dispatcher.Clock, ToggleRed, "red");
            _green = new TimerIrq(dispatcher.Clock, ToggleGreen, "green");
            _reporter = new FixedRateTask(dispatcher.Clock, MakeReport, "report");
            _redLed.Write(false);
            _greenLed.Write(false);
            dispatcher.Attach(_red);
            dispatcher.Attach(_green);
        }

        /// <summary>The red LED's timer (for its counters, statistics and debug pin).</summary>
        public TimerIrq Red
        {
            get { return _red; }
        }

        /// <summary>The green LED's timer.</summary>
        public TimerIrq Green
        {
            get { return _green; }
        }

        /// <summary>Whether the red LED is lit.</summary>
        public bool RedOn
        {
            get { return _redOn; }
        }

        /// <summary>Whether the green LED is lit.</summary>
        public bool GreenOn
        {
            get { return _greenOn; }
        }

        /// <summary>Reports made so far.</summary>
        public int Reports
        {
            get { return _reports; }
        }

        /// <summary>The latest report: for each timer its counters, lateness and handler duration over the last 5 s ("" before the first).</summary>
        public string LastReport
        {
            get { return _lastReport; }
        }

        /// <summary>ms until the next report is due, for the main loop's <c>Thread.Sleep</c> (0 when due, -1 before <see cref="Start"/>).</summary>
        public int MillisUntilReport
        {
            get { return _reporter.MillisUntilDue; }
        }

        /// <summary>Starts both timers and the report schedule, and wakes the dispatcher to see the new deadlines.</summary>
        public void Start()
        {
            _red.StartPeriodicMillis(RedPeriodMillis);
            _green.StartPeriodicMillis(GreenPeriodMillis);
            _reporter.Start(ReportPeriodMillis);
            _dispatcher.Wake();
        }

        /// <summary>Main-loop side: makes the report when it is due. Returns true when <see cref="LastReport"/> is new.</summary>
        public bool PollReport()
        {
            return _reporter.Poll();
        }

        /// <summary>Stops the timers, detaches them and darkens both LEDs.</summary>
        public void Dispose()
        {
            _reporter.Stop();
            _dispatcher.Detach(_red);
            _dispatcher.Detach(_green);
            _red.Dispose();
            _green.Dispose();
            _redLed.Write(false);
            _greenLed.Write(false);
        }

        private void ToggleRed(TimerIrq timer)
        {
            _redOn = !_redOn;
            _redLed.Write(_redOn);
        }

        private void ToggleGreen(TimerIrq timer)
        {
            _greenOn = !_greenOn;
            _greenLed.Write(_greenOn);
        }

        private void MakeReport(FixedRateTask task)
        {
            _lastReport = _red.Report() + "\n" + _green.Report();
            _red.ResetStatistics();
            _green.ResetStatistics();
            _reports++;
        }
    }
}
