using System;

namespace NanoIrq
{
    /// <summary>
    /// Which <see cref="IrqPin"/> holds each GPIO number and which <see cref="Irq"/>s are registered, under its own lock
    /// (<see cref="Gate"/>). Posting takes no lock: a source reads <see cref="_pins"/> (one reference read) and the edge
    /// is queued with the Irq it was meant for, so an Irq disposed meanwhile never hands its edges to the next one.
    /// </summary>
    /// <remarks>
    /// GPIO 0 to <see cref="IrqDispatcher.MaxPin"/>. The dispatcher reads <see cref="_pins"/> when posting and
    /// <see cref="_irqs"/> when polling, directly (a call costs on the interpreter); <see cref="Register"/> and
    /// <see cref="Unregister"/> run under its dispatch gate, so a poll never sees them half done.
    /// </remarks>
    internal sealed class PinRegistry
    {
        /// <summary>The lock of every change here.</summary>
        internal readonly object Gate = new object();

        /// <summary>The open pin of each GPIO number, or null.</summary>
        internal readonly IrqPin[] _pins = new IrqPin[IrqDispatcher.MaxPin + 1];

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

        /// <summary>Removes <paramref name="irq"/> and writes off its edges still queued (the next poll reads them out unseen).
        /// Under the dispatcher's dispatch gate.</summary>
        internal void Unregister(Irq irq)
        {
            lock (Gate)
            {
                for (int i = 0; i < _irqs.Length; i++)
                {
                    if (_irqs[i] == irq)
                    {
                        _irqs[i] = null;
                        irq.WriteOffQueued();
                    }
                }
            }
        }
    }
}
