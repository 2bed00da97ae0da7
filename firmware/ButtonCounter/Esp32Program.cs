using System;
using System.Diagnostics;

namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The ESP32 half of <see cref="Program"/>, compiled only into ButtonCounter.nfproj (which references NanoIrq.Esp32
    /// and nanoFramework.Hardware.Esp32): the 1 µs clock and the PCNT ground truth of raw edges.
    /// </summary>
    public static partial class Program
    {
        private static Esp32PulseGroundTruth s_pulseCounter;

        static partial void UseEsp32Hardware(ref string boardName, ref IClock clock)
        {
            boardName = Esp32Board;
            clock = new Esp32Clock();
        }

        static partial void StartGroundTruth(int buttonPin)
        {
            try
            {
                s_pulseCounter = new Esp32PulseGroundTruth(buttonPin);
            }
            catch (Exception e)
            {
                // The ESP32-C3 has no pulse-counter peripheral, and a firmware may be built without it.
                Debug.WriteLine("no PCNT ground truth on this target (" + e.Message + "); printing the software counters only.");
                s_pulseCounter = null;
            }
        }

        static partial void ReadGroundTruth(ref string name, ref long edges)
        {
            if (s_pulseCounter != null)
            {
                name = "PCNT";
                edges = s_pulseCounter.Edges;
            }
        }
    }
}
