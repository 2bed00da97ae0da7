using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// <c>pin.Irq(handler, trigger, new IrqOptions { Hard = true, ... })</c> arms the native module's interrupt-time action
    /// through IHardActionSource (nirq_api_set_hard), Disable/Enable/Dispose disarm and re-arm it; sources that cannot run
    /// hard actions keep refusing. Toggles are counted by the host port's output pins.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeHardActionTests : NativeModuleTest
    {
        private static void Press(uint at)
        {
            NativeHost.EdgeAt(at, 4, false);
            NativeHost.EdgeAt(at + 5000, 4, true);
        }

        // The module's count of interrupt-time actions run for GPIO 4 (NativePinCounters.Hard).
        private static uint HardCount(NativeEdgeSource source)
        {
            NativePinCounters k = new NativePinCounters();
            source.GetCounters(4, k);
            return k.Hard;
        }

        private static IrqOptions ToggleLed(int lockoutMicros)
        {
            IrqOptions o = new IrqOptions();
            o.Hard = true;
            o.HardAction = IrqHardAction.Toggle;
            o.HardOutputPin = 2;
            o.HardLockoutMicros = lockoutMicros;
            return o;
        }

        [TestMethod]
        public void HardToggleRunsInTheInterruptAndTheHandlerStillRuns()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            int handled = 0;
            Irq irq = button.Irq((i, e) => handled++, IrqTrigger.Falling, ToggleLed(50000));

            Press(1000);
            Assert.AreEqual(1, NativeHost.Toggles(2), "toggled in the ISR, before any pump");
            Assert.AreEqual(1, NativeHost.OutputLevel(2));
            NativeHost.EdgeAt(20000, 4, false); // a bounce 19 ms later: inside the 50 ms lockout
            NativeHost.EdgeAt(20100, 4, true);
            Press(60000);
            Assert.AreEqual(2, NativeHost.Toggles(2), "the bounce inside the lockout did not toggle");
            Assert.AreEqual(0, NativeHost.OutputLevel(2));
            source.Pump();
            dispatcher.Poll();
            Assert.AreEqual(3, handled, "the managed handler still gets every selected edge");
            Assert.AreEqual(2u, HardCount(source));
        }

        [TestMethod]
        public void HardCountOnBothEdgesWithDefaultOptions()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqOptions o = new IrqOptions();
            o.Hard = true; // HardAction defaults to Count
            new IrqPin(source, 4, PinPull.Up, true).Irq((i, e) => { }, IrqTrigger.Both | IrqTrigger.LowLevel, o);
            Press(1000);
            Press(9000);
            Assert.AreEqual(4u, HardCount(source), "both edges counted; the level bit is ignored by the hard action");
            Assert.AreEqual(0, NativeHost.Toggles(2));
        }

        [TestMethod]
        public void PerPinHardActionSetBackToNoneIgnoresTheOtherArguments()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            source.SetHardAction(4, NativeHardAction.Toggle, NativeTrigger.Falling, 2, 0);

            // "None disarms; the other arguments are then ignored": -1 (IrqOptions' "no output") and a negative lockout
            // must not be stored and refused by the C module at the next open.
            source.SetHardAction(4, NativeHardAction.None, NativeTrigger.Falling, -1, -1);
            new IrqPin(source, 4, PinPull.Up, true).Irq((i, e) => { }, IrqTrigger.Falling);
            Press(1000);
            Assert.AreEqual(0, NativeHost.Toggles(2), "disarmed: no toggle");
            Assert.AreEqual(0u, HardCount(source));
            Assert.AreEqual(2, source.Pump(), "the pin captures both edges of the press");
        }

        [TestMethod]
        public void DisableDisarmsEnableRearmsDisposeDisarmsForGood()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            Irq irq = button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleLed(0));
            Press(1000);
            irq.Disable();
            Press(10000);
            Assert.AreEqual(1, NativeHost.Toggles(2), "disabled: no toggle");
            irq.Enable();
            Press(20000);
            Assert.AreEqual(2, NativeHost.Toggles(2), "enabled again");
            irq.Dispose();
            Assert.IsFalse(button.IsOpen);
            Assert.AreEqual(0, NativeHost.Edge(4, 0), "the pin was closed");

            // reopened without Hard: the old action is gone
            IrqPin again = new IrqPin(source, 4, PinPull.Up, true);
            again.Irq((i, e) => { }, IrqTrigger.Falling);
            Press(30000);
            Assert.AreEqual(2, NativeHost.Toggles(2));
            Assert.AreEqual(0u, HardCount(source));
        }

        [TestMethod]
        public void BadHardOptionsAttachNoIrqAndArmNothing()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            IrqPin button = new IrqPin(source, 4, PinPull.Up, true);
            IrqOptions selfToggle = ToggleLed(0);
            selfToggle.HardOutputPin = 4;
            ArgumentOutOfRangeException ex1 = Catch<ArgumentOutOfRangeException>(() => button.Irq((i, e) => { }, IrqTrigger.Falling, selfToggle));
            Assert.AreEqual("outputPin", ex1.ParamName);
            IrqOptions noOutput = new IrqOptions();
            noOutput.Hard = true;
            noOutput.HardAction = IrqHardAction.Toggle;
            Assert.AreEqual("options", Catch<ArgumentException>(() => button.Irq((i, e) => { }, IrqTrigger.Falling, noOutput)).ParamName);
            Assert.AreEqual("trigger", Catch<ArgumentException>(() => button.Irq((i, e) => { }, IrqTrigger.LowLevel, ToggleLed(0))).ParamName);
            IrqOptions o = new IrqOptions();
            Assert.AreEqual("HardLockoutMicros", Catch<ArgumentOutOfRangeException>(() => o.HardLockoutMicros = 10000001).ParamName);
            Assert.AreEqual("HardOutputPin", Catch<ArgumentOutOfRangeException>(() => o.HardOutputPin = 128).ParamName);
            Assert.AreEqual("HardAction", Catch<ArgumentOutOfRangeException>(() => o.HardAction = IrqHardAction.None).ParamName);
            Assert.AreEqual(IrqHardAction.Count, o.HardAction, "old value kept");
            Assert.AreEqual(0, o.HardLockoutMicros);
            Assert.AreEqual(-1, o.HardOutputPin);

            Assert.IsNull(button.CurrentIrq, "no Irq attached by the refused calls");
            Press(1000);
            Assert.AreEqual(0, NativeHost.Toggles(2), "nothing armed");
            Assert.AreEqual(0, NativeHost.Toggles(4));
            button.Irq((i, e) => { }, IrqTrigger.Falling, ToggleLed(0));
            Press(9000);
            Assert.AreEqual(1, NativeHost.Toggles(2), "a good Irq attaches afterwards");
        }

        [TestMethod]
        public void SourcesWithoutHardActionsStillRefuseHard()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            IrqPin pin = new IrqPin(sim, 4, PinPull.Up, true);
            Catch<NotSupportedException>(() => pin.Irq((i, e) => { }, IrqTrigger.Falling, ToggleLed(0)));
            Assert.IsNull(pin.CurrentIrq);
            Assert.IsFalse(sim.SupportsHardActions);
            Assert.IsNotInstanceOfType(sim, typeof(IHardActionSource));
        }

        private static T Catch<T>(Action action)
            where T : Exception
        {
            try
            {
                action();
            }
            catch (T ex)
            {
                return ex;
            }

            Assert.Fail("expected " + typeof(T).Name);
            return null;
        }
    }
}
