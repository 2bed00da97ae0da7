using System;
using System.Threading;

#if NANOIRQ_HOST
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("NanoIrq.HostTests")]
#endif

namespace NanoIrq.Native
{
    /// <summary>
    /// The native edge source of the Pin.irq pipeline: edges stamped in the interrupt at 1 µs by the native
    /// capture module (custom firmware, see firmware/native/README.md), debounced natively, delivered to the
    /// <see cref="IrqDispatcher"/> in batches through <see cref="IrqDispatcher.PostBatch"/>.
    /// </summary>
    /// <remarks>
    /// <para>Records arrive with <see cref="EdgeRecord.StampIsLate"/> false. Without native debounce
    /// (<see cref="NativeDebounce.None"/>, the default) <see cref="EdgeRecord.TimeMicros"/> is the interrupt time;
    /// with a native debouncer it is the decision time, as for the C# debouncers. A gap in
    /// <see cref="EdgeRecord.Sequence"/> counts edges the module filtered or dropped (see <see cref="GetCounters"/>).</para>
    /// <para>A pump thread calls <see cref="Pump"/> every <c>pollMillis</c> ms (2 by default), sooner when a native
    /// debounce window ends; with <c>pollMillis</c> = 0 there is no thread and the owner calls <see cref="Pump"/> (a
    /// single-threaded main loop, tests). Each pump drains the native ring in batches of <c>batchSize</c> records into
    /// arrays allocated once in the constructor, so pumping allocates nothing. The module counts, never hides, what
    /// it could not queue: a ring of <c>ringCapacity</c> records absorbs bursts up to that size between two pumps.</para>
    /// <para><b>Hard actions</b> (MicroPython's <c>hard=True</c>): per pin, either configured before the pin opens with
    /// <see cref="SetHardAction(int, NativeHardAction, NativeTrigger, int, int)"/>, or armed by
    /// <see cref="IrqPin.Irq(IrqHandler, IrqTrigger, IrqOptions)"/> with <see cref="IrqOptions.Hard"/> through
    /// <see cref="IHardActionSource"/> (changed atomically with respect to the interrupt, disarmed with the Irq).</para>
    /// <para>Only one instance may exist at a time in a program: the module is a singleton in the firmware, so the
    /// constructor throws <see cref="InvalidOperationException"/> while another instance is alive (not disposed); once
    /// it is disposed a new one may be created. A redeploy needs no board reset: the C state survives nanoFramework's
    /// soft reboot but the managed guard does not, so the next program's first instance reclaims whatever the previous
    /// program left captured (interrupts off, pin reservations freed, ring and counters emptied; see NativeStart in
    /// firmware/native/README.md).</para>
    /// <para>A firmware without the module cannot load this assembly at all (nanoFramework checks native assemblies at deployment), so an
    /// application that references it targets the custom firmware; use <c>GpioEdgeSource</c> on stock firmware.</para>
    /// </remarks>
    public sealed class NativeEdgeSource : IEdgeSource, IHardActionSource, IDisposable
    {
        /// <summary>Highest GPIO number the module can describe (NIRQ_PIN_LIMIT - 1); the chip's own range is
        /// [0, <see cref="GpioCount"/> - 1].</summary>
        public const int MaxPin = 63;

        /// <summary>Longest native debounce window and hard lockout: 10,000,000 µs (NIRQ_WINDOW_MAX_US).</summary>
        public const int MaxWindowMicros = 10000000;

        private const int CounterCount = 7;

        // The one-instance guard. Managed statics are re-initialised by a CLR soft reboot (a redeploy) while the C
        // module's state is not: the guard set means "another source of THIS program", whereas pins the C module
        // still captures with the guard clear were left by a previous program, and NativeStart reclaims them.
        private static readonly object s_instanceGate = new object();
        private static bool s_instanceAlive;

        private readonly IrqDispatcher _dispatcher;
        private readonly int _batchSize;
        private readonly int _pollMillis;
        private readonly uint[] _times;
        private readonly uint[] _sequences;
        private readonly int[] _pinLevels;
        private readonly EdgeRecord[] _batch;
        private readonly uint[] _counterValues = new uint[CounterCount];
        private readonly bool[] _open = new bool[MaxPin + 1];
        private readonly int[] _debounce = new int[MaxPin + 1];
        private readonly int[] _window = new int[MaxPin + 1];
        private readonly int[] _hardAction = new int[MaxPin + 1];
        private readonly int[] _hardTrigger = new int[MaxPin + 1];
        private readonly int[] _hardOutput = new int[MaxPin + 1];
        private readonly int[] _hardLockout = new int[MaxPin + 1];
        private readonly object _gate = new object();
        private readonly int _gpioCount;
        private Thread _pump;
        private bool _running;
        private bool _disposed;

        /// <summary>A source with a native ring of 256 records (or <see cref="MaxRingCapacity"/> when the firmware
        /// reserves fewer: 64 by default), batches of 32 records and a 2 ms pump period.</summary>
        public NativeEdgeSource(IrqDispatcher dispatcher)
            : this(dispatcher, DefaultRingCapacity(), 32, 2)
        {
        }

        /// <summary>GPIOs of the chip the firmware's module captures and toggles: pins are [0, GpioCount - 1] (30 on the
        /// RP2040, 40 on the ESP32; the port's count, NativeLimit 0).</summary>
        public static int GpioCount
        {
            get { return NativeCapture.NativeLimit(0); }
        }

        /// <summary>Largest native ring in records, set when the firmware was built (CMake NIRQ_RING_RECORDS, 64 by default:
        /// the firmware reserves 12 bytes of RAM per record whether or not a program uses the module).</summary>
        public static int MaxRingCapacity
        {
            get { return NativeCapture.NativeLimit(1); }
        }

        /// <summary>Pins the module can capture at the same time, set when the firmware was built (CMake NIRQ_SLOTS, 8 by
        /// default).</summary>
        public static int SlotCount
        {
            get { return NativeCapture.NativeLimit(2); }
        }

        private static int DefaultRingCapacity()
        {
            int max = NativeCapture.NativeLimit(1);
            return max < 256 ? max : 256;
        }

        /// <summary>Starts the native module with a ring of <paramref name="ringCapacity"/> records.</summary>
        /// <param name="dispatcher">Where the edges go.</param>
        /// <param name="ringCapacity">Native ring size: a power of two in [8, <see cref="MaxRingCapacity"/>] (64 unless the
        /// firmware was built with a larger NIRQ_RING_RECORDS).</param>
        /// <param name="batchSize">Records moved per InternalCall, [2, 256].</param>
        /// <param name="pollMillis">Pump period in ms, [1, 1000]; 0 for no pump thread (call <see cref="Pump"/> yourself).</param>
        /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A number is out of its range (nothing started).</exception>
        /// <exception cref="InvalidOperationException">Another NativeEdgeSource of this program is alive (not disposed):
        /// the module is a singleton; it keeps capturing, nothing is changed.</exception>
        /// <remarks>Starting the module reclaims what a previous program (before a redeploy) left: every pin it still
        /// captured is closed (interrupt off, reservation freed) and the ring and counters start empty.</remarks>
        public NativeEdgeSource(IrqDispatcher dispatcher, int ringCapacity, int batchSize, int pollMillis)
        {
            if (dispatcher == null)
            {
                throw new ArgumentNullException("dispatcher");
            }

            if (batchSize < 2 || batchSize > 256)
            {
                throw new ArgumentOutOfRangeException("batchSize", "must be in [2, 256] records.");
            }

            if (pollMillis < 0 || pollMillis > 1000)
            {
                throw new ArgumentOutOfRangeException("pollMillis", "must be in [1, 1000] ms, or 0 for no pump thread.");
            }

            int maxRing = NativeCapture.NativeLimit(1);
            if (ringCapacity < 8 || ringCapacity > maxRing || (ringCapacity & (ringCapacity - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException("ringCapacity", "must be a power of two in [8, " + maxRing.ToString() + "] records (the firmware's NIRQ_RING_RECORDS).");
            }

            lock (s_instanceGate)
            {
                if (s_instanceAlive)
                {
                    throw new InvalidOperationException("Only one NativeEdgeSource may exist at a time (the native module is a singleton): dispose the other one first.");
                }

                NativeStatus.Check(NativeCapture.NativeStart(ringCapacity), -1, "ringCapacity");
                s_instanceAlive = true;
            }

            _dispatcher = dispatcher;
            _gpioCount = NativeCapture.NativeLimit(0);
            _batchSize = batchSize;
            _pollMillis = pollMillis;
            _times = new uint[batchSize];
            _sequences = new uint[batchSize];
            _pinLevels = new int[batchSize];
            _batch = new EdgeRecord[batchSize];
            for (int i = 0; i < batchSize; i++)
            {
                _batch[i] = new EdgeRecord(); // refilled by every drain: draining allocates nothing
            }
        }

        /// <summary>"native".</summary>
        public string Name
        {
            get { return "native"; }
        }

        /// <inheritdoc />
        public IrqDispatcher Dispatcher
        {
            get { return _dispatcher; }
        }

        /// <summary>True: the module runs count and toggle actions in the interrupt (see <see cref="SetHardAction(int, NativeHardAction, NativeTrigger, int, int)"/>).</summary>
        public bool SupportsHardActions
        {
            get { return true; }
        }

        /// <summary>
        /// Chooses the native debouncer for <paramref name="pin"/>, used from its next <see cref="OpenInput"/>: window
        /// [1, 10,000,000] µs for Lockout, QuietTime and Glitch, 0 for None.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside [0, <see cref="GpioCount"/> - 1], <paramref name="mode"/> is
        /// not a <see cref="NativeDebounce"/> value, or <paramref name="windowMicros"/> is out of range for the mode;
        /// nothing is changed.</exception>
        public void SetDebounce(int pin, NativeDebounce mode, int windowMicros)
        {
            CheckPin(pin);
            if ((int)mode < (int)NativeDebounce.None || (int)mode > (int)NativeDebounce.Glitch)
            {
                throw new ArgumentOutOfRangeException("mode", "must be NativeDebounce.None (0), Lockout (1), QuietTime (2) or Glitch (3).");
            }

            if (mode == NativeDebounce.None ? windowMicros != 0 : (windowMicros < 1 || windowMicros > MaxWindowMicros))
            {
                throw new ArgumentOutOfRangeException("windowMicros", "must be in [1, 10000000] µs, or 0 with NativeDebounce.None.");
            }

            _debounce[pin] = (int)mode;
            _window[pin] = windowMicros;
        }

        /// <summary>
        /// Chooses the hard action for <paramref name="pin"/>, used from its next <see cref="OpenInput"/>:
        /// <paramref name="action"/> on <paramref name="trigger"/> edges, toggling <paramref name="outputPin"/> for
        /// <see cref="NativeHardAction.Toggle"/>, ignoring matching edges for <paramref name="lockoutMicros"/> µs
        /// ([0, 10,000,000]) after each action (a debounced toggle in the interrupt).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside [0, <see cref="GpioCount"/> - 1], or
        /// (unless <paramref name="action"/> is None) <paramref name="action"/>, <paramref name="trigger"/>, <paramref name="outputPin"/>
        /// (Toggle: [0, <see cref="GpioCount"/> - 1], not <paramref name="pin"/>) or <paramref name="lockoutMicros"/> is out of
        /// range (the exception names the parameter and its range); nothing is changed.</exception>
        public void SetHardAction(int pin, NativeHardAction action, NativeTrigger trigger, int outputPin, int lockoutMicros)
        {
            CheckPin(pin);
            if (action == NativeHardAction.None)
            {
                // disarmed: the other arguments are ignored, never stored (the C module refuses negative ones at open)
                trigger = 0;
                outputPin = 0;
                lockoutMicros = 0;
            }
            else
            {
                CheckHard(pin, (int)action, (int)trigger, outputPin, lockoutMicros);
            }
            _hardAction[pin] = (int)action;
            _hardTrigger[pin] = (int)trigger;
            _hardOutput[pin] = outputPin;
            _hardLockout[pin] = lockoutMicros;
        }

        /// <summary>Captures <paramref name="pin"/> on both edges with its debounce and hard action; starts the pump thread
        /// (unless <c>pollMillis</c> was 0).</summary>
        /// <exception cref="ArgumentOutOfRangeException">Pin outside [0, <see cref="GpioCount"/> - 1] or pull not a <see cref="PinPull"/> value.</exception>
        /// <exception cref="ArgumentException">The pin is already captured or held by another driver (ParamName "pin"), or
        /// the firmware refuses its toggle output: not an output on this chip, or held by another driver (ParamName
        /// "outputPin").</exception>
        /// <exception cref="InvalidOperationException">All native slots (<see cref="SlotCount"/>) are in use, or the firmware refused.</exception>
        /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
        public void OpenInput(int pin, PinPull pull)
        {
            CheckPin(pin);
            if (pull != PinPull.None && pull != PinPull.Up && pull != PinPull.Down)
            {
                throw new ArgumentOutOfRangeException("pull", "must be PinPull.None (0), Up (1) or Down (2).");
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException("NativeEdgeSource");
                }

                int code = NativeCapture.NativeOpen(pin, (int)pull, _debounce[pin], _window[pin], _hardAction[pin], _hardTrigger[pin], _hardOutput[pin], _hardLockout[pin]);
                NativeStatus.Check(code, pin, OpenParamName(code));
                _open[pin] = true;
                if (!_running && _pollMillis > 0)
                {
                    _running = true;
                    _pump = new Thread(PumpLoop);
                    _pump.Start();
                }
            }
        }

        /// <summary>
        /// Replaces the interrupt-time action of the captured <paramref name="pin"/> now (<see cref="IHardActionSource"/>;
        /// used by <see cref="IrqPin"/> for <see cref="IrqOptions.Hard"/>): <paramref name="action"/> on
        /// <paramref name="trigger"/> (Rising, Falling or both), toggling <paramref name="outputPin"/> ([0, <see cref="GpioCount"/> - 1],
        /// not the input; reserved in nanoFramework's pin map while armed, released when disarmed or the pin closes)
        /// for <see cref="IrqHardAction.Toggle"/>, then ignoring matching edges for <paramref name="lockoutMicros"/> µs
        /// ([0, 10,000,000]). <see cref="IrqHardAction.None"/> disarms (nothing to do when the pin is not captured). The module masks the pin's interrupt around the change
        /// (ESP32: under the ISR's spinlock), so no edge sees half of it. The pin's <see cref="NativePinCounters.Hard"/>
        /// keeps counting. Does not change what <see cref="SetHardAction(int, NativeHardAction, NativeTrigger, int, int)"/>
        /// configured for the next opening.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> outside [0, <see cref="GpioCount"/> - 1] or not
        /// captured (arming); <paramref name="action"/>, <paramref name="trigger"/>, <paramref name="lockoutMicros"/> out of
        /// range, or <paramref name="outputPin"/> outside [0, <see cref="GpioCount"/> - 1] or equal to the input (ParamName
        /// names the parameter, the message its range).</exception>
        /// <exception cref="ArgumentException"><paramref name="outputPin"/> is refused by the firmware: not an output on this
        /// chip (ESP32's input-only GPIOs), or held by another driver in nanoFramework's pin map (ParamName "outputPin").</exception>
        /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
        public void SetHardAction(int pin, IrqTrigger trigger, IrqHardAction action, int outputPin, int lockoutMicros)
        {
            CheckPin(pin);
            int code;
            if (action == IrqHardAction.None)
            {
                lock (_gate)
                {
                    // disarming a pin this source no longer captures (closed, source disposed) has nothing to do
                    if (!_disposed && _open[pin])
                    {
                        NativeStatus.Check(NativeCapture.NativeSetHard(pin, 0, 0, 0, 0), pin, "pin");
                    }
                }

                return;
            }

            CheckHard(pin, (int)action, (int)trigger, outputPin, lockoutMicros);
            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException("NativeEdgeSource");
                }

                code = NativeCapture.NativeSetHard(pin, (int)action, (int)trigger, action == IrqHardAction.Toggle ? outputPin : 0, lockoutMicros);
                NativeStatus.Check(code, pin, code == NativeStatus.BadArgument || code == NativeStatus.OutputBusy ? "outputPin" : "pin");
            }
        }

        /// <inheritdoc />
        public void CloseInput(int pin)
        {
            if (pin < 0 || pin > MaxPin)
            {
                return;
            }

            lock (_gate)
            {
                if (_open[pin])
                {
                    _open[pin] = false;
                    NativeCapture.NativeClose(pin);
                }
            }
        }

        /// <inheritdoc />
        public bool ReadLevel(int pin)
        {
            CheckPin(pin);
            return NativeStatus.Check(NativeCapture.NativeReadLevel(pin), pin, "pin") != 0;
        }

        /// <summary>Copies <paramref name="pin"/>'s native counters into <paramref name="into"/> (allocation-free).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The pin is not captured.</exception>
        public void GetCounters(int pin, NativePinCounters into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            lock (_gate)
            {
                NativeStatus.Check(NativeCapture.NativeGetCounters(pin, _counterValues), pin, "pin");
                into.Load(_counterValues);
            }
        }

        /// <summary>
        /// Moves every record the module has ready to the dispatcher, in batches; returns how many. The pump thread
        /// calls it; tests and single-threaded loops may call it directly. Allocates nothing. Returns 0 once disposed
        /// (the records then belong to whichever source starts the module next).
        /// </summary>
        public int Pump()
        {
            int total = 0;
            lock (_gate)
            {
                if (_disposed)
                {
                    return 0;
                }

                while (true)
                {
                    int n = NativeCapture.NativeRead(_times, _sequences, _pinLevels, _batchSize);
                    for (int i = 0; i < n; i++)
                    {
                        int pl = _pinLevels[i];
                        _batch[i].Set(pl >> 1, (pl & 1) != 0, _times[i], _sequences[i], false);
                    }

                    if (n > 0)
                    {
                        _dispatcher.PostBatch(_batch, 0, n);
                        total += n;
                    }

                    if (n < _batchSize - 1)
                    {
                        return total;
                    }
                }
            }
        }

        /// <summary>Stops the pump, closes every pin this source captures and lets a new NativeEdgeSource be created.
        /// Safe to call twice.</summary>
        public void Dispose()
        {
            Thread pump;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _running = false;
                pump = _pump;
                _pump = null;
                for (int pin = 0; pin <= MaxPin; pin++)
                {
                    if (_open[pin])
                    {
                        _open[pin] = false;
                        NativeCapture.NativeClose(pin);
                    }
                }
            }

            if (pump != null)
            {
                pump.Join();
            }

            // released only once the pump has stopped, so no read of this source can take a next source's records
            lock (s_instanceGate)
            {
                s_instanceAlive = false;
            }
        }

#if NANOIRQ_HOST
        /// <summary>
        /// Host tests only: what a CLR soft reboot (a redeploy) does to this class, i.e. the one-instance guard
        /// re-initialised while the C module keeps its state (pins captured, interrupts armed, records queued). The
        /// forgotten instance must not be used afterwards.
        /// </summary>
        internal static void ForgetInstanceAsSoftReboot()
        {
            lock (s_instanceGate)
            {
                s_instanceAlive = false;
            }
        }
#endif

        private void PumpLoop()
        {
            while (_running)
            {
                Pump();
                int sleep = _pollMillis;
                long deadline = NativeCapture.NativeNextDeadline();
                if (deadline >= 0)
                {
                    int dueIn = Ticks.Diff((uint)deadline, NativeCapture.NativeNowMicros());
                    int dueMillis = Ticks.ToMillisRoundedUp(dueIn);
                    if (dueMillis < sleep)
                    {
                        sleep = dueMillis;
                    }
                }

                if (sleep > 0)
                {
                    Thread.Sleep(sleep);
                }
            }
        }

        // Which parameter a NativeOpen status names: C# has checked every other argument before the call.
        private static string OpenParamName(int code)
        {
            if (code == NativeStatus.DebounceRange)
            {
                return "windowMicros";
            }

            return code == NativeStatus.BadArgument || code == NativeStatus.OutputBusy ? "outputPin" : "pin";
        }

        private void CheckHard(int pin, int action, int trigger, int outputPin, int lockoutMicros)
        {
            if (action < 1 || action > 2)
            {
                throw new ArgumentOutOfRangeException("action", "must be None (0), Count (1) or Toggle (2).");
            }

            if (trigger < 1 || trigger > 3)
            {
                throw new ArgumentOutOfRangeException("trigger", "the hard action's edges must be Rising (1), Falling (2) or both (3).");
            }

            if (lockoutMicros < 0 || lockoutMicros > MaxWindowMicros)
            {
                throw new ArgumentOutOfRangeException("lockoutMicros", "must be in [0, 10000000] µs.");
            }

            if (action == 2 && (outputPin < 0 || outputPin >= _gpioCount || outputPin == pin))
            {
                throw new ArgumentOutOfRangeException("outputPin", "GPIO " + pin.ToString() + ": the toggle output must be a GPIO in [0, " + (_gpioCount - 1).ToString() + "] other than the input.");
            }
        }

        private void CheckPin(int pin)
        {
            if (pin < 0 || pin >= _gpioCount)
            {
                throw new ArgumentOutOfRangeException("pin", "GPIO number must be in [0, " + (_gpioCount - 1).ToString() + "] on this chip.");
            }
        }
    }
}
