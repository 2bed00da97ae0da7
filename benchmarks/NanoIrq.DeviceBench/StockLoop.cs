using System;
using System.Collections;

namespace NanoIrq.DeviceBench
{
    /// <summary>
    /// What nanoFramework's stock GPIO event path does per edge, in managed code: find the pin in an
    /// <see cref="ArrayList"/> of 16 (the watched pins at its end, as in an application with other pins open),
    /// allocate an event-args object stamped with <see cref="DateTime.UtcNow"/>, call the handler delegate.
    /// </summary>
    public sealed class StockLoop : EdgeLoop
    {
        private readonly ArrayList _pins = new ArrayList();
        private readonly StockHandler _handler;
        private int _handled;
        private long _sink;

        private sealed class StockPin
        {
            public int PinNumber;
            public bool Level;
            public StockHandler ValueChanged;
        }

        private sealed class StockEventArgs : EventArgs
        {
            public readonly bool Rising;
            public readonly int PinNumber;
            public readonly DateTime Time;

            public StockEventArgs(bool rising, int pinNumber, DateTime time)
            {
                Rising = rising;
                PinNumber = pinNumber;
                Time = time;
            }
        }

        private delegate void StockHandler(object sender, StockEventArgs e);

        public StockLoop()
        {
            _handler = OnValueChanged;
            for (int p = 0; p < 16; p++)
            {
                StockPin pin = new StockPin();
                pin.PinNumber = 30 - p;
                pin.ValueChanged = _handler;
                _pins.Add(pin);
            }
        }

        public override string Name
        {
            get { return "stock"; }
        }

        public override int Handled
        {
            get { return _handled; }
        }

        public override void Edge(int i)
        {
            int number = 15 + (i & 3);
            for (int k = 0; k < _pins.Count; k++)
            {
                StockPin pin = (StockPin)_pins[k];
                if (pin.PinNumber == number)
                {
                    pin.Level = !pin.Level;
                    pin.ValueChanged(pin, new StockEventArgs(pin.Level, number, DateTime.UtcNow));
                    return;
                }
            }
        }

        private void OnValueChanged(object sender, StockEventArgs e)
        {
            _handled++;
            _sink += e.Time.Ticks;
        }
    }
}
