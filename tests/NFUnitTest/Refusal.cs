using System;

namespace NFUnitTest
{
    /// <summary>Catches what a refused call throws, so that a test can check its type, parameter name and message.</summary>
    public static class Refusal
    {
        /// <summary>Runs <paramref name="action"/> and returns the <see cref="ArgumentException"/> (or subclass) it threw, or null when it returned normally.</summary>
        public static ArgumentException Of(Action action)
        {
            try
            {
                action();
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }
    }
}
