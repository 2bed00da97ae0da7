using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// Every bad argument to NativeEdgeSource gives the documented exception naming the parameter, and nothing already
    /// stored changes (the pin stays free or keeps capturing as before), checked through the real C core.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeBadInputTests : NativeModuleTest
    {
        private static void Throws<T>(string paramName, Action action)
            where T : Exception
        {
            Exception ex = null;
            try
            {
                action();
            }
            catch (Exception caught)
            {
                ex = caught;
            }

            Assert.IsNotNull(ex, "expected " + typeof(T).Name + " naming " + paramName);
            Assert.IsInstanceOfType(ex, typeof(T), ex.ToString());
            if (paramName != null)
            {
                Assert.AreEqual(paramName, ((ArgumentException)ex).ParamName, ex.Message);
            }
        }

        [TestMethod]
        public void ConstructorChecksEveryNumber()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            Throws<ArgumentNullException>("dispatcher", () => new NativeEdgeSource(null, 256, 32, 0));
            foreach (int capacity in new[] { -1, 0, 4, 100, 2048 })
            {
                Throws<ArgumentOutOfRangeException>("ringCapacity", () => new NativeEdgeSource(dispatcher, capacity, 32, 0));
            }

            Throws<ArgumentOutOfRangeException>("batchSize", () => new NativeEdgeSource(dispatcher, 256, 1, 0));
            Throws<ArgumentOutOfRangeException>("batchSize", () => new NativeEdgeSource(dispatcher, 256, 257, 0));
            Throws<ArgumentOutOfRangeException>("pollMillis", () => new NativeEdgeSource(dispatcher, 256, 32, -1));
            Throws<ArgumentOutOfRangeException>("pollMillis", () => new NativeEdgeSource(dispatcher, 256, 32, 1001));
            using NativeEdgeSource ok = new NativeEdgeSource(dispatcher, 8, 2, 0);
            ok.OpenInput(4, PinPull.Up);
            Throws<InvalidOperationException>(null, () => new NativeEdgeSource(dispatcher, 16, 32, 0)); // one source at a time
            Assert.AreEqual(1, NativeHost.Edge(4, 0), "the first source keeps capturing");
            Assert.AreEqual(1, ok.Pump());
        }

        [TestMethod]
        public void UnknownPinsAreRefusedAndClaimNothing()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            Throws<ArgumentOutOfRangeException>("pin", () => new IrqPin(source, 64, PinPull.Up, false));
            Throws<ArgumentOutOfRangeException>("pin", () => source.OpenInput(-1, PinPull.Up));
            Throws<ArgumentOutOfRangeException>("pin", () => source.SetDebounce(64, NativeDebounce.None, 0));
            Throws<ArgumentOutOfRangeException>("pin", () => source.SetHardAction(-1, NativeHardAction.Count, NativeTrigger.Both, 0, 0));
            Throws<ArgumentOutOfRangeException>("pin", () => source.ReadLevel(64));
            Throws<ArgumentOutOfRangeException>("pin", () => source.GetCounters(5, new NativePinCounters())); // not captured
            Throws<ArgumentNullException>("into", () => source.GetCounters(5, null));
            Throws<ArgumentOutOfRangeException>("pin", () => source.SetHardAction(5, IrqTrigger.Falling, IrqHardAction.Count, 0, 0)); // not captured
            Throws<ArgumentOutOfRangeException>("pull", () => source.OpenInput(5, (PinPull)3));
            Assert.AreEqual(0, NativeHost.Edge(5, 1), "GPIO 5 is not captured");
            IrqPin p64 = null;
            try
            {
                p64 = new IrqPin(source, 64, PinPull.Up, false);
            }
            catch (ArgumentOutOfRangeException)
            {
            }

            Assert.IsNull(p64);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            using IrqPin again = new IrqPin(sim, 64, PinPull.Up, false); // the dispatcher slot of GPIO 64 was released
        }

        [TestMethod]
        public void BusyPinAndNinthPinAreRefusedAndTheOthersKeepCapturing()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            for (int pin = 0; pin < 8; pin++)
            {
                source.OpenInput(pin, PinPull.Up);
            }

            Throws<ArgumentException>("pin", () => source.OpenInput(3, PinPull.Up));
            Throws<InvalidOperationException>(null, () => source.OpenInput(40, PinPull.Up));
            Assert.AreEqual(0, NativeHost.Edge(40, 0), "GPIO 40 not captured");
            Assert.AreEqual(1, NativeHost.Edge(3, 0), "GPIO 3 still captured");
            source.CloseInput(3);
            source.OpenInput(40, PinPull.Up);
            Assert.AreEqual(1, NativeHost.Edge(40, 0));
        }

        [TestMethod]
        public void DebounceSettingsOutOfRangeAreRefusedAndTheOldOnesKept()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            source.SetDebounce(4, NativeDebounce.QuietTime, 1000);
            Throws<ArgumentOutOfRangeException>("mode", () => source.SetDebounce(4, (NativeDebounce)4, 1000));
            Throws<ArgumentOutOfRangeException>("mode", () => source.SetDebounce(4, (NativeDebounce)(-1), 1000));
            Throws<ArgumentOutOfRangeException>("windowMicros", () => source.SetDebounce(4, NativeDebounce.QuietTime, 0));
            Throws<ArgumentOutOfRangeException>("windowMicros", () => source.SetDebounce(4, NativeDebounce.Lockout, 10000001));
            Throws<ArgumentOutOfRangeException>("windowMicros", () => source.SetDebounce(4, NativeDebounce.Glitch, -5));
            Throws<ArgumentOutOfRangeException>("windowMicros", () => source.SetDebounce(4, NativeDebounce.None, 10));
            List<EdgeRecord> seen = new List<EdgeRecord>();
            new IrqPin(source, 4, PinPull.Up, false).Irq((i, e) => seen.Add(e.Clone()));
            NativeHost.EdgeAt(100, 4, false);
            NativeHost.SetNow(1099);
            source.Pump();
            dispatcher.Poll();
            Assert.AreEqual(0, seen.Count, "still the 1000 µs quiet time");
            NativeHost.SetNow(1100);
            source.Pump();
            dispatcher.Poll();
            Assert.AreEqual(1, seen.Count);
        }

        [TestMethod]
        public void HardSettingsOutOfRangeAreRefusedAndTheOldOnesKept()
        {
            using NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            source.SetHardAction(4, NativeHardAction.Toggle, NativeTrigger.Falling, 2, 0);
            Throws<ArgumentOutOfRangeException>("action", () => source.SetHardAction(4, (NativeHardAction)3, NativeTrigger.Falling, 2, 0));
            Throws<ArgumentOutOfRangeException>("trigger", () => source.SetHardAction(4, NativeHardAction.Count, (NativeTrigger)0, 2, 0));
            Throws<ArgumentOutOfRangeException>("trigger", () => source.SetHardAction(4, NativeHardAction.Count, (NativeTrigger)4, 2, 0));
            Throws<ArgumentOutOfRangeException>("outputPin", () => source.SetHardAction(4, NativeHardAction.Toggle, NativeTrigger.Falling, 4, 0));
            Throws<ArgumentOutOfRangeException>("outputPin", () => source.SetHardAction(4, NativeHardAction.Toggle, NativeTrigger.Falling, 64, 0));
            Throws<ArgumentOutOfRangeException>("lockoutMicros", () => source.SetHardAction(4, NativeHardAction.Count, NativeTrigger.Falling, 0, -1));
            Throws<ArgumentOutOfRangeException>("lockoutMicros", () => source.SetHardAction(4, NativeHardAction.Count, NativeTrigger.Falling, 0, 10000001));
            source.OpenInput(4, PinPull.Up);
            NativeHost.Edge(4, 0);
            NativeHost.Edge(4, 1);
            Assert.AreEqual(1, NativeHost.Toggles(2), "the Toggle on falling edges configured first");

            Throws<ArgumentOutOfRangeException>("lockoutMicros", () => source.SetHardAction(4, IrqTrigger.Both, IrqHardAction.Count, 0, 10000001));
            Throws<ArgumentOutOfRangeException>("trigger", () => source.SetHardAction(4, IrqTrigger.HighLevel, IrqHardAction.Count, 0, 0));
            Throws<ArgumentOutOfRangeException>("outputPin", () => source.SetHardAction(4, IrqTrigger.Both, IrqHardAction.Toggle, 4, 0));
            Throws<ArgumentOutOfRangeException>("action", () => source.SetHardAction(4, IrqTrigger.Both, (IrqHardAction)7, 3, 0));
            NativeHost.Edge(4, 0);
            NativeHost.Edge(4, 1);
            Assert.AreEqual(2, NativeHost.Toggles(2), "still the same action after the refused changes");
        }

        [TestMethod]
        public void ADisposedSourceRefusesToOpenAndHasReleasedItsPins()
        {
            NativeEdgeSource source = NewSource(out IrqDispatcher dispatcher);
            source.OpenInput(4, PinPull.Up);
            source.Dispose();
            source.Dispose();
            Throws<ObjectDisposedException>(null, () => source.OpenInput(5, PinPull.Up));
            Assert.AreEqual(0, NativeHost.Edge(4, 0), "closed by Dispose");
            using NativeEdgeSource next = new NativeEdgeSource(dispatcher, 64, 32, 0); // the module can restart
        }
    }
}
