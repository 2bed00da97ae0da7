namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// A count of the button line's edges kept by hardware, outside the managed interrupt path: the ground truth
    /// printed next to the Irq's raw-edge counter. If the hardware saw more edges than the software, edges were
    /// lost before managed code (nanoFramework's native GPIO event queue overflowed or merged them).
    /// </summary>
    /// <remarks>
    /// The ESP32 build provides one (<c>Esp32PulseGroundTruth</c>, the PCNT pulse counter); the Pico build has no
    /// such hardware and has none (<c>Program</c> then prints the software counters alone).
    /// </remarks>
    public interface IHardwareEdgeCounter
    {
        /// <summary>Short name of the counting hardware for the debug output, e.g. "PCNT".</summary>
        string Name { get; }

        /// <summary>Edges counted since the counter started, both directions, bounces included.</summary>
        long Edges { get; }
    }
}
