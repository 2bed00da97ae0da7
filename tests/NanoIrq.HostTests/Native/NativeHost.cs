using System.Runtime.InteropServices;
using NanoIrq;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// The test controls of the native module's host port (firmware/native/ports/host/nirq_port_host.h), in the same
    /// libnanoirq_native_host.so that NanoIrq.Native's NativeCapture P/Invokes: simulated pins, the ISR path, the µs clock.
    /// </summary>
    internal static class NativeHost
    {
        private const string Library = "nanoirq_native_host";

        /// <summary>Not started, nothing captured, every level/toggle 0, clock 0.</summary>
        [DllImport(Library, EntryPoint = "nirq_host_reset", ExactSpelling = true)]
        internal static extern void Reset();

        [DllImport(Library, EntryPoint = "nirq_host_set_now_us", ExactSpelling = true)]
        internal static extern void SetNow(uint nowMicros);

        [DllImport(Library, EntryPoint = "nirq_host_advance_us", ExactSpelling = true)]
        internal static extern uint Advance(uint deltaMicros);

        [DllImport(Library, EntryPoint = "nirq_host_set_level", ExactSpelling = true)]
        internal static extern int SetLevel(int pin, int level);

        /// <summary>One interrupt: sets the level and runs the ISR path; 1 when the pin is captured, else 0.</summary>
        [DllImport(Library, EntryPoint = "nirq_host_edge", ExactSpelling = true)]
        internal static extern int Edge(int pin, int level);

        [DllImport(Library, EntryPoint = "nirq_host_toggles", ExactSpelling = true)]
        internal static extern int Toggles(int pin);

        [DllImport(Library, EntryPoint = "nirq_host_output_level", ExactSpelling = true)]
        internal static extern int OutputLevel(int pin);

        /// <summary>Sets the chip's GPIO count the port reports (64 after <see cref="Reset"/>); returns it.</summary>
        [DllImport(Library, EntryPoint = "nirq_host_set_gpio_count", ExactSpelling = true)]
        internal static extern int SetGpioCount(int count);

        /// <summary>Plays another driver taking (1) or freeing (0) a pin in the simulated pin map; 1 when done.</summary>
        [DllImport(Library, EntryPoint = "nirq_host_reserve", ExactSpelling = true)]
        internal static extern int Reserve(int pin, int reserve);

        /// <summary>1 when the pin is reserved in the simulated pin map (by the module or by <see cref="Reserve"/>).</summary>
        [DllImport(Library, EntryPoint = "nirq_host_reserved", ExactSpelling = true)]
        internal static extern int Reserved(int pin);

        /// <summary>The module's next debounce deadline (µs), -1 when none.</summary>
        [DllImport(Library, EntryPoint = "nirq_api_next_deadline", ExactSpelling = true)]
        internal static extern long NextDeadline();

        [DllImport(Library, EntryPoint = "nirq_api_now_us", ExactSpelling = true)]
        internal static extern uint NowMicros();

        /// <summary>Sets the clock to <paramref name="time"/>, then one interrupt on <paramref name="pin"/>.</summary>
        internal static void EdgeAt(uint time, int pin, bool level)
        {
            SetNow(time);
            Edge(pin, level ? 1 : 0);
        }
    }

    /// <summary>The native module's clock as the dispatcher's <see cref="IClock"/>: both sides read the same µs.</summary>
    internal sealed class NativeHostClock : IClock
    {
        public uint NowMicros
        {
            get { return NativeHost.NowMicros(); }
        }
    }
}
