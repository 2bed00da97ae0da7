using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Native;

namespace NanoIrq.HostTests.Native
{
    /// <summary>
    /// Issue #9, a redeploy without a board reset: the C module's state survives nanoFramework's soft reboot while the
    /// managed statics do not. Simulated here by forgetting a live source without Dispose
    /// (<see cref="NativeEdgeSource.ForgetInstanceAsSoftReboot"/> clears the managed one-instance guard, the C state is
    /// kept) and starting a "next program". Inside one program a second source is refused and changes nothing.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class NativeRedeployTests : NativeModuleTest
    {
        [TestMethod]
        public void RedeployReclaimsThePreviousProgramsPinsAndStartsFromZero()
        {
            // program A: pins 4 (plain) and 5 (hard toggle of GPIO 9) captured, edges queued, never disposed
            NativeEdgeSource a = NewSource(out IrqDispatcher dispatcherA);
            a.SetHardAction(5, NativeHardAction.Toggle, NativeTrigger.Both, 9, 0);
            a.OpenInput(4, PinPull.Up);
            a.OpenInput(5, PinPull.Up);
            NativeHost.EdgeAt(100, 4, false);
            NativeHost.EdgeAt(110, 4, true);
            NativeHost.EdgeAt(120, 5, false);
            Assert.AreEqual(1, NativeHost.Toggles(9));

            NativeEdgeSource.ForgetInstanceAsSoftReboot(); // the redeploy: A's managed side is gone, its C state is not

            // program B
            NativeEdgeSource b = NewSource(out IrqDispatcher dispatcherB); // NIRQ_ERR_PIN_BUSY before issue #9
            Assert.AreEqual(0, NativeHost.Edge(4, 0), "A's interrupt on GPIO 4 is off");
            Assert.AreEqual(0, NativeHost.Edge(5, 1), "A's interrupt on GPIO 5 is off");
            Assert.AreEqual(1, NativeHost.Toggles(9), "A's hard action no longer runs");
            Assert.AreEqual(0, b.Pump(), "A's queued records were discarded");

            NativeHost.SetLevel(4, 1);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            new IrqPin(b, 4, PinPull.Up, false).Irq((pin, e) => seen.Add(e.Clone()));
            new IrqPin(b, 5, PinPull.Up, false).Irq((pin, e) => seen.Add(e.Clone())); // not busy
            NativeHost.EdgeAt(500, 4, false);
            Assert.AreEqual(1, b.Pump());
            dispatcherB.Poll();
            Assert.AreEqual(1, seen.Count);
            Assert.AreEqual(4, seen[0].Pin);
            Assert.AreEqual(500u, seen[0].TimeMicros);
            Assert.AreEqual(1u, seen[0].Sequence, "per-pin sequence starts again at 1");
            Assert.AreEqual(1, NativeHost.Toggles(9), "GPIO 5 reopened without A's hard action");

            NativePinCounters k = new NativePinCounters();
            b.GetCounters(4, k);
            Assert.AreEqual(1u, k.Seen);
            Assert.AreEqual(1u, k.Delivered);
            Assert.AreEqual(0u, k.Dropped);
            b.GetCounters(5, k);
            Assert.AreEqual(0u, k.Seen);
            Assert.AreEqual(0u, k.Hard);

            b.Dispose();
            GC.KeepAlive(a); // on a device A's objects died with the soft reboot; here it is simply never used again
        }

        [TestMethod]
        public void SecondSourceInTheSameProgramIsRefusedAndChangesNothing()
        {
            using NativeEdgeSource first = NewSource(out IrqDispatcher dispatcher);
            List<EdgeRecord> seen = new List<EdgeRecord>();
            new IrqPin(first, 4, PinPull.Up, false).Irq((pin, e) => seen.Add(e.Clone()));
            NativeHost.EdgeAt(100, 4, false);

            InvalidOperationException ex = Assert.ThrowsExactly<InvalidOperationException>(() => new NativeEdgeSource(dispatcher, 64, 32, 0));
            StringAssert.Contains(ex.Message, "Only one NativeEdgeSource");
            Assert.ThrowsExactly<InvalidOperationException>(() => new NativeEdgeSource(dispatcher));
            Assert.ThrowsExactly<InvalidOperationException>(() => new NativeEdgeSource(dispatcher, 1024, 2, 0));

            Assert.AreEqual(1, NativeHost.Edge(4, 1), "the first source still captures GPIO 4");
            Assert.AreEqual(2, first.Pump(), "the record queued before the refusal is still there");
            dispatcher.Poll();
            Assert.AreEqual(2, seen.Count);
            Assert.AreEqual(1u, seen[0].Sequence);
            Assert.AreEqual(100u, seen[0].TimeMicros);
            Assert.AreEqual(2u, seen[1].Sequence);
        }

        [TestMethod]
        public void DisposeLetsTheNextSourceStartAndAStaleSourceReadsNothing()
        {
            NativeEdgeSource first = NewSource(out IrqDispatcher dispatcher);
            first.OpenInput(4, PinPull.Up);
            first.Dispose();
            Assert.AreEqual(0, NativeHost.Edge(4, 0), "dispose closed GPIO 4");

            using NativeEdgeSource second = new NativeEdgeSource(dispatcher, 64, 32, 0);
            second.OpenInput(4, PinPull.Up);
            NativeHost.EdgeAt(200, 4, false);
            Assert.AreEqual(0, first.Pump(), "a disposed source never takes the next source's records");
            Assert.AreEqual(1, second.Pump());
        }

        [TestMethod]
        public void AFailedStartDoesNotHoldTheGuard()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new NativeHostClock());
            ArgumentOutOfRangeException bad = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new NativeEdgeSource(dispatcher, 100, 32, 0));
            Assert.AreEqual("ringCapacity", bad.ParamName);
            using NativeEdgeSource source = new NativeEdgeSource(dispatcher, 64, 32, 0);
            source.OpenInput(4, PinPull.Up);
            Assert.AreEqual(1, NativeHost.Edge(4, 0));
        }
    }
}
