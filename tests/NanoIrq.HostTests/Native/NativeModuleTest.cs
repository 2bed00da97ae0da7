using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// Base of the test classes that drive the native module through its host port (one process-wide C state): resets
    /// it with <see cref="NativeHost.Reset"/> before and after every test, so no test sees another's started pins, hard
    /// actions, captured edges or clock. Derived classes keep [DoNotParallelize]: the C state is shared.
    /// </summary>
    public abstract class NativeModuleTest
    {
        /// <summary>Runs before each test: module not started, nothing captured, levels/toggles 0, clock 0.</summary>
        [TestInitialize]
        public void ResetModuleBefore()
        {
            NativeHost.Reset();
        }

        /// <summary>Runs after each test, pass or fail: the same reset, so nothing leaks into the next class.</summary>
        [TestCleanup]
        public void ResetModuleAfter()
        {
            NativeHost.Reset();
        }
    }
}
