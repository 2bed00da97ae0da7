using System;

namespace NanoIrq.Native
{
    /// <summary>
    /// Status codes of the native capture module (nirq_status in core/include/nirq/nirq.h; keep both lists
    /// in step) and their mapping to exceptions.
    /// </summary>
    public static class NativeStatus
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>GPIO outside the chip's GPIOs (<see cref="NativeEdgeSource.GpioCount"/>), or not captured (close, counters).</summary>
        public const int UnknownPin = -1;

        /// <summary>The pin is already captured (or, for a restart, pins are still captured).</summary>
        public const int PinBusy = -2;

        /// <summary>Ring capacity not a power of two in [8, <see cref="NativeEdgeSource.MaxRingCapacity"/>].</summary>
        public const int RingCapacity = -3;

        /// <summary>Debounce window or hard lockout outside [1, 10,000,000] µs (window 0 with no debounce).</summary>
        public const int DebounceRange = -4;

        /// <summary>Unknown mode, action or trigger value, or an unusable output pin.</summary>
        public const int BadArgument = -5;

        /// <summary>All capture slots (<see cref="NativeEdgeSource.SlotCount"/>, 8 by default) are in use.</summary>
        public const int NoFreeSlot = -6;

        /// <summary>The module was not started.</summary>
        public const int NotStarted = -7;

        /// <summary>The firmware port (ESP-IDF, ChibiOS) refused the operation.</summary>
        public const int Port = -8;

        /// <summary>The hard-toggle output is held by another driver in nanoFramework's pin map (System.Device.Gpio, a
        /// bus) or is an input this module captures.</summary>
        public const int OutputBusy = -9;

        /// <summary>
        /// Returns <paramref name="code"/> when it is not negative; otherwise throws the exception for it, naming
        /// <paramref name="paramName"/> and the allowed range:
        /// <see cref="UnknownPin"/> and <see cref="RingCapacity"/> and <see cref="DebounceRange"/>: ArgumentOutOfRangeException;
        /// <see cref="PinBusy"/>, <see cref="BadArgument"/> and <see cref="OutputBusy"/>: ArgumentException;
        /// <see cref="NoFreeSlot"/>, <see cref="NotStarted"/>, <see cref="Port"/> and unknown codes: InvalidOperationException.
        /// </summary>
        public static int Check(int code, int pin, string paramName)
        {
            if (code >= 0)
            {
                return code;
            }

            string where = "native capture, GPIO " + pin.ToString() + ": ";
            switch (code)
            {
                case UnknownPin:
                    throw new ArgumentOutOfRangeException(paramName, where + "unknown pin: must be a GPIO of this chip (0 to NativeEdgeSource.GpioCount - 1) that this module captures.");
                case PinBusy:
                    throw new ArgumentException(where + "the pin is already captured; close it first.", paramName);
                case RingCapacity:
                    throw new ArgumentOutOfRangeException(paramName, "native capture: ring capacity must be a power of two from 8 to NativeEdgeSource.MaxRingCapacity records (set at firmware build time).");
                case DebounceRange:
                    throw new ArgumentOutOfRangeException(paramName, where + "window must be in [1, 10000000] µs (0 with no debounce).");
                case BadArgument:
                    throw new ArgumentException(where + "unsupported value (debounce mode, hard action, trigger 1..3, or an output pin that is not a valid output other than the input).", paramName);
                case OutputBusy:
                    throw new ArgumentException(where + "the toggle output is held by another driver (System.Device.Gpio, a bus) or is an input this module captures.", paramName);
                case NoFreeSlot:
                    throw new InvalidOperationException(where + "all native capture slots are in use (NativeEdgeSource.SlotCount).");
                case NotStarted:
                    throw new InvalidOperationException("native capture: module not started.");
                case Port:
                    throw new InvalidOperationException(where + "the firmware refused (GPIO ISR service or pin configuration failed).");
                default:
                    throw new InvalidOperationException(where + "unknown status " + code.ToString() + ".");
            }
        }
    }
}
