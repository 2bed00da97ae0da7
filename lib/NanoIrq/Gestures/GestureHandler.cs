namespace NanoIrq
{
    /// <summary>Receives gesture events from a <see cref="GestureDetector"/>, on the thread that fed or ticked it.</summary>
    public delegate void GestureHandler(GestureEvent gesture);
}
