using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// The hard toggle's output pin, from C# through the host port: checked against the chip's GPIO count (the port's,
    /// 30 on an RP2040), refused naming "outputPin" when another driver holds it in nanoFramework's pin map, and reserved
    /// there exactly while a toggle is armed on it (Disable, Dispose and a change back to no action release it).
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeToggleOutputTests : NativeModuleTest
    {
        private static IrqOptions ToggleOn(int outputPin)
        {
            IrqOptions o = new IrqOptions();
            o.Hard = true;
            o.HardAction = IrqHardAction.Toggle;
            o.HardOutputPin = outputPin;
            return o;
        }

        [TestMethod]
        public void ToggleOutputIsCheckedAgainstTheChipsGpioCount()
        {
            NativeHost.SetGpioCount(30);
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            Assert.AreEqual(30, NativeEdgeSource.GpioCount, "the port's count, as on an RP2040");
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);

            ArgumentOutOfRangeException ex = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleOn(30)));
            Assert.AreEqual("outputPin", ex.ParamName);
            StringAssert.Contains(ex.Message, "[0, 29]");
            Assert.IsNull(button.CurrentIrq, "the refused call attached nothing");
            Assert.AreEqual(0, NativeHost.Reserved(30), "nothing reserved by the refused call");

            Irq irq = button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleOn(29));
            NativeHost.EdgeAt(1000, 4, false);
            Assert.AreEqual(1, NativeHost.Toggles(29), "the chip's last GPIO toggles");
            irq.Dispose();
        }

        [TestMethod]
        public void ToggleOutputIsReservedWhileArmedAndReleasedOnDisarmAndClose()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            Assert.AreEqual(0, NativeHost.Reserved(2), "free before");

            Irq irq = button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleOn(2));
            Assert.AreEqual(1, NativeHost.Reserved(2), "reserved while armed: GpioController cannot open it");
            irq.Disable();
            Assert.AreEqual(0, NativeHost.Reserved(2), "released on disarm");
            irq.Enable();
            Assert.AreEqual(1, NativeHost.Reserved(2), "reserved again");
            irq.Dispose();
            Assert.AreEqual(0, NativeHost.Reserved(2), "released on close");
            Assert.AreEqual(0, NativeHost.Reserved(4), "the input is released too");

            // Armed through the per-pin call (used from the pin's next open): reserved from the open to the close.
            source.SetHardAction(5, NativeHardAction.Toggle, NativeTrigger.Falling, 3, 0);
            Assert.AreEqual(0, NativeHost.Reserved(3), "not yet: the pin is not open");
            Irq other = new IrqPin(source, 5, PinPull.Up, true).Irq((i, e) => { }, IrqTrigger.Falling);
            Assert.AreEqual(1, NativeHost.Reserved(3), "reserved at the open");
            other.Dispose();
            Assert.AreEqual(0, NativeHost.Reserved(3), "released at the close");
        }

        [TestMethod]
        public void ToggleOutputHeldByAnotherDriverIsRefusedNamingOutputPin()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            Assert.AreEqual(1, NativeHost.Reserve(2, 1), "another driver takes GPIO 2");

            ArgumentException ex = Assert.ThrowsExactly<ArgumentException>(
                () => button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleOn(2)));
            Assert.AreEqual("outputPin", ex.ParamName);
            Assert.IsNull(button.CurrentIrq, "the refused call attached nothing");
            Assert.AreEqual(1, NativeHost.Reserved(2), "the other driver keeps its pin");

            NativeHost.Reserve(2, 0);
            Irq irq = button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleOn(2));
            NativeHost.EdgeAt(1000, 4, false);
            Assert.AreEqual(1, NativeHost.Toggles(2), "armed once the pin is free");
            irq.Dispose();
        }
    }
}
