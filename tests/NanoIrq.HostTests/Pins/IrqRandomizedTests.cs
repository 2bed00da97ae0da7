using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoIrq;
using NFUnitTest.Pins;
using NanoIrq.Testing;

namespace NanoIrq.HostTests.Pins
{
    /// <summary>
    /// Over a million random edges on six simulated pins (random spacing, zero-width glitches, simultaneous edges on
    /// several pins, a small ring that overflows, random poll cadence, filters, a level trigger, run-time disable and
    /// trigger changes): every edge is accounted for on every pin and sequence numbers only grow.
    /// </summary>
    [TestClass]
    public class IrqRandomizedTests
    {
        private const int Pins = 6;
        private const int Target = 1000000;

        [TestMethod]
        [DataRow(12345)]
        [DataRow(20240607)]
        public void EveryEdgeIsDeliveredFilteredDroppedOrSkipped(int seed)
        {
            Random random = new Random(seed);
            FakeClock clock = new FakeClock(0xFFF00000u); // crosses the 2^32 wrap early in the run
            IrqDispatcher dispatcher = new IrqDispatcher(clock, 48, 8);
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            Irq[] irqs = new Irq[Pins];
            SimulatedPin[] pins = new SimulatedPin[Pins];
            long[] produced = new long[Pins];
            uint[] lastEdgeSeq = new uint[Pins];
            uint[] lastAnySeq = new uint[Pins];
            long[] calls = new long[Pins];
            long[] edgeCalls = new long[Pins];
            string failure = null;

            for (int p = 0; p < Pins; p++)
            {
                int index = p;
                IrqOptions options = new IrqOptions();
                IrqTrigger trigger = IrqTrigger.Both;
                switch (p)
                {
                    case 1: trigger = IrqTrigger.Rising; break;
                    case 2: options.Filter = new QuietFilter(50); break;
                    case 3: options.Filter = new HostGlitchFilter(3); trigger = IrqTrigger.Falling; break;
                    case 4: trigger = IrqTrigger.Rising | IrqTrigger.HighLevel; options.LevelRepeatMicros = 200; break;
                }

                pins[p] = sim.Pin(p + 10);
                irqs[p] = new IrqPin(sim, p + 10).Irq((irq, edge) =>
                {
                    calls[index]++;
                    if (edge.Pin != index + 10 && failure == null)
                    {
                        failure = "pin " + (index + 10) + " got an edge of pin " + edge.Pin;
                    }

                    if (edge.Sequence < lastAnySeq[index] && failure == null)
                    {
                        failure = "pin " + (index + 10) + ": sequence went back from " + lastAnySeq[index] + " to " + edge.Sequence;
                    }

                    lastAnySeq[index] = edge.Sequence;
                    if ((irq.Flags & (IrqFlags.Rising | IrqFlags.Falling)) != 0)
                    {
                        edgeCalls[index]++;
                        if (edge.Sequence <= lastEdgeSeq[index] && failure == null)
                        {
                            failure = "pin " + (index + 10) + ": edge #" + edge.Sequence + " after #" + lastEdgeSeq[index];
                        }

                        lastEdgeSeq[index] = edge.Sequence;
                    }
                }, trigger, options);
            }

            long total = 0;
            int sincePoll = 0;
            int pollEvery = 1;
            while (total < Target)
            {
                int r = random.Next(100);
                int advance = r < 30 ? 0 : (r < 90 ? random.Next(1, 40) : random.Next(40, 3000));
                clock.Advance(advance);
                int p = random.Next(Pins);
                int r2 = random.Next(100);
                if (r2 < 10)
                {
                    pins[p].Glitch(); // zero-width: two edges at the same µs
                    produced[p] += 2;
                    total += 2;
                }
                else if (r2 < 20)
                {
                    int q = (p + 1 + random.Next(Pins - 1)) % Pins; // simultaneous edges on two pins
                    pins[p].Drive(!pins[p].Level);
                    pins[q].Drive(!pins[q].Level);
                    produced[p]++;
                    produced[q]++;
                    total += 2;
                }
                else
                {
                    pins[p].Drive(!pins[p].Level);
                    produced[p]++;
                    total++;
                }

                if (r2 == 50)
                {
                    irqs[5].Disable();
                }
                else if (r2 == 51)
                {
                    irqs[5].Enable();
                }
                else if (r2 == 52)
                {
                    irqs[0].Trigger = random.Next(2) == 0 ? IrqTrigger.Both : IrqTrigger.Falling;
                }

                if (++sincePoll >= pollEvery)
                {
                    dispatcher.Poll();
                    sincePoll = 0;
                    pollEvery = random.Next(1, 64); // sometimes more edges than the 48-slot ring holds
                }
            }

            clock.Advance(10000); // past every filter deadline
            dispatcher.Poll();
            dispatcher.Poll();

            Assert.IsNull(failure, failure);
            Assert.AreEqual(0, dispatcher.Faults.Recorded, "no handler threw");
            Assert.AreEqual(0, dispatcher.Stats.RingCount, "nothing left queued");
            long dropped = 0;
            for (int p = 0; p < Pins; p++)
            {
                Irq irq = irqs[p];
                string name = "pin " + (p + 10);
                Assert.AreEqual(produced[p], (long)irq.Stats.EdgesSeen, name + ": seen == produced");
                Assert.AreEqual(produced[p], (long)pins[p].Sequence, name + ": the last sequence number == produced");
                Assert.AreEqual(produced[p], (long)irq.Stats.Delivered + irq.Stats.Filtered + irq.Stats.Dropped + irq.Stats.DisabledSkipped, name + ": delivered + filtered + dropped + skipped == produced");
                Assert.AreEqual(calls[p], (long)irq.Stats.Delivered + irq.Stats.LevelCalls, name + ": handler calls == delivered + level calls");
                Assert.IsTrue(irq.Stats.Delivered > 0, name + ": something was delivered");
                dropped += irq.Stats.Dropped;
            }

            Assert.IsTrue(total >= Target, "at least a million edges");
            Assert.IsTrue(dropped > 0, "the ring overflowed at least once (the drop path was exercised)");
            Assert.IsTrue(irqs[2].Stats.Filtered > 0 && irqs[3].Stats.Filtered > 0, "both filters swallowed edges");
            Assert.IsTrue(irqs[4].Stats.LevelCalls > 0, "the level trigger repeated");
            Assert.IsTrue(irqs[5].Stats.DisabledSkipped > 0, "disabled edges were skipped");
            Console.WriteLine("seed " + seed + ": " + total + " edges, dropped " + dropped + ", ring high water " + dispatcher.Stats.RingHighWater);
        }
    }
}
