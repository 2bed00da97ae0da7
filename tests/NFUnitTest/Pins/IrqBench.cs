using System;
using NanoIrq;
using NanoIrq.Testing;

namespace NFUnitTest.Pins
{
    /// <summary>A fake clock, a dispatcher and a simulated source wired together, plus a call log: the bench of every Irq test.</summary>
    internal sealed class IrqBench
    {
        public readonly FakeClock Clock;
        public readonly IrqDispatcher Dispatcher;
        public readonly SimulatedEdgeSource Sim;
        public readonly CallLog Log = new CallLog();

        public IrqBench()
            : this(IrqDispatcher.DefaultRingCapacity, 1000u)
        {
        }

        public IrqBench(int ringCapacity, uint startMicros)
        {
            Clock = new FakeClock(startMicros);
            Dispatcher = new IrqDispatcher(Clock, ringCapacity, 4);
            Sim = new SimulatedEdgeSource(Dispatcher);
        }

        /// <summary>Opens GPIO <paramref name="pin"/> (no pull, active-high) and attaches the call log for <paramref name="trigger"/>.</summary>
        public Irq Attach(int pin, IrqTrigger trigger)
        {
            return new IrqPin(Sim, pin).Irq(Log.Handle, trigger);
        }

        /// <summary>As <see cref="Attach(int, IrqTrigger)"/> with <paramref name="filter"/> as the Irq's edge filter.</summary>
        public Irq Attach(int pin, IrqTrigger trigger, IEdgeFilter filter)
        {
            IrqOptions options = new IrqOptions();
            options.Filter = filter;
            return new IrqPin(Sim, pin).Irq(Log.Handle, trigger, options);
        }

        /// <summary>Drives <paramref name="pin"/> to <paramref name="level"/> after stepping the clock by <paramref name="afterMicros"/>.</summary>
        public void Drive(int pin, bool level, int afterMicros)
        {
            Clock.Advance(afterMicros);
            Sim.Pin(pin).Drive(level);
        }
    }

    /// <summary>Records every handler call: who, why, which edge, in order.</summary>
    internal sealed class CallLog
    {
        public int Count;
        public readonly Irq[] Irqs = new Irq[64];
        public readonly IrqFlags[] Flags = new IrqFlags[64];
        public readonly EdgeRecord[] Edges = new EdgeRecord[64];

        public void Handle(Irq irq, EdgeRecord edge)
        {
            Irqs[Count] = irq;
            Flags[Count] = irq.Flags;
            Edges[Count] = edge.Clone();
            Count++;
        }
    }

    /// <summary>
    /// A hold-repeat stage for tests: passes every edge at once and, while the last edge left the pin high, emits a
    /// copy of it every PeriodMicros on ticks: it emits more edges than it is fed.
    /// </summary>
    internal sealed class RepeatFilter : IEdgeFilter
    {
        private readonly int _period;
        private readonly EdgeRecord _held = new EdgeRecord();
        private readonly EdgeRecord _out = new EdgeRecord();
        private bool _holding;
        private uint _next;

        public RepeatFilter(int periodMicros)
        {
            _period = periodMicros;
        }

        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            _held.CopyFrom(edge);
            _holding = edge.Level;
            _next = NanoIrq.Ticks.Add(edge.TimeMicros, _period);
            output.Emit(edge);
        }

        public void Tick(uint nowMicros, IEdgeSink output)
        {
            while (_holding && NanoIrq.Ticks.Diff(nowMicros, _next) >= 0)
            {
                output.Emit(_out.Set(_held.Pin, true, _next, _held.Sequence, false));
                _next = NanoIrq.Ticks.Add(_next, _period);
            }
        }

        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = _next;
            return _holding;
        }
    }

    /// <summary>A board that refuses GPIO 6 (flash) for everything and GPIO 34 for interrupts with a pull-up.</summary>
    internal sealed class RefusingBoard : IPinValidator
    {
        public string BoardName
        {
            get { return "test-board"; }
        }

        public void ValidateInput(int pin, PinPull pull, bool interrupt)
        {
            if (pin == 6)
            {
                throw new PinNotUsableException(BoardName, pin, "reserved for the SPI flash");
            }

            if (pin == 34 && pull != PinPull.None)
            {
                throw new PinNotUsableException(BoardName, pin, "input-only pin without internal pull resistors");
            }
        }

        public void ValidateOutput(int pin)
        {
        }

        public string WarningFor(int pin)
        {
            return pin == 0 ? "strapping pin: hold high at boot" : null;
        }
    }

    /// <summary>A dispatch target for order and fault tests: due once at Due, appends to a shared order log.</summary>
    internal sealed class OneShotTarget : IDispatchTarget
    {
        public uint Due;
        public bool Armed;
        public bool Throw;
        public int Served;
        public uint ServedAt;

        public bool TryGetDeadline(out uint deadlineMicros)
        {
            deadlineMicros = Due;
            return Armed;
        }

        public void Service(uint nowMicros)
        {
            Armed = false;
            Served++;
            ServedAt = nowMicros;
            if (Throw)
            {
                throw new InvalidOperationException("target failed on purpose");
            }
        }
    }
}
