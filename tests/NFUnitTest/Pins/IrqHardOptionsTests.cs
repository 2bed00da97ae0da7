using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>A simulated source that says it can run hard actions and records every SetHardAction call.</summary>
    internal sealed class RecordingHardSource : IEdgeSource, IHardActionSource
    {
        public readonly SimulatedEdgeSource Sim;
        public int Calls;
        public int LastPin = -1;
        public IrqTrigger LastTrigger;
        public IrqHardAction LastAction;
        public int LastOutputPin;
        public int LastLockout;
        public bool Refuse;

        public RecordingHardSource(IrqDispatcher dispatcher)
        {
            Sim = new SimulatedEdgeSource(dispatcher);
        }

        public string Name
        {
            get { return "recording"; }
        }

        public IrqDispatcher Dispatcher
        {
            get { return Sim.Dispatcher; }
        }

        public bool SupportsHardActions
        {
            get { return true; }
        }

        public void OpenInput(int pin, PinPull pull)
        {
            Sim.OpenInput(pin, pull);
        }

        public void CloseInput(int pin)
        {
            Sim.CloseInput(pin);
        }

        public bool ReadLevel(int pin)
        {
            return Sim.ReadLevel(pin);
        }

        public void SetHardAction(int pin, IrqTrigger trigger, IrqHardAction action, int outputPin, int lockoutMicros)
        {
            if (Refuse)
            {
                throw new ArgumentOutOfRangeException("outputPin", "refused by the test");
            }

            Calls++;
            LastPin = pin;
            LastTrigger = trigger;
            LastAction = action;
            LastOutputPin = outputPin;
            LastLockout = lockoutMicros;
        }
    }

    [TestClass]
    public class IrqHardOptionsTests
    {
        private static void Nop(Irq irq, EdgeRecord edge)
        {
        }

        private static void Throw(Irq irq, EdgeRecord edge)
        {
            throw new InvalidOperationException("handler fault");
        }

        private static IrqOptions Toggle(int output, int lockout)
        {
            IrqOptions o = new IrqOptions();
            o.Hard = true;
            o.HardAction = IrqHardAction.Toggle;
            o.HardOutputPin = output;
            o.HardLockoutMicros = lockout;
            return o;
        }

        [TestMethod]
        public void HardOptionsDefaultsAndRanges()
        {
            IrqOptions o = new IrqOptions();
            Assert.IsFalse(o.Hard);
            Assert.AreEqual((int)IrqHardAction.Count, (int)o.HardAction);
            Assert.AreEqual(-1, o.HardOutputPin);
            Assert.AreEqual(0, o.HardLockoutMicros);
            o.HardLockoutMicros = 10000000;
            o.HardOutputPin = 127;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HardLockoutMicros = -1);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HardLockoutMicros = 10000001);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HardOutputPin = -2);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HardOutputPin = 128);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => o.HardAction = IrqHardAction.None);
            Assert.AreEqual(10000000, o.HardLockoutMicros, "old value kept");
            Assert.AreEqual(127, o.HardOutputPin, "old value kept");
            Assert.AreEqual((int)IrqHardAction.Count, (int)o.HardAction, "old value kept");
        }

        [TestMethod]
        public void IrqArmsTheEdgeBitsOfItsTriggerAndDisableEnableDisposeFollow()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            RecordingHardSource source = new RecordingHardSource(dispatcher);
            IrqPin pin = new IrqPin(source, 4, PinPull.Up, true);
            Irq irq = pin.Irq(Nop, IrqTrigger.Falling | IrqTrigger.HighLevel, Toggle(2, 50000));
            Assert.AreEqual(1, source.Calls);
            Assert.AreEqual(4, source.LastPin);
            Assert.AreEqual((int)IrqTrigger.Falling, (int)source.LastTrigger, "level bits are not passed to the hard action");
            Assert.AreEqual((int)IrqHardAction.Toggle, (int)source.LastAction);
            Assert.AreEqual(2, source.LastOutputPin);
            Assert.AreEqual(50000, source.LastLockout);

            irq.Disable();
            Assert.AreEqual(2, source.Calls);
            Assert.AreEqual((int)IrqHardAction.None, (int)source.LastAction, "disabled: disarmed");
            irq.Enable();
            Assert.AreEqual(3, source.Calls);
            Assert.AreEqual((int)IrqHardAction.Toggle, (int)source.LastAction, "enabled: armed again");
            irq.Dispose();
            Assert.AreEqual(4, source.Calls);
            Assert.AreEqual((int)IrqHardAction.None, (int)source.LastAction, "disposed: disarmed");
            irq.Disable();
            Assert.AreEqual(4, source.Calls, "nothing after dispose");
        }

        [TestMethod]
        public void AFaultThatDisablesTheIrqDisarmsItsHardAction()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            RecordingHardSource source = new RecordingHardSource(dispatcher);
            IrqPin pin = new IrqPin(source, 4, PinPull.Up, true);
            Irq irq = pin.Irq(Throw, IrqTrigger.Falling, Toggle(2, 0));
            Assert.AreEqual((int)IrqHardAction.Toggle, (int)source.LastAction);
            source.Sim.Pin(4).Drive(false);
            dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Faults);
            Assert.IsFalse(irq.IsEnabled, "a fault disables the Irq");
            Assert.AreEqual((int)IrqHardAction.None, (int)source.LastAction, "disabled by the fault: disarmed");
            irq.Enable();
            Assert.AreEqual((int)IrqHardAction.Toggle, (int)source.LastAction, "enabled again: armed");
        }

        [TestMethod]
        public void AFaultWithKeepEnabledLeavesTheHardActionArmed()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            RecordingHardSource source = new RecordingHardSource(dispatcher);
            IrqPin pin = new IrqPin(source, 4, PinPull.Up, true);
            IrqOptions o = Toggle(2, 0);
            o.KeepEnabledOnFault = true;
            Irq irq = pin.Irq(Throw, IrqTrigger.Falling, o);
            int calls = source.Calls;
            source.Sim.Pin(4).Drive(false);
            dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Faults);
            Assert.IsTrue(irq.IsEnabled);
            Assert.AreEqual(calls, source.Calls, "kept enabled: the hard action is not touched");
            Assert.AreEqual((int)IrqHardAction.Toggle, (int)source.LastAction);
        }

        [TestMethod]
        public void AnIrqWithoutHardNeverTouchesTheHardAction()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            RecordingHardSource source = new RecordingHardSource(dispatcher);
            IrqPin pin = new IrqPin(source, 4, PinPull.Up, true);
            Irq irq = pin.Irq(Nop, IrqTrigger.Falling);
            irq.Disable();
            irq.Enable();
            pin.Dispose();
            Assert.AreEqual(0, source.Calls);
        }

        [TestMethod]
        public void RefusedHardOptionsAttachNoIrq()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            RecordingHardSource source = new RecordingHardSource(dispatcher);
            IrqPin pin = new IrqPin(source, 4, PinPull.Up, true);
            Assert.ThrowsException(typeof(ArgumentException), () => pin.Irq(Nop, IrqTrigger.LowLevel, Toggle(2, 0)));
            IrqOptions noOutput = new IrqOptions();
            noOutput.Hard = true;
            noOutput.HardAction = IrqHardAction.Toggle;
            Assert.ThrowsException(typeof(ArgumentException), () => pin.Irq(Nop, IrqTrigger.Falling, noOutput));
            source.Refuse = true;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pin.Irq(Nop, IrqTrigger.Falling, Toggle(4, 0)));
            Assert.IsNull(pin.CurrentIrq);
            Assert.AreEqual(0, source.Calls);
            source.Refuse = false;
            Irq irq = pin.Irq(Nop, IrqTrigger.Rising, Toggle(2, 0));
            Assert.IsNotNull(irq);
            Assert.AreEqual((int)IrqTrigger.Rising, (int)source.LastTrigger);
        }
    }
}
