namespace NanoIrq
{
    /// <summary>The work of a <see cref="FixedRateTask"/>, run from the main loop by <see cref="FixedRateTask.Poll"/>; may be a bound instance method.</summary>
    public delegate void FixedRateTaskHandler(FixedRateTask task);
}
