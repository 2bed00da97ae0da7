using System;
using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Boards;
using NanoIrq.Testing;

namespace NFUnitTest.BoardTests
{
    /// <summary>Each validation error names the board, the pin and the reason; warnings do not throw; custom boards and bad input.</summary>
    [TestClass]
    public class PinValidationTests
    {
        /// <summary>Runs <paramref name="action"/>, which must throw PinNotUsableException; returns it (null if it did not throw).</summary>
        private static PinNotUsableException Refusal(Action action)
        {
            try
            {
                action();
            }
            catch (PinNotUsableException e)
            {
                return e;
            }

            return null;
        }

        private static void AssertNames(PinNotUsableException e, string board, int pin, string reasonWord)
        {
            Assert.IsNotNull(e, board + ": GPIO " + pin.ToString() + " not refused");
            Assert.AreEqual(board, e.BoardName, "names board");
            Assert.AreEqual(pin, e.Pin, "names pin");
            Assert.AreEqual("pin", e.ParamName, "ParamName");
            Assert.StartsWith(board + ": GPIO " + pin.ToString() + " cannot be used: ", e.Message, "message prefix");
            Assert.Contains(reasonWord, e.Reason, "reason");
            Assert.Contains(reasonWord, e.Message, "message has reason");
        }

        /// <summary>
        /// A fresh profile keeps its per-pin facts in string arrays whose untouched slots nanoCLR does not see as null
        /// with ==: every query must still treat them as "no fact" and hand callers a real null.
        /// </summary>
        [TestMethod]
        public void PinsWithoutFactsAreFullyCapableAndTheirReasonsAreRealNulls()
        {
            BoardProfile p = new BoardProfile("fresh-board", "RP2040", 4).Reserve(1, 1, "flash").Warn(2, "on-board LED").Seal();
            Assert.IsTrue(p.Exists(0), "exists");
            Assert.IsTrue(p.IsUsable(0) && p.HasPullUp(0) && p.HasPullDown(0) && p.CanInterrupt(0), "fully capable");
            Assert.IsFalse(p.IsInputOnly(0), "not input-only");
            Assert.IsTrue(p.ReservedReason(0) == null, "reason == null");
            Assert.IsTrue(object.ReferenceEquals(p.WarningFor(0), null), "warning ReferenceEquals null");
            object warning = p.WarningFor(3);
            Assert.IsTrue(warning == null, "warning as object null");
            Assert.AreEqual("flash", p.ReservedReason(1), "stored reason");
            Assert.AreEqual("on-board LED", p.WarningFor(2), "stored warning");
            Assert.AreEqual("general-purpose I/O", p.DescribePin(0), "plain pin");
            Assert.AreEqual("0-3", p.ExistingPinRanges(), "all pins exist");
            p.ValidateInput(0, PinPull.Down, true);
            p.ValidateOutput(3);
        }

        /// <summary>
        /// A never-assigned element of a user's string[] is a text-less slot on nanoCLR that == does not see as null
        /// (and that crashes the interpreter when compared with a string): every text parameter refuses it as
        /// missing, naming the parameter, and stores nothing.
        /// </summary>
        [TestMethod]
        public void NeverAssignedStringArrayElementsAreRefusedAsMissingText()
        {
            string[] unset = new string[3];
            BoardProfile found;
            Assert.IsFalse(BoardCatalog.TryFind(unset[0], out found), "TryFind false");
            Assert.IsNull(found, "null profile");
            Assert.AreEqual("name", NFUnitTest.Refusal.Of(() => BoardCatalog.Find(unset[0])).ParamName, "Find");
            Assert.AreEqual("name", NFUnitTest.Refusal.Of(() => new BoardProfile(unset[0], "RP2040", 4)).ParamName, "board name");
            Assert.AreEqual("chip", NFUnitTest.Refusal.Of(() => new BoardProfile("slot-board", unset[1], 4)).ParamName, "chip");
            BoardProfile p = new BoardProfile("slot-board", "RP2040", 4);
            Assert.AreEqual("targets", NFUnitTest.Refusal.Of(() => p.WithNanoffTargets(unset)).ParamName, "nanoff targets");
            Assert.AreEqual("reason", NFUnitTest.Refusal.Of(() => p.Reserve(1, 1, unset[2])).ParamName, "reason");
            Assert.AreEqual("note", NFUnitTest.Refusal.Of(() => p.WithNote(unset[0])).ParamName, "note");
            Assert.IsTrue(p.IsUsable(1), "nothing stored");
            Assert.AreEqual(0, p.NanoffTargets.Length, "no target stored");
            Assert.AreEqual(0, p.Notes.Length, "no note stored");
        }

        [TestMethod]
        public void ReservedPinIsRefusedForInputAndOutput()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            AssertNames(Refusal(() => p.ValidateInput(6, PinPull.None, false)), "esp32-devkitc", 6, "flash");
            AssertNames(Refusal(() => p.ValidateOutput(11)), "esp32-devkitc", 11, "reserved");
        }

        [TestMethod]
        public void PsramPinsAreReservedOnlyOnWrover()
        {
            AssertNames(Refusal(() => BoardCatalog.Find("esp32-devkitc-wrover").ValidateOutput(16)), "esp32-devkitc-wrover", 16, "PSRAM");
            BoardCatalog.Find("esp32-devkitc").ValidateOutput(16);
        }

        [TestMethod]
        public void S3ReservesOctalMemoryAndUsbPins()
        {
            BoardProfile p = BoardCatalog.Find("esp32-s3-devkitc");
            AssertNames(Refusal(() => p.ValidateOutput(35)), "esp32-s3-devkitc", 35, "octal");
            AssertNames(Refusal(() => p.ValidateInput(19, PinPull.Up, true)), "esp32-s3-devkitc", 19, "USB");
            AssertNames(Refusal(() => p.ValidateInput(22, PinPull.Up, true)), "esp32-s3-devkitc", 22, "does not exist");
            Assert.Contains("addressable", p.WarningFor(48), "GPIO48 RGB LED");
        }

        [TestMethod]
        public void InputOnlyPinIsRefusedAsOutputButOpensAsInput()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            AssertNames(Refusal(() => p.ValidateOutput(34)), "esp32-devkitc", 34, "input-only");
            p.ValidateInput(34, PinPull.None, true);
        }

        [TestMethod]
        public void MissingPullIsRefusedWithTheExternalResistorAdvice()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            PinNotUsableException up = Refusal(() => p.ValidateInput(35, PinPull.Up, false));
            AssertNames(up, "esp32-devkitc", 35, "pull-up");
            Assert.Contains("external pull-up", up.Message, "advice");
            AssertNames(Refusal(() => p.ValidateInput(35, PinPull.Down, false)), "esp32-devkitc", 35, "pull-down");
        }

        [TestMethod]
        public void PinThatCannotInterruptIsRefusedOnlyWhenAnInterruptIsAsked()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            AssertNames(Refusal(() => p.ValidateInput(36, PinPull.None, true)), "esp32-devkitc", 36, "interrupt");
            AssertNames(Refusal(() => p.ValidateInput(39, PinPull.None, true)), "esp32-devkitc", 39, "GPIO-3.11");
            p.ValidateInput(36, PinPull.None, false);
        }

        [TestMethod]
        [DataRow(20)]
        [DataRow(24)]
        [DataRow(30)]
        [DataRow(37)]
        [DataRow(40)]
        [DataRow(-1)]
        [DataRow(1000)]
        public void NonexistentPinIsRefusedAndTheValidPinsAreListed(int pin)
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            PinNotUsableException e = Refusal(() => p.ValidateInput(pin, PinPull.Up, true));
            AssertNames(e, "esp32-devkitc", pin, "does not exist");
            Assert.Contains("0-19, 21-23, 25-27, 32-36, 39", e.Message, "lists GPIOs");
            AssertNames(Refusal(() => p.ValidateOutput(pin)), "esp32-devkitc", pin, "does not exist");
        }

        [TestMethod]
        public void StrappingPinOpensWithAVisibleWarning()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            p.ValidateInput(12, PinPull.Up, true);
            p.ValidateOutput(12);
            string warning = p.WarningFor(12);
            Assert.IsNotNull(warning, "GPIO12 warned");
            Assert.Contains("strapping", warning, "strapping");
            Assert.Contains("1.8 V", warning, "consequence");
            Assert.IsNull(p.WarningFor(4), "plain pin");
            Assert.IsNull(p.WarningFor(6), "reserved pin");
            Assert.Contains("warning: strapping", p.DescribePin(12), "description warns");
        }

        [TestMethod]
        public void AnIrqPinOpenedOnAStrappingPinCarriesTheWarning()
        {
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            IPinValidator board = BoardCatalog.Find("esp32-devkitc");
            IrqPin twelve = new IrqPin(sim, board, 12, PinPull.Up, true);
            Assert.Contains("strapping", twelve.Warning, "warning reaches pin");
            Assert.AreEqual(board.WarningFor(12), twelve.Warning, "same text");
            Assert.IsNull(new IrqPin(sim, board, 4, PinPull.Up, true).Warning, "GPIO4 no warning");
            Assert.IsNull(board.WarningFor(-1), "no such pin");
            Assert.IsNull(board.WarningFor(1000), "no such pin");
        }

        [TestMethod]
        public void PullEnumOutsideItsValuesIsRefused()
        {
            BoardProfile p = BoardCatalog.Find("pico");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.ValidateInput(14, (PinPull)7, false), "7 is no PinPull");
        }

        [TestMethod]
        public void CustomBoardInAFewLines()
        {
            BoardProfile mine = new BoardProfile("my-board", "ESP32", 40)
                .Reserve(6, 11, "SPI flash")
                .InputOnly(34, 39, "input-only pads")
                .NoPulls(34, 39, "no internal pulls")
                .NoInterrupt(33, 33, "wired to a noisy sensor")
                .Strapping(0, "low at reset enters download mode")
                .WithLed(LedKind.Gpio, 2, true, "blue LED on GPIO2")
                .WithDemoPins(0, 2, true)
                .WithNanoffTargets(new string[] { "ESP32_REV3" })
                .Seal();

            Assert.AreEqual("my-board", mine.BoardName, "name");
            Assert.IsTrue(mine.Demo.LedOnBoard, "LED on board");
            AssertNames(Refusal(() => mine.ValidateInput(7, PinPull.None, false)), "my-board", 7, "SPI flash");
            AssertNames(Refusal(() => mine.ValidateOutput(36)), "my-board", 36, "input-only");
            AssertNames(Refusal(() => mine.ValidateInput(37, PinPull.Up, false)), "my-board", 37, "pull-up");
            AssertNames(Refusal(() => mine.ValidateInput(33, PinPull.Up, true)), "my-board", 33, "noisy sensor");
            Assert.Contains("strapping", mine.WarningFor(0), "strapping");
            mine.ValidateInput(33, PinPull.Up, false);
        }

        [TestMethod]
        public void BadFactsThrowAndChangeNothing()
        {
            BoardProfile p = new BoardProfile("test-board", "RP2040", 30);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.Reserve(25, 30, "too far"), "last beyond GPIO29");
            Assert.IsTrue(p.IsUsable(25), "nothing stored");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.Reserve(-1, 3, "negative"), "negative first");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.Reserve(5, 4, "reversed"), "last before first");
            Assert.IsTrue(p.IsUsable(4), "still usable");
            Assert.ThrowsException(typeof(ArgumentException), () => p.Reserve(3, 3, ""), "empty reason");
            Assert.ThrowsException(typeof(ArgumentException), () => p.NoPulls(3, 3, null), "null reason");
            Assert.IsTrue(p.HasPullUp(3), "pull-up unchanged");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.WithLed(LedKind.Gpio, 40, true, "LED"), "LED pin too high");
            Assert.AreEqual((int)LedKind.None, (int)p.Led, "LED unchanged");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => p.WithLed(LedKind.WirelessChip, 25, true, "LED"), "chip LED has no pin");
            p.Reserve(14, 14, "taken");
            Assert.ThrowsException(typeof(PinNotUsableException), () => p.WithDemoPins(14, 15, true), "button reserved");
            Assert.ThrowsException(typeof(ArgumentException), () => p.WithDemoPins(15, 15, true), "same pin");
            Assert.IsNull(p.Demo, "no demo stored");
            Assert.ThrowsException(typeof(ArgumentException), () => p.WithNanoffTargets(new string[0]), "no target");
            Assert.AreEqual(0, p.NanoffTargets.Length, "targets unchanged");
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("My-Board")]
        [DataRow("my board")]
        public void BadBoardNamesAreRefused(string name)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new BoardProfile(name, "ESP32", 40), "name '" + name + "'");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(65)]
        public void GpioCountOutsideOneTo64IsRefused(int count)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new BoardProfile("x", "ESP32", count), "count " + count.ToString());
        }

        [TestMethod]
        public void PinDescriptionsAndRanges()
        {
            BoardProfile p = BoardCatalog.Find("esp32-devkitc");
            Assert.AreEqual("0-19, 21-23, 25-27, 32-36, 39", p.ExistingPinRanges(), "DevKitC GPIOs");
            Assert.StartsWith("absent: ", p.DescribePin(20), "GPIO20 absent");
            Assert.StartsWith("reserved: ", p.DescribePin(1), "GPIO1 reserved");
            Assert.Contains("no internal pull-up or pull-down", p.DescribePin(35), "GPIO35 pulls");
            Assert.AreEqual("general-purpose I/O", p.DescribePin(4), "GPIO4 is plain");
            Assert.AreEqual("0-29", BoardCatalog.Find("pico").ExistingPinRanges(), "pico GPIOs");
        }
    }
}
