namespace NanoIrq
{
    /// <summary>Work handed from a handler to the main loop through <see cref="Scheduler.Schedule"/>; receives the argument given there.</summary>
    public delegate void ScheduledCallback(object arg);
}
