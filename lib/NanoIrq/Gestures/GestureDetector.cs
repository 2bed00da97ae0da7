using System;

namespace NanoIrq
{
    /// <summary>
    /// Gesture stage over a debounced edge stream: press, release, click, double and multi-click, long press and
    /// hold-repeat. Debounced edges pass through to the sink unchanged; gestures go to the
    /// <see cref="GestureHandler"/> given at construction.
    /// </summary>
    /// <remarks>
    /// <para>Put it after a debouncer (<c>new FilterChain(new QuietTimeDebouncer(true), detector)</c>): it trusts
    /// every edge it sees. Pressed means the level is low when active-low, high otherwise; an edge that does not
    /// change the pressed state is passed through and otherwise ignored. The detector starts released.</para>
    /// <para>Rules, with T = <see cref="GestureOptions.LongPressMicros"/>, G = <see cref="GestureOptions.MultiClickGapMicros"/>,
    /// R = <see cref="GestureOptions.HoldRepeatIntervalMicros"/>: Press at each press edge and Release at each release
    /// edge. A press held for T or more is long: LongPressStart at press + T (while held), HoldRepeat n at press + T
    /// + n R, LongPressEnd at the release; a long press ends any click sequence. A release after less than T is a
    /// click; a press less than G after the previous click's release continues the sequence and raises the count.
    /// Clicks are reported at each release (Click, then DoubleClick, then MultiClick with count 3, 4...) or, with
    /// <see cref="GestureOptions.WaitForMultiClick"/>, once at release + G with the final count. Exactly at a
    /// threshold counts as reached (held exactly T is long; a press exactly G after a release starts a new sequence).</para>
    /// <para>Times: events at an edge carry the edge time; events decided by a timeout carry the timeout time (not
    /// the later time Tick may have been called with). Timeouts due at or before an edge's time are handled before
    /// that edge. Allocates nothing after construction; the handler runs synchronously inside Feed or Tick.</para>
    /// </remarks>
    public sealed class GestureDetector : IEdgeFilter
    {
        private readonly GestureHandler _handler;
        private readonly GestureEvent _event = new GestureEvent();
        private readonly bool _activeLow;
        private readonly int _longPress;
        private readonly int _gap;
        private readonly int _repeat;
        private readonly bool _suppressClickAfterLong;
        private readonly bool _wait;

        private bool _pressed;
        private bool _long;
        private bool _waitingGap;
        private uint _pressTime;
        private uint _releaseTime;
        private uint _nextRepeat;
        private int _clicks;
        private int _lastHeld;
        private int _repeats;
        private int _pin;

        /// <summary>A detector with the default <see cref="GestureOptions"/>.</summary>
        /// <param name="activeLow">True when the pressed level is low (button to GND with a pull-up).</param>
        /// <param name="handler">Receives the gestures.</param>
        /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
        public GestureDetector(bool activeLow, GestureHandler handler)
            : this(activeLow, handler, new GestureOptions())
        {
        }

        /// <summary>A detector with the given options (copied now: later changes to them have no effect).</summary>
        /// <param name="activeLow">True when the pressed level is low (button to GND with a pull-up).</param>
        /// <param name="handler">Receives the gestures.</param>
        /// <param name="options">Timings and choices.</param>
        /// <exception cref="ArgumentNullException"><paramref name="handler"/> or <paramref name="options"/> is null.</exception>
        public GestureDetector(bool activeLow, GestureHandler handler, GestureOptions options)
        {
            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _handler = handler;
            _activeLow = activeLow;
            _longPress = options.LongPressMicros;
            _gap = options.MultiClickGapMicros;
            _repeat = options.HoldRepeatIntervalMicros;
            _suppressClickAfterLong = options.SuppressClickAfterLongPress;
            _wait = options.WaitForMultiClick;
        }

        /// <summary>True while the debounced input is pressed.</summary>
        public bool IsPressed
        {
            get { return _pressed; }
        }

        /// <inheritdoc />
        public void Feed(EdgeRecord edge, IEdgeSink output)
        {
            Tick(edge._time, output);
            output.Emit(edge);
            bool pressed = edge._level != _activeLow;
            if (pressed == _pressed)
            {
                return;
            }

            _pin = edge._pin;
            uint t = edge._time;
            if (pressed)
            {
                _pressed = true;
                _long = false;
                _repeats = 0;
                _pressTime = t;
                if (_waitingGap)
                {
                    _waitingGap = false;
                }
                else
                {
                    _clicks = 0;
                }

                Raise(GestureKind.Press, _clicks + 1, 0, t);
                return;
            }

            _pressed = false;
            int held = Ticks.Diff(t, _pressTime);
            _lastHeld = held;
            Raise(GestureKind.Release, 0, held, t);
            if (_long)
            {
                _long = false;
                Raise(GestureKind.LongPressEnd, 0, held, t);
                if (_suppressClickAfterLong)
                {
                    _clicks = 0;
                    return;
                }
            }

            _clicks++;
            if (!_wait)
            {
                RaiseClicks(t);
            }

            _waitingGap = true;
            _releaseTime = t;
        }

        /// <inheritdoc />
        public void Tick(uint nowMicros, IEdgeSink output)
        {
            uint due;
            while (TryGetDeadline(out due) && !Ticks.IsBefore(nowMicros, due))
            {
                Fire(due);
            }
        }

        /// <inheritdoc />
        public bool TryGetDeadline(out uint deadlineMicros)
        {
            if (_pressed)
            {
                if (_longPress > 0 && !_long)
                {
                    deadlineMicros = Ticks.Add(_pressTime, _longPress);
                    return true;
                }

                if (_long && _repeat > 0)
                {
                    deadlineMicros = _nextRepeat;
                    return true;
                }
            }
            else if (_waitingGap)
            {
                deadlineMicros = Ticks.Add(_releaseTime, _gap);
                return true;
            }

            deadlineMicros = 0;
            return false;
        }

        private void Fire(uint at)
        {
            if (_pressed && !_long)
            {
                _long = true;
                if (_wait && _clicks > 0)
                {
                    // The clicks before this long press were held back: report them now, the sequence ends here.
                    RaiseClicks(at);
                }

                _clicks = 0;
                _nextRepeat = Ticks.Add(at, _repeat);
                Raise(GestureKind.LongPressStart, 0, _longPress, at);
                return;
            }

            if (_pressed)
            {
                _repeats++;
                _nextRepeat = Ticks.Add(at, _repeat);
                Raise(GestureKind.HoldRepeat, _repeats, Ticks.Diff(at, _pressTime), at);
                return;
            }

            _waitingGap = false;
            if (_wait && _clicks > 0)
            {
                RaiseClicks(at);
            }

            _clicks = 0;
        }

        private void RaiseClicks(uint at)
        {
            GestureKind kind = _clicks == 1 ? GestureKind.Click : (_clicks == 2 ? GestureKind.DoubleClick : GestureKind.MultiClick);
            Raise(kind, _clicks, _lastHeld, at);
        }

        private void Raise(GestureKind kind, int count, int duration, uint at)
        {
            _handler(_event.Set(kind, count, duration, at, _pin));
        }
    }
}
