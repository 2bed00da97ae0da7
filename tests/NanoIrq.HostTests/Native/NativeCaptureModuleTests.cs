using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// NativeCaptureModule.TryCreateSource: the native source when the NanoIrq.Native assembly is deployed (this test
    /// project deploys it), null when it is not (a type name whose assembly is absent), constructor errors unwrapped.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeCaptureModuleTests : NativeModuleTest
    {
        [TestMethod]
        public void DeployedModuleGivesTheNativeSource()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            IEdgeSource source = NativeCaptureModule.TryCreateSource(dispatcher);
            Assert.IsNotNull(source);
            try
            {
                Assert.IsInstanceOfType(source, typeof(NativeEdgeSource));
                Assert.AreEqual("native", source.Name);
                Assert.AreSame(dispatcher, source.Dispatcher);
                Assert.IsTrue(source.SupportsHardActions);
                Assert.AreEqual(0, NativeHost.Edge(4, 0), "nothing captured yet");
                source.OpenInput(4, PinPull.Up);
                Assert.AreEqual(1, NativeHost.Edge(4, 0), "the module captures the pin");
            }
            finally
            {
                ((IDisposable)source).Dispose();
            }
        }

        [TestMethod]
        public void AbsentAssemblyGivesNull()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            Assert.IsNull(NativeCaptureModule.TryCreateSource(dispatcher, "NanoIrq.Native.NativeEdgeSource, NanoIrq.Native.NotDeployed"));
            Assert.IsNull(NativeCaptureModule.TryCreateSource(dispatcher, "NanoIrq.Native.NoSuchSource, NanoIrq.Native"));
            Assert.IsNull(NativeCaptureModule.TryCreateSource(dispatcher, "NanoIrq.Native.NativeStatus, NanoIrq.Native"), "a type without the (IrqDispatcher) constructor");
        }

        [TestMethod]
        public void ConstructorErrorsComeThroughUnwrapped()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            Assert.AreEqual("dispatcher", Assert.ThrowsExactly<ArgumentNullException>(() => NativeCaptureModule.TryCreateSource(null)).ParamName);
            using NativeEdgeSource first = new NativeEdgeSource(dispatcher, 64, 32, 0);
            first.OpenInput(4, PinPull.Up);
            InvalidOperationException second = Assert.ThrowsExactly<InvalidOperationException>(() => NativeCaptureModule.TryCreateSource(dispatcher));
            StringAssert.Contains(second.Message, "Only one NativeEdgeSource");
            Assert.AreEqual(1, NativeHost.Edge(4, 0), "the first source keeps capturing");
        }
    }
}
