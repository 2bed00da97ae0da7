using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using NanoIrq.Boards;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// ButtonCounter's device entry point (device only): builds the demo with <see cref="ButtonCounterSetup"/> on
    /// <see cref="GpioEdgeSource"/> (the board's demo button, checked by the board profile, with the debounce +
    /// gesture chain in the Irq's filter), drives the LED through <see cref="GpioLed"/>, runs the dispatcher thread, and prints the count and the pipeline's statistics
    /// every <see cref="ReportMillis"/> ms with <see cref="Debug.WriteLine(string)"/>.
    /// </summary>
    /// <remarks>
    /// <para>The simulator (<c>nanoirq demo</c>) and the device test <c>ButtonCounterStartupTests</c> build the same
    /// <see cref="ButtonCounterSetup"/> with a simulated source, a fake clock and a simulated LED instead.</para>
    /// <para><b>ESP32 and Pico builds.</b> <c>ButtonCounter.nfproj</c> (ESP32) compiles this file together with
    /// <c>Esp32Program.cs</c>, which implements the partial methods below: the ESP32 µs clock
    /// (<c>Esp32Clock</c>) and the PCNT ground truth (<c>Esp32PulseGroundTruth</c>).
    /// <c>ButtonCounter.Pico.nfproj</c> links every file except <c>Esp32*.cs</c>; the partial methods then have no
    /// body and the compiler removes their calls: the board is <see cref="PicoBoard"/>, the clock is
    /// <see cref="SystemClock"/> and there is no hardware edge count.</para>
    /// </remarks>
    public static partial class Program
    {
        // The board. Change the name to match yours ('nanoirq boards' lists the profiles and their demo pins):
        // the ESP32 build (ButtonCounter.nfproj) uses Esp32Board, the Pico build (ButtonCounter.Pico.nfproj) PicoBoard.
        // Esp32Board: esp32-devkitc, esp32-devkitc-wrover, esp32-s3-devkitc, esp32-c3-devkitm, esp32-c6-devkitc.
        // PicoBoard: pico, pico-w, pico2, pico2-w.
        private const string Esp32Board = "esp32-devkitc";
        private const string PicoBoard = "pico";

        /// <summary>Interval between two statistics lines in the debug output: 5,000 ms.</summary>
        public const int ReportMillis = 5000;

        private static ButtonCounterApp s_app;
        private static int s_debouncedEdges;

        /// <summary>Starts the demo and prints statistics forever.</summary>
        public static void Main()
        {
            string boardName = PicoBoard;
            IClock clock = null;
            UseEsp32Hardware(ref boardName, ref clock); // ESP32 build only (Esp32Program.cs)
            if (clock == null)
            {
                clock = new SystemClock();
            }

            BoardProfile board = BoardCatalog.Find(boardName);
            DemoWiring wiring = board.Demo;
            Debug.WriteLine("ButtonCounter on " + board.Name + ": " + wiring.ToString());

            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            GpioController controller = new GpioController();
            GpioEdgeSource source = new GpioEdgeSource(dispatcher, controller);

            board.ValidateOutput(wiring.LedPin); // before GpioLed opens the pin
            GpioLed led = new GpioLed(controller, wiring.LedPin, wiring.LedActiveHigh);
            ButtonCounterSetup demo = new ButtonCounterSetup(source, board, led, OnDebouncedEdge);
            s_app = demo.App;
            demo.App.Changed += OnChanged;
            Irq irq = demo.Irq;

            StartGroundTruth(wiring.ButtonPin); // ESP32 build only: PCNT counts the same pin
            dispatcher.Start();
            Debug.WriteLine("press the button: each press counts 1 and toggles the LED; a long press (1 s) resets; a double click blinks the count out.");

            while (true)
            {
                Thread.Sleep(ReportMillis);
                PrintStatistics(dispatcher, irq);
            }
        }

        // ESP32 build: sets the board to Esp32Board and the clock to the µs high-resolution timer.
        static partial void UseEsp32Hardware(ref string boardName, ref IClock clock);

        // ESP32 build: starts counting the button pin's edges in the PCNT hardware (Esp32PulseGroundTruth).
        static partial void StartGroundTruth(int buttonPin);

        // ESP32 build, counter running: sets name ("PCNT") and the edges the hardware counted since start.
        // Without a body (Pico build) the call is removed and name stays null: no hardware count to print.
        static partial void ReadGroundTruth(ref string name, ref long edges);

        private static void PrintStatistics(IrqDispatcher dispatcher, Irq irq)
        {
            string line = s_app.Describe() + ", presses " + s_app.TotalPresses.ToString()
                + " | raw edges " + irq.Stats.EdgesSeen.ToString()
                + ", filtered " + irq.Stats.Filtered.ToString()
                + ", debounced " + s_debouncedEdges.ToString()
                + ", dropped " + irq.Stats.Dropped.ToString()
                + ", faults " + dispatcher.Faults.Recorded.ToString()
                + ", ring high-water " + dispatcher.Stats.RingHighWater.ToString();
            string hardware = null;
            long hardwareEdges = 0;
            ReadGroundTruth(ref hardware, ref hardwareEdges);
            if (hardware != null)
            {
                // The hardware counts every transition on the pin; more than the Irq saw means edges were lost
                // before managed code (nanoFramework's native GPIO event queue), where no counter can see them.
                long missed = hardwareEdges - irq.Stats.EdgesSeen;
                line = line + " | " + hardware + " edges " + hardwareEdges.ToString()
                    + (missed > 0 ? " (" + missed.ToString() + " never reached managed code)" : " (software saw them all)");
            }

            Debug.WriteLine(line);
            Fault fault;
            while (dispatcher.Faults.TryRead(out fault))
            {
                Debug.WriteLine("fault at " + fault.TimeMicros.ToString() + " us: " + fault.Error.Message);
            }
        }

        private static void OnDebouncedEdge(Irq irq, EdgeRecord edge)
        {
            s_debouncedEdges++;
        }

        private static void OnChanged(ButtonCounterApp app, CounterChange change, uint nowMicros)
        {
            string what;
            switch (change)
            {
                case CounterChange.Pressed: what = "press"; break;
                case CounterChange.Reset: what = "long press: reset"; break;
                case CounterChange.BlinkOutStarted: what = "double click: blinking out " + app.Count.ToString(); break;
                case CounterChange.BlinkOutFinished: what = "blink-out done"; break;
                default: what = "blink-out cancelled"; break;
            }

            Debug.WriteLine(app.Describe() + "  " + what);
        }
    }
}
