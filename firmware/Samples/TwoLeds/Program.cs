using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;

namespace NanoIrq.Samples
{
    /// <summary>
    /// Device entry of the TwoLeds sample (ESP32 DevKitC wiring): red LED on GPIO 2 (the on-board LED),
    /// green LED on GPIO 4, debug pin on GPIO 5 (high while the red timer's handler runs: put a logic
    /// analyser or scope on it). Every 5 s the jitter report of both timers is printed to the debug output.
    /// </summary>
    /// <remarks>On RP2040/RP2350 boards use <c>new SystemClock()</c> and the board's pins instead.</remarks>
    public static class Program
    {
        /// <summary>GPIO of the red LED.</summary>
        public const int RedPin = 2;

        /// <summary>GPIO of the green LED.</summary>
        public const int GreenPin = 4;

        /// <summary>GPIO of the debug pin.</summary>
        public const int DebugPin = 5;

        /// <summary>Starts the dispatcher thread and the two timers, then prints a report every 5 s.</summary>
        public static void Main()
        {
            IClock clock = new Esp32Clock();
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            GpioController gpio = new GpioController();
            TwoLedsApp app = new TwoLedsApp(dispatcher, new GpioOutput(gpio, RedPin), new GpioOutput(gpio, GreenPin));
            app.Red.DebugPin = new GpioOutput(gpio, DebugPin);

            dispatcher.Start();
            app.Start();
            Debug.WriteLine("TwoLeds: red every " + TwoLedsApp.RedPeriodMillis.ToString() + " ms, green every "
                + TwoLedsApp.GreenPeriodMillis.ToString() + " ms, report every " + TwoLedsApp.ReportPeriodMillis.ToString() + " ms");

            while (true)
            {
                if (app.PollReport())
                {
                    Debug.WriteLine(app.LastReport);
                }

                int sleep = app.MillisUntilReport;
                Thread.Sleep(sleep > 0 ? sleep : 1);
            }
        }
    }
}
