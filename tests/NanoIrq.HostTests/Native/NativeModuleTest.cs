using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// Base of the test classes that drive the native module through its host port (one process-wide C state): resets
    /// it with <see cref="NativeHost.Reset"/> before and after every test, so no test sees another's started pins, hard
    /// actions, captured edges or clock, and clears NativeEdgeSource's one-instance guard (a test that leaves a source
    /// undisposed does not block the next). Derived classes keep [DoNotParallelize]: the C state is shared.
    /// </summary>
    public abstract class NativeModuleTest
    {
        /// <summary>Runs before each test: module not started, nothing captured, levels/toggles 0, clock 0.</summary>
        [TestInitialize]
        public void ResetModuleBefore()
        {
            NativeEdgeSource.ForgetInstanceAsSoftReboot();
            NativeHost.Reset();
        }

        /// <summary>
        /// A new dispatcher on the module's clock (<see cref="NativeHostClock"/>) and a NativeEdgeSource on it with a
        /// 64-edge ring, batches of 32 and no pump thread (pollMillis 0): the test calls Pump and Poll itself.
        /// </summary>
        protected static NativeEdgeSource NewSource(out IrqDispatcher dispatcher)
        {
            dispatcher = new IrqDispatcher(new NativeHostClock());
            return new NativeEdgeSource(dispatcher, 64, 32, 0);
        }

        /// <summary>Runs after each test, pass or fail: the same reset, so nothing leaks into the next class.</summary>
        [TestCleanup]
        public void ResetModuleAfter()
        {
            NativeEdgeSource.ForgetInstanceAsSoftReboot();
            NativeHost.Reset();
        }
    }
}
