using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>
    /// A source that can run hard actions and records, per pin, whether one is armed now. Like the native module it
    /// refuses to arm a pin it does not have open, and it serialises its own state under a lock (the "source lock").
    /// Each call first spins for 0 to 20,000 iterations (up to some tens of µs) (varying from call to call), standing for the cost of the
    /// native call: it widens, unevenly, the window between the caller's decision and the moment the action is armed,
    /// as a real SetHardAction (masking the pin's interrupt, a spinlock on ESP32) does.
    /// </summary>
    internal sealed class ArmedStateSource : IEdgeSource, IHardActionSource
    {
        private readonly SimulatedEdgeSource _sim;
        private readonly object _gate = new object();
        private readonly bool[] _open = new bool[IrqDispatcher.MaxPin + 1];
        private readonly bool[] _armed = new bool[IrqDispatcher.MaxPin + 1];
        private int _calls;

        public ArmedStateSource(IrqDispatcher dispatcher)
        {
            _sim = new SimulatedEdgeSource(dispatcher);
        }

        public string Name
        {
            get { return "armed-state"; }
        }

        public IrqDispatcher Dispatcher
        {
            get { return _sim.Dispatcher; }
        }

        public bool SupportsHardActions
        {
            get { return true; }
        }

        /// <summary>Arming calls refused because the pin was not open (the native module throws for them too).</summary>
        public int ArmOnClosedPin;

        public void OpenInput(int pin, PinPull pull)
        {
            lock (_gate)
            {
                _sim.OpenInput(pin, pull);
                _open[pin] = true;
            }
        }

        public void CloseInput(int pin)
        {
            lock (_gate)
            {
                _sim.CloseInput(pin);
                _open[pin] = false;
                _armed[pin] = false;
            }
        }

        public bool ReadLevel(int pin)
        {
            return _sim.ReadLevel(pin);
        }

        public bool IsArmed(int pin)
        {
            lock (_gate)
            {
                return _armed[pin];
            }
        }

        public void SetHardAction(int pin, IrqTrigger trigger, IrqHardAction action, int outputPin, int lockoutMicros)
        {
            Thread.SpinWait((Interlocked.Increment(ref _calls) * 7919) % 20000);
            lock (_gate)
            {
                if (action == IrqHardAction.None)
                {
                    _armed[pin] = false;
                    return;
                }

                if (!_open[pin])
                {
                    ArmOnClosedPin++;
                    throw new ArgumentOutOfRangeException("pin", "GPIO " + pin + " is not open on this source.");
                }

                _armed[pin] = true;
            }
        }
    }

    /// <summary>
    /// Irq.Enable / Disable / Dispose from two real threads on an Irq with a hard action: the action is armed exactly
    /// while the Irq is enabled, never after Dispose, never on the pin opened again after it.
    /// </summary>
    /// <remarks>
    /// The interleaving these tests catch (before IrqPin serialised arming under its own lock and read the Irq's state
    /// there): thread A's Enable writes enabled = 1; thread B's Disable writes enabled = 0 and disarms; then A, which
    /// decided to arm before B ran, arms. The Irq ends disabled with its interrupt-time action armed. With Dispose: A's
    /// Enable passes the disposed check and reads the pin's action; B disposes (disarms, closes the GPIO) and, in the
    /// second test, opens the GPIO again; then A arms the old action on a closed pin (the source throws out of Enable)
    /// or on the new pin's GPIO.
    /// </remarks>
    [TestClass]
    public class IrqHardArmRaceTests
    {
        private static IrqOptions HardCount()
        {
            IrqOptions options = new IrqOptions();
            options.Hard = true;
            options.HardAction = IrqHardAction.Count;
            return options;
        }

        [TestMethod]
        public void EnableAndDisableOnTwoThreadsLeaveTheHardActionArmedExactlyWhenEnabled()
        {
            const int Rounds = 20000;
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            ArmedStateSource source = new ArmedStateSource(dispatcher);
            Irq irq = new IrqPin(source, 5).Irq((i, e) => { }, IrqTrigger.Rising, HardCount());
            Assert.IsTrue(source.IsArmed(5), "armed at creation (enabled)");

            int mismatches = 0;
            int firstMismatch = -1;
            int round = 0;

            // Each round: both threads meet, one enables while the other disables, both meet again and the barrier's
            // post-phase action (both threads parked) compares the armed state with IsEnabled.
            using (Barrier barrier = new Barrier(2, b =>
            {
                if ((b.CurrentPhaseNumber & 1) == 1 && source.IsArmed(5) != irq.IsEnabled)
                {
                    if (mismatches++ == 0)
                    {
                        firstMismatch = round;
                    }
                }
            }))
            {
                Exception failure = null;
                Thread enabler = new Thread(() =>
                {
                    try
                    {
                        for (int r = 0; r < Rounds; r++)
                        {
                            barrier.SignalAndWait();
                            irq.Enable();
                            barrier.SignalAndWait();
                        }
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                });
                enabler.Start();
                for (int r = 0; r < Rounds; r++)
                {
                    round = r;
                    barrier.SignalAndWait();
                    irq.Disable();
                    barrier.SignalAndWait();
                }

                Assert.IsTrue(enabler.Join(60000));
                Assert.IsNull(failure, "Enable threw: " + failure);
            }

            Assert.AreEqual(0, mismatches, "rounds that ended with armed != IsEnabled (first at round " + firstMismatch + ")");

            irq.Disable();
            Assert.IsFalse(source.IsArmed(5));
            irq.Enable();
            Assert.IsTrue(source.IsArmed(5));
            irq.Dispose();
            Assert.IsFalse(source.IsArmed(5), "disarmed after Dispose");
            Assert.AreEqual(0, source.ArmOnClosedPin);
        }

        [TestMethod]
        public void EnableRacingDisposeNeverThrowsAnythingButObjectDisposedAndNeverArmsTheReopenedPin()
        {
            const int Rounds = 3000;
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            ArmedStateSource source = new ArmedStateSource(dispatcher);
            int wrongThrows = 0;
            int armedAfter = 0;
            Exception firstWrong = null;
            for (int r = 0; r < Rounds; r++)
            {
                IrqPin pin = new IrqPin(source, 7);
                Irq irq = pin.Irq((i, e) => { }, IrqTrigger.Both, HardCount());
                irq.Disable();
                int go = 0;
                Thread enabler = new Thread(() =>
                {
                    while (Volatile.Read(ref go) == 0)
                    {
                    }

                    while (true)
                    {
                        try
                        {
                            irq.Enable();
                        }
                        catch (ObjectDisposedException)
                        {
                            return;
                        }
                        catch (Exception ex)
                        {
                            Interlocked.Increment(ref wrongThrows);
                            firstWrong = firstWrong ?? ex;
                            return;
                        }
                    }
                });
                enabler.Start();
                Volatile.Write(ref go, 1);
                Thread.SpinWait(50 + (r % 7) * 40);
                irq.Dispose();

                // The GPIO opened again at once, without a hard action: nothing may arm it.
                IrqPin again = new IrqPin(source, 7);
                Assert.IsTrue(enabler.Join(10000));
                if (source.IsArmed(7))
                {
                    armedAfter++;
                }

                again.Dispose();
            }

            Assert.AreEqual(0, wrongThrows, "Enable racing Dispose threw something else than ObjectDisposedException: " + firstWrong);
            Assert.AreEqual(0, armedAfter, "rounds whose reopened GPIO ended with the disposed Irq's hard action armed");
            Assert.AreEqual(0, source.ArmOnClosedPin, "arming calls made on a GPIO already closed");
        }
    }
}
