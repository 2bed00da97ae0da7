using nanoFramework.TestFramework;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>
    /// The edge path allocates nothing after start-up: bouncing edges from a simulated pin through the dispatcher, the
    /// default quiet-time debouncer (and a gesture detector) to the handlers, with polls and filter deadlines, leave a
    /// <see cref="NoAllocationProbe"/> untouched: 20,000 edges on the host; on nanoCLR as many as would use up the free
    /// heap at 64 bytes per edge (one by-value struct copy is 72 bytes on a 32-bit board), with no garbage collection.
    /// </summary>
    [TestClass]
    public class EdgePathAllocationTests
    {
        private static int s_edges;
        private static int s_gestures;

        [TestMethod]
        public void EdgesThroughTheDefaultDebouncerAllocateNothing()
        {
            FakeClock clock = new FakeClock(0xFFFF0000u); // wraps during the run
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            SimulatedPin pin = source.Pin(4);
            pin.Drive(true);
            IrqOptions options = new IrqOptions();
            options.Filter = new QuietTimeDebouncer(true);
            Irq irq = new IrqPin(source, 4, PinPull.Up, true).Irq(OnEdge, IrqTrigger.Both, options);
            Bounce(clock, pin, dispatcher, 200); // first calls, lazy set-up
            int delivered = irq.Stats.Delivered;

            NoAllocationProbe probe = new NoAllocationProbe();
            int edges = probe.RepeatsToReveal(BytesPerEdge, Edges);
            Bounce(clock, pin, dispatcher, edges);
            bool none = probe.AllocatedNothing;

            Assert.IsTrue(none, "no allocation");
            Assert.IsTrue(irq.Stats.Delivered - delivered >= edges / Burst - 2, "one debounced edge per burst");
            Assert.AreEqual(0, irq.Stats.Dropped, "nothing dropped");
        }

        [TestMethod]
        public void EdgesThroughDebouncerAndGesturesAllocateNothing()
        {
            FakeClock clock = new FakeClock(0);
            IrqDispatcher dispatcher = new IrqDispatcher(clock);
            SimulatedEdgeSource source = new SimulatedEdgeSource(dispatcher);
            SimulatedPin pin = source.Pin(5);
            pin.Drive(true);
            IrqOptions options = new IrqOptions();
            options.Filter = new FilterChain(new QuietTimeDebouncer(true), new GestureDetector(true, OnGesture));
            Irq irq = new IrqPin(source, 5, PinPull.Up, true).Irq(OnEdge, IrqTrigger.Both, options);
            Bounce(clock, pin, dispatcher, 200);
            int gestures = s_gestures;

            NoAllocationProbe probe = new NoAllocationProbe();
            int edges = probe.RepeatsToReveal(BytesPerEdge, Edges);
            Bounce(clock, pin, dispatcher, edges);
            bool none = probe.AllocatedNothing;

            Assert.IsTrue(none, "no allocation");
            Assert.IsTrue(s_gestures - gestures >= edges / Burst, "gestures recognised");
            Assert.AreEqual(0, irq.Stats.Dropped, "nothing dropped");
        }

        private const int Edges = 20000;
        private const int BytesPerEdge = 64;
        private const int Burst = 7;

        // count edges in bursts of Burst (odd: each burst flips the level, a press or a release) 150 µs apart, each burst
        // followed by 40 ms settled; a poll after every edge and every 5 ms of the settled time
        private static void Bounce(FakeClock clock, SimulatedPin pin, IrqDispatcher dispatcher, int count)
        {
            for (int i = 0; i < count; i++)
            {
                pin.Drive(!pin.Level);
                dispatcher.Poll();
                if (i % Burst == Burst - 1)
                {
                    for (int ms = 0; ms < 40; ms += 5)
                    {
                        clock.Advance(5000);
                        dispatcher.Poll();
                    }
                }
                else
                {
                    clock.Advance(150);
                }
            }
        }

        private static void OnEdge(Irq irq, EdgeRecord edge)
        {
            s_edges++;
        }

        private static void OnGesture(GestureEvent gesture)
        {
            s_gestures++;
        }
    }
}
