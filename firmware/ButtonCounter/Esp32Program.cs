using System;
using System.Diagnostics;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The ESP32 half of <see cref="Program"/> (compiled only into ButtonCounter.nfproj, which references
    /// NanoIrq.Esp32 and nanoFramework.Hardware.Esp32): the 1 µs clock and the PCNT ground truth.
    /// </summary>
    public static partial class Program
    {
        static partial void UseEsp32Hardware(ref string boardName, ref IClock clock)
        {
            boardName = Esp32Board;
            clock = new Esp32Clock();
        }

        static partial void StartGroundTruth(int buttonPin, ref IHardwareEdgeCounter counter)
        {
            try
            {
                counter = new Esp32PulseGroundTruth(buttonPin);
            }
            catch (Exception e)
            {
                // The ESP32-C3 has no pulse-counter peripheral, and a firmware may be built without it.
                Debug.WriteLine("no PCNT ground truth on this target (" + e.Message + "); printing the software counters only.");
                counter = null;
            }
        }
    }
}
