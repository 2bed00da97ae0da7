namespace NanoIrq
{
    /// <summary>The <see cref="IEdgeSink"/> an Irq hands to its filter: edges the filter emits go to the trigger test and the handler.</summary>
    internal sealed class IrqSink : IEdgeSink
    {
        private readonly Irq _irq;

        internal IrqSink(Irq irq)
        {
            _irq = irq;
        }

        /// <summary>One edge out of the filter.</summary>
        public void Emit(EdgeRecord edge)
        {
            _irq.Dispatch(edge, 0, false);
        }
    }
}
