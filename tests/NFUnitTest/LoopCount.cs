namespace NFUnitTest
{
    /// <summary>
    /// Iteration counts for long test loops: the full count on the host (JIT), a tenth or so on nanoCLR, an
    /// interpreter 100 to 1000 times slower whose test adapter gives the whole run one session timeout
    /// (nano.runsettings). Each caller keeps what its assertions need (a wrap crossed, enough samples) at the
    /// device count.
    /// </summary>
    public static class LoopCount
    {
        /// <summary>True when compiled for the host (NANOIRQ_HOST), false on nanoFramework.</summary>
#if NANOIRQ_HOST
        public const bool OnHost = true;
#else
        public const bool OnHost = false;
#endif

        /// <summary><paramref name="host"/> on the host, <paramref name="device"/> on nanoFramework.</summary>
        public static int Pick(int host, int device)
        {
            return OnHost ? host : device;
        }
    }
}
