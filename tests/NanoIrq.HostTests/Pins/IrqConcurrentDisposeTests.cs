using System;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>
    /// Two threads disposing one IrqPin, one Irq, or the Irq and its pin at once, while edges are in flight: the
    /// counters stay exact (EdgesSeen + Synthesized == Delivered + Filtered + Dropped + DisabledSkipped + Discarded +
    /// Queued, docs/irq.md), nothing throws, the source pin is closed exactly once, and the GPIO can be opened again
    /// as soon as both calls have returned, its new Irq getting every edge of its own.
    /// </summary>
    [TestClass]
    public class IrqConcurrentDisposeTests
    {
        /// <summary>An edge source that counts OpenInput / CloseInput per GPIO around the simulator.</summary>
        private sealed class CountingSource : IEdgeSource
        {
            private readonly SimulatedEdgeSource _inner;
            public readonly int[] Opens = new int[IrqDispatcher.MaxPin + 1];
            public readonly int[] Closes = new int[IrqDispatcher.MaxPin + 1];

            public CountingSource(SimulatedEdgeSource inner)
            {
                _inner = inner;
            }

            public string Name => "counting simulator";

            public IrqDispatcher Dispatcher => _inner.Dispatcher;

            public bool SupportsHardActions => false;

            public void OpenInput(int pin, PinPull pull)
            {
                _inner.OpenInput(pin, pull);
                Interlocked.Increment(ref Opens[pin]);
            }

            public void CloseInput(int pin)
            {
                Interlocked.Increment(ref Closes[pin]);
                _inner.CloseInput(pin);
            }

            public bool ReadLevel(int pin) => _inner.ReadLevel(pin);
        }

        private static void AssertIdentity(Irq irq, string what)
        {
            Assert.AreEqual(
                irq.Stats.EdgesSeen + irq.Stats.Synthesized,
                irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped + irq.Stats.Discarded + irq.Stats.Queued,
                what + ": identity (seen " + irq.Stats.EdgesSeen + ", delivered " + irq.Stats.Delivered + ", filtered " + irq.Stats.Filtered
                + ", dropped " + irq.Stats.Dropped + ", skipped " + irq.Stats.DisabledSkipped + ", discarded " + irq.Stats.Discarded + ", queued " + irq.Stats.Queued + ")");
        }

        [TestMethod]
        public void IrqDisposeAndPinDisposeRacingMidPollKeepTheStaleCountExact()
        {
            // Pin 1's handler runs inside the poll (holding the dispatch gate) and lets thread A dispose the victim Irq
            // (A marks it disposed, then waits for the gate) and thread B dispose the victim's pin. B used to see the Irq
            // disposed, return from its Dispose, and release the GPIO before A's Unregister had counted the queued edges:
            // the poll then dropped those edges uncounted (no pin), A later marked them stale anyway, and the GPIO's next
            // Irq lost its first edge to that stale count.
            IrqDispatcher dispatcher = new IrqDispatcher(new FakeClock());
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            CountingSource source = new CountingSource(sim);
            IrqPin victimPin = new IrqPin(source, 2);
            Irq victim = victimPin.Irq((i, e) => { }, IrqTrigger.Both);
            Exception failure = null;
            Thread a = new Thread(() =>
            {
                try { victim.Dispose(); } catch (Exception ex) { failure = ex; }
            });
            Thread b = new Thread(() =>
            {
                try { victimPin.Dispose(); } catch (Exception ex) { failure = ex; }
            });
            new IrqPin(sim, 1).Irq((i, e) =>
            {
                a.Start();
                SpinWait.SpinUntil(() => victim.IsDisposed, 5000);
                b.Start();

                // B either finishes (the old behaviour) or blocks on this poll (the dispatch gate) before touching the
                // pin: wait until it is in one of those two states, not for a fixed time.
                SpinWait.SpinUntil(() => (b.ThreadState & (ThreadState.WaitSleepJoin | ThreadState.Stopped)) != 0, 5000);
            }, IrqTrigger.Both);

            sim.Pin(1).Drive(true);
            sim.Pin(2).Drive(true);
            sim.Pin(2).Drive(false);
            dispatcher.Poll();
            Assert.IsTrue(a.Join(5000) && b.Join(5000), "both Dispose calls returned");
            Assert.IsNull(failure, "neither Dispose threw: " + failure);
            Assert.AreEqual(1, source.Closes[2], "the source pin was closed exactly once");
            Assert.AreEqual(2, victim.Stats.EdgesSeen);
            Assert.AreEqual(0, victim.Stats.Queued);
            Assert.AreEqual(2, victim.Stats.Discarded, "both edges were still undelivered when Dispose began");
            AssertIdentity(victim, "victim");
            Assert.AreEqual(victim.Stats.Discarded, dispatcher.Stats.Discarded, "every edge the Irq wrote off was taken out of the ring as discarded");

            int got = 0;
            Irq reopened = new IrqPin(source, 2).Irq((i, e) => got++, IrqTrigger.Both);
            sim.Pin(2).Drive(true);
            dispatcher.Poll();
            Assert.AreEqual(1, got, "the reopened GPIO's first edge is delivered, not eaten by a stale count");
            Assert.AreEqual(2, dispatcher.Stats.Discarded);
            AssertIdentity(reopened, "reopened");
        }

        [DataTestMethod]
        [DataRow(0, DisplayName = "Irq.Dispose on both threads")]
        [DataRow(1, DisplayName = "IrqPin.Dispose on both threads")]
        [DataRow(2, DisplayName = "Irq.Dispose and IrqPin.Dispose")]
        public void TwoThreadsDisposingWhileEdgesFlowKeepEveryCounterExact(int mode)
        {
            const int Rounds = 300;
            const int EdgesPerRound = 40;
            const int Gpio = 9;
            IrqDispatcher dispatcher = new IrqDispatcher(new HostClock(), 64, 8);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            CountingSource source = new CountingSource(sim);
            SimulatedPin wire = sim.Pin(Gpio);
            long discardedByIrqs = 0;
            int failures = 0;
            string firstFailure = null;
            dispatcher.Start();
            try
            {
                for (int round = 0; round < Rounds; round++)
                {
                    IrqPin pin = new IrqPin(source, Gpio);
                    Irq irq = pin.Irq((i, e) => { }, IrqTrigger.Both);
                    using Barrier go = new Barrier(3);
                    Thread producer = new Thread(() =>
                    {
                        go.SignalAndWait();
                        for (int i = 0; i < EdgesPerRound; i++)
                        {
                            wire.Drive(!wire.Level);
                        }
                    });
                    ThreadStart dispose = () =>
                    {
                        go.SignalAndWait();
                        try
                        {
                            if (mode == 0)
                            {
                                irq.Dispose();
                            }
                            else
                            {
                                pin.Dispose();
                            }
                        }
                        catch (Exception ex)
                        {
                            if (Interlocked.Increment(ref failures) == 1)
                            {
                                firstFailure = ex.ToString();
                            }
                        }
                    };
                    ThreadStart disposeOther = mode == 2
                        ? () =>
                        {
                            go.SignalAndWait();
                            try
                            {
                                irq.Dispose();
                            }
                            catch (Exception ex)
                            {
                                if (Interlocked.Increment(ref failures) == 1)
                                {
                                    firstFailure = ex.ToString();
                                }
                            }
                        }
                        : dispose;
                    Thread first = new Thread(dispose);
                    Thread second = new Thread(disposeOther);

                    // The producer waits on the barrier too, so edges are being posted while both Dispose calls run.
                    producer.Start();
                    first.Start();
                    second.Start();
                    Assert.IsTrue(first.Join(10000) && second.Join(10000) && producer.Join(10000), "round " + round + " finished");
                    Assert.AreEqual(0, failures, "round " + round + ": a Dispose threw: " + firstFailure);
                    Assert.IsTrue(irq.IsDisposed && !pin.IsOpen, "round " + round + ": disposed");
                    Assert.AreEqual(round + 1, source.Opens[Gpio], "round " + round + ": opened once per round");
                    Assert.AreEqual(round + 1, source.Closes[Gpio], "round " + round + ": the source pin was closed exactly once");
                    // Posting takes no lock: an edge the producer posted while Dispose ran is written off when the running
                    // dispatcher reads it, right after.
                    Assert.IsTrue(SpinWait.SpinUntil(() => irq.Stats.Queued == 0, 5000), "round " + round + ": nothing left counted as queued once the dispatcher read the ring");
                    AssertIdentity(irq, "round " + round);
                    discardedByIrqs += irq.Stats.Discarded;
                }

                // The GPIO still works: a fresh Irq gets every one of its own edges, none taken by a leftover stale count.
                int delivered = 0;
                Irq last = new IrqPin(source, Gpio).Irq((i, e) => Interlocked.Increment(ref delivered), IrqTrigger.Both);
                for (int i = 0; i < 50; i++)
                {
                    wire.Drive(!wire.Level);
                }

                Assert.IsTrue(SpinWait.SpinUntil(() => Volatile.Read(ref delivered) == 50, 5000), "the last Irq got all 50 edges, got " + delivered);
                Assert.AreEqual(0, last.Stats.Discarded);
            }
            finally
            {
                dispatcher.Stop();
            }

            dispatcher.Poll();
            Assert.AreEqual(discardedByIrqs, (long)dispatcher.Stats.Discarded, "the dispatcher took out of the ring exactly the edges the Irqs wrote off");
        }
    }
}
