using System;

namespace NanoIrq
{
    /// <summary>
    /// Which <see cref="IrqPin"/> holds each GPIO number and which <see cref="Irq"/>s are registered, under one lock
    /// (<see cref="Gate"/>) that posting an edge also takes, so that routing an edge and opening or disposing an Irq never
    /// interleave. Also counts, per GPIO, the queued edges of Irqs disposed since they were posted ("stale"), which the
    /// next poll discards.
    /// </summary>
    /// <remarks>
    /// GPIO 0 to <see cref="IrqDispatcher.MaxPin"/>. The dispatcher reads <see cref="_pins"/>, <see cref="_irqs"/> and
    /// <see cref="_stale"/> directly on its edge path (a call costs on the interpreter): <see cref="_pins"/> under the
    /// gate when posting, <see cref="_irqs"/> and <see cref="_stale"/> under its dispatch gate when polling, which
    /// <see cref="Register"/> and <see cref="Unregister"/> are called under too.
    /// </remarks>
    internal sealed class PinRegistry
    {
        /// <summary>The lock of every change here and of each post.</summary>
        internal readonly object Gate = new object();

        /// <summary>The open pin of each GPIO number, or null.</summary>
        internal readonly IrqPin[] _pins = new IrqPin[IrqDispatcher.MaxPin + 1];

        /// <summary>
        /// Per GPIO: edges at the head of the inbox that belong to Irqs disposed since they were queued. The inbox is
        /// FIFO and a new Irq on the GPIO registers only after the old one left, so they are that GPIO's next ones.
        /// </summary>
        internal readonly int[] _stale = new int[IrqDispatcher.MaxPin + 1];

        /// <summary>The registered Irqs (null slots are free); replaced, not resized, when it grows.</summary>
        internal Irq[] _irqs = new Irq[4];

        /// <summary>Takes <paramref name="pin"/>'s GPIO number for it.</summary>
        /// <exception cref="ArgumentException">Another IrqPin holds that number (named "pin").</exception>
        internal void Claim(IrqPin pin)
        {
            lock (Gate)
            {
                if (_pins[pin.Number] != null)
                {
                    throw new ArgumentException("GPIO " + pin.Number.ToString() + " is already in use by another IrqPin; dispose that one first.", "pin");
                }

                _pins[pin.Number] = pin;
            }
        }

        /// <summary>Gives <paramref name="pin"/>'s GPIO number back; does nothing when another pin holds it.</summary>
        internal void Release(IrqPin pin)
        {
            lock (Gate)
            {
                if (_pins[pin.Number] == pin)
                {
                    _pins[pin.Number] = null;
                }
            }
        }

        /// <summary>Adds <paramref name="irq"/> to the registered Irqs. Under the dispatcher's dispatch gate.</summary>
        internal void Register(Irq irq)
        {
            lock (Gate)
            {
                for (int i = 0; i < _irqs.Length; i++)
                {
                    if (_irqs[i] == null)
                    {
                        _irqs[i] = irq;
                        return;
                    }
                }

                Irq[] grown = new Irq[_irqs.Length * 2];
                Array.Copy(_irqs, grown, _irqs.Length);
                grown[_irqs.Length] = irq;
                _irqs = grown;
            }
        }

        /// <summary>Removes <paramref name="irq"/> and marks its edges still queued as stale. Under the dispatcher's dispatch gate.</summary>
        internal void Unregister(Irq irq)
        {
            lock (Gate)
            {
                for (int i = 0; i < _irqs.Length; i++)
                {
                    if (_irqs[i] == irq)
                    {
                        _irqs[i] = null;
                        _stale[irq.Pin.Number] += irq.WriteOffQueued();
                    }
                }
            }
        }
    }
}
