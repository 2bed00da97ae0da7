using System;
using System.Collections;
using BenchmarkDotNet.Attributes;
using NanoIrq;
using NanoIrq.Testing;

namespace NanoIrq.Benchmarks
{
    /// <summary>
    /// Cost per edge through NanoIrq's whole pin pipeline (source stamps and posts to the ring, the dispatcher
    /// polls, routes to the Irq, tests the trigger, calls the handler) against a baseline doing per edge what the
    /// stock nanoFramework GPIO path does: find the pin in an ArrayList, allocate an event-args object, read
    /// DateTime.UtcNow, call the handler. Each invocation handles <see cref="EdgesPerInvoke"/> edges on 4 pins.
    /// </summary>
    [MemoryDiagnoser]
    public class IrqPipelineBenchmarks
    {
        public const int EdgesPerInvoke = 1024;
        private const int PinCount = 4;

        private FakeClock _clock;
        private IrqDispatcher _dispatcher;
        private SimulatedPin[] _pins;
        private IrqDispatcher _filteredDispatcher;
        private SimulatedPin[] _filteredPins;
        private FakeClock _filteredClock;
        private ArrayList _stockPins;
        private StockHandler _stockHandler;
        private long _sink;

        private sealed class StockPin
        {
            public int PinNumber;
            public bool Level;
            public StockHandler ValueChanged;
        }

        private sealed class StockEventArgs : EventArgs
        {
            public StockEventArgs(bool rising, int pinNumber, DateTime time)
            {
                Rising = rising;
                PinNumber = pinNumber;
                Time = time;
            }

            public bool Rising;
            public int PinNumber;
            public DateTime Time;
        }

        private delegate void StockHandler(object sender, StockEventArgs e);

        [GlobalSetup]
        public void Setup()
        {
            _clock = new FakeClock(0);
            _dispatcher = new IrqDispatcher(_clock);
            _pins = Open(_dispatcher, null);
            _filteredClock = new FakeClock(0);
            _filteredDispatcher = new IrqDispatcher(_filteredClock);
            _filteredPins = Open(_filteredDispatcher, _filteredClock);
            _stockPins = new ArrayList();
            _stockHandler = OnStock;
            for (int p = 0; p < 16; p++)
            {
                StockPin pin = new StockPin();
                pin.PinNumber = 30 - p; // the watched pins sit at the end of the list, as in a real app
                pin.ValueChanged = _stockHandler;
                _stockPins.Add(pin);
            }
        }

        private SimulatedPin[] Open(IrqDispatcher dispatcher, FakeClock filteredClock)
        {
            SimulatedEdgeSource sim = new SimulatedEdgeSource(dispatcher);
            SimulatedPin[] pins = new SimulatedPin[PinCount];
            for (int p = 0; p < PinCount; p++)
            {
                IrqOptions options = new IrqOptions();
                if (filteredClock != null)
                {
                    options.Filter = new MinimumWidthStage(5);
                }

                new IrqPin(sim, 15 + p).Irq(OnEdge, IrqTrigger.Both, options);
                pins[p] = sim.Pin(15 + p);
            }

            return pins;
        }

        private void OnEdge(Irq irq, EdgeRecord edge)
        {
            _sink += edge.TimeMicros;
        }

        private void OnStock(object sender, StockEventArgs e)
        {
            _sink += e.Time.Ticks;
        }

        /// <summary>What the stock path costs per edge: lookup, allocation, wall-clock read, delegate call.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = EdgesPerInvoke)]
        public long StockPathPerEdge()
        {
            for (int i = 0; i < EdgesPerInvoke; i++)
            {
                int number = 15 + (i & (PinCount - 1));
                for (int k = 0; k < _stockPins.Count; k++)
                {
                    StockPin pin = (StockPin)_stockPins[k];
                    if (pin.PinNumber == number)
                    {
                        pin.Level = !pin.Level;
                        pin.ValueChanged(pin, new StockEventArgs(pin.Level, number, DateTime.UtcNow));
                        break;
                    }
                }
            }

            return _sink;
        }

        /// <summary>NanoIrq: simulated source → ring → Poll (every 8 edges) → Irq → handler, 4 pins, both edges.</summary>
        [Benchmark(OperationsPerInvoke = EdgesPerInvoke)]
        public long NanoIrqPipelinePerEdge()
        {
            for (int i = 0; i < EdgesPerInvoke; i++)
            {
                _clock.Advance(7);
                SimulatedPin pin = _pins[i & (PinCount - 1)];
                pin.Drive(!pin.Level);
                if ((i & 7) == 7)
                {
                    _dispatcher.Poll();
                }
            }

            return _sink;
        }

        /// <summary>The same with a glitch-filter stage on every pin (every edge passes through the filter).</summary>
        [Benchmark(OperationsPerInvoke = EdgesPerInvoke)]
        public long NanoIrqPipelineWithFilterPerEdge()
        {
            for (int i = 0; i < EdgesPerInvoke; i++)
            {
                _filteredClock.Advance(7);
                SimulatedPin pin = _filteredPins[i & (PinCount - 1)];
                pin.Drive(!pin.Level);
                if ((i & 7) == 7)
                {
                    _filteredDispatcher.Poll();
                }
            }

            return _sink;
        }

        /// <summary>A minimal glitch stage (emits an edge unless it follows the previous one by less than the width).</summary>
        private sealed class MinimumWidthStage : IEdgeFilter
        {
            private readonly int _width;
            private uint _last;

            public MinimumWidthStage(int widthMicros)
            {
                _width = widthMicros;
            }

            public void Feed(EdgeRecord edge, IEdgeSink output)
            {
                bool narrow = Ticks.Diff(edge.TimeMicros, _last) < _width;
                _last = edge.TimeMicros;
                if (!narrow)
                {
                    output.Emit(edge);
                }
            }

            public void Tick(uint nowMicros, IEdgeSink output)
            {
            }

            public bool TryGetDeadline(out uint deadlineMicros)
            {
                deadlineMicros = 0;
                return false;
            }
        }
    }
}
