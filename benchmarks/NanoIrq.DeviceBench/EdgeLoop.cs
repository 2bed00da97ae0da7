namespace NanoIrq.DeviceBench
{
    /// <summary>
    /// One way of handling an edge, run once per <see cref="Edge"/> call: the measured unit of the device benchmark.
    /// Built before measuring; after construction an edge must allocate only what the path itself allocates.
    /// </summary>
    public abstract class EdgeLoop
    {
        /// <summary>Name printed in the result line: "stock", "nanoirq", "debounced", "gestures".</summary>
        public abstract string Name { get; }

        /// <summary>Handles edge number <paramref name="i"/> (0, 1, 2 ...; the pin is <c>i % 4</c>).</summary>
        public abstract void Edge(int i);

        /// <summary>Handlers called so far (keeps the work observable).</summary>
        public abstract int Handled { get; }
    }
}
