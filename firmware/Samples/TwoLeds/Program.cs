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

        // true: the dispatcher is also woken by an ESP32 high-resolution timer armed for each deadline
        // (IrqDispatcher.WakeSource). On the stock firmware that wake-up still reaches managed code on the 10 ms
        // FreeRTOS tick, like the dispatcher's own wait, so the lateness reports should look the same either way:
        // flip it to measure that on your board (docs/timers.md, "Wake-ups").
        private static readonly bool WakeWithHighResTimer = false;

        /// <summary>Starts the dispatcher thread and the two timers, then prints a report every 5 s.</summary>
        public static void Main()
        {
            IClock clock = new Esp32Clock();
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            GpioController gpio = new GpioController();
            TwoLedsApp app = new TwoLedsApp(dispatcher, new GpioOutput(gpio, RedPin), new GpioOutput(gpio, GreenPin));
            app.Red.DebugPin = new GpioOutput(gpio, DebugPin);
            if (WakeWithHighResTimer)
            {
                dispatcher.WakeSource = new Esp32TimerSource(dispatcher.Wake); // one of the firmware's 10 HighResTimers
            }

            dispatcher.Start();
            app.Start();
            Debug.WriteLine("TwoLeds: red every " + TwoLedsApp.RedPeriodMillis.ToString() + " ms, green every "
                + TwoLedsApp.GreenPeriodMillis.ToString() + " ms, report every " + TwoLedsApp.ReportPeriodMillis.ToString() + " ms"
                + (WakeWithHighResTimer ? ", woken by the high-resolution timer" : ", dispatcher's ms wait only"));

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
