namespace NanoIrq.ButtonCounter
{
    /// <summary>
    /// The demo's LED, seen as a logical lamp: <c>true</c> lights it, <c>false</c> darkens it.
    /// </summary>
    /// <remarks>The active level of the real pin (lit when high or when low) is the implementation's
    /// business, so the demo logic is the same on every board. Implementations: <see cref="GpioLed"/> on
    /// the device, <see cref="SimulatedLed"/> in the simulator and the tests.</remarks>
    public interface ILed
    {
        /// <summary>Lights (<c>true</c>) or darkens (<c>false</c>) the LED. Writing the current state again is harmless.</summary>
        void Write(bool on);

        /// <summary>The state last written: <c>true</c> when lit. <c>false</c> before the first write.</summary>
        bool IsOn { get; }
    }
}
