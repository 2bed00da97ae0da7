using System;
using nanoFramework.TestFramework;
using NanoIrq;

namespace NFUnitTest.Pins
{
    [TestClass]
    public class IrqPinTests
    {
        [TestMethod]
        public void APinAlreadyInUseIsRefusedAndTheFirstKeepsWorking()
        {
            IrqBench b = new IrqBench();
            Irq irq = b.Attach(4, IrqTrigger.Both);
            Assert.ThrowsException(typeof(ArgumentException), () => new IrqPin(b.Sim, 4, PinPull.Up, false), "GPIO 4 twice");
            b.Drive(4, true, 10);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, irq.Stats.Delivered, "the first pin still delivers");
        }

        [TestMethod]
        public void TheInUseMessageNamesTheGpio()
        {
            IrqBench b = new IrqBench();
            b.Attach(4, IrqTrigger.Both);
            string message = null;
            string param = null;
            try
            {
                new IrqPin(b.Sim, 4);
            }
            catch (ArgumentException ex)
            {
                message = ex.Message;
                param = ex.ParamName;
            }

            Assert.IsNotNull(message, "thrown");
            Assert.Contains("GPIO 4", message, "names the pin");
            Assert.AreEqual("pin", param, "names the parameter");
        }

        [TestMethod]
        public void ABoardThatCannotInterruptOnThePinRefusesItAndNothingIsClaimed()
        {
            IrqBench b = new IrqBench();
            RefusingBoard board = new RefusingBoard();
            Assert.ThrowsException(typeof(PinNotUsableException), () => new IrqPin(b.Sim, board, 6, PinPull.None, false), "GPIO 6 is reserved");
            Assert.ThrowsException(typeof(PinNotUsableException), () => new IrqPin(b.Sim, board, 34, PinPull.Up, true), "GPIO 34 has no pull-up");
            Assert.IsFalse(b.Sim.Pin(6).IsOpen, "the source did not open GPIO 6");
            IrqPin ok = new IrqPin(b.Sim, board, 34, PinPull.None, false);
            Assert.IsTrue(ok.IsOpen, "GPIO 34 without pull is fine on that board");
            IrqPin six = new IrqPin(b.Sim, 6);
            Assert.IsTrue(six.IsOpen, "the refused number was not left claimed in the dispatcher");
        }

        [TestMethod]
        public void TheBoardsWarningForAnAllowedPinIsKeptOnThePin()
        {
            IrqBench b = new IrqBench();
            RefusingBoard board = new RefusingBoard();
            IrqPin zero = new IrqPin(b.Sim, board, 0, PinPull.Up, true);
            Assert.AreEqual("strapping pin: hold high at boot", zero.Warning, "the board's warning; unchanged");
            IrqPin four = new IrqPin(b.Sim, board, 4, PinPull.Up, true);
            Assert.IsNull(four.Warning, "nothing to say about GPIO 4");
            IrqPin five = new IrqPin(b.Sim, 5);
            Assert.IsNull(five.Warning, "no board; no warning");
        }

        [TestMethod]
        public void ANullHandlerIsRefused()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            Assert.ThrowsException(typeof(ArgumentNullException), () => pin.Irq(null, IrqTrigger.Both), "null handler");
            Assert.IsNull(pin.CurrentIrq, "nothing attached");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(128)]
        public void APinNumberOutOfRangeIsRefused(int number)
        {
            IrqBench b = new IrqBench();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IrqPin(b.Sim, number), "GPIO " + number.ToString());
        }

        [TestMethod]
        public void APullOutOfRangeIsRefused()
        {
            IrqBench b = new IrqBench();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IrqPin(b.Sim, 4, (PinPull)7, false), "pull 7");
            Assert.IsFalse(b.Sim.Pin(4).IsOpen, "nothing opened");
        }

        [TestMethod]
        public void HardIsNotSupportedOnTheSimulatedSource()
        {
            IrqBench b = new IrqBench();
            IrqPin pin = new IrqPin(b.Sim, 4);
            IrqOptions options = new IrqOptions();
            options.Hard = true;
            string message = null;
            try
            {
                pin.Irq(b.Log.Handle, IrqTrigger.Rising, options);
            }
            catch (NotSupportedException ex)
            {
                message = ex.Message;
            }

            Assert.IsNotNull(message, "NotSupportedException thrown");
            Assert.Contains("native capture module", message, "explains what hard actions need");
            Assert.IsNull(pin.CurrentIrq, "no Irq attached (no silent fallback)");
        }

        [TestMethod]
        public void ActiveLowInvertsTheLogicalViewOnly()
        {
            IrqBench b = new IrqBench();
            IrqPin button = new IrqPin(b.Sim, 0, PinPull.Up, true);
            Assert.IsTrue(button.Level, "a never-driven pin with pull-up reads high");
            Assert.IsFalse(button.Value, "released: inactive");
            Irq irq = button.Irq(b.Log.Handle, IrqTrigger.Falling);
            b.Drive(0, false, 100);
            b.Dispatcher.Poll();
            Assert.AreEqual(1, b.Log.Count, "the press is a falling edge");
            Assert.IsFalse(b.Log.Edges[0].Level, "the record is physical: low");
            Assert.IsTrue(button.IsActive(b.Log.Edges[0]), "and active; the pin being active-low");
            Assert.IsTrue(button.Value, "pressed");
            Assert.AreEqual(1, irq.Stats.Delivered, "delivered");
        }
    }
}
