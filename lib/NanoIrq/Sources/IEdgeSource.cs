using NanoIrq.Testing;

namespace NanoIrq
{
    /// <summary>
    /// Where edges come from: stock GPIO (<c>GpioEdgeSource</c> on the device), the simulator
    /// (<see cref="SimulatedEdgeSource"/>), later a native capture module.
    /// </summary>
    /// <remarks>
    /// <para>A source is bound to one <see cref="IrqDispatcher"/>. For every edge on an open pin it builds an
    /// <see cref="EdgeRecord"/> (per-pin <see cref="EdgeRecord.Sequence"/> starting at 1 for the first edge after
    /// the pin was opened) and hands it to <see cref="IrqDispatcher.Post(EdgeRecord)"/>, or, for a source that captures at
    /// interrupt time and delivers in batches, to <see cref="IrqDispatcher.PostBatch"/>. All posts of one
    /// dispatcher are serialised by the dispatcher, so a source may post from any thread. Post also does the
    /// bookkeeping every source owes: it counts a refused edge in the pin's <see cref="IrqStats.Dropped"/> and, when the
    /// dispatcher's <see cref="CriticalSection"/> is held by user code, calls
    /// <see cref="CriticalSection.NoteEdgeWaiting"/> for each edge queued behind it.</para>
    /// <para><see cref="IrqPin"/> calls <see cref="OpenInput"/> and <see cref="CloseInput"/>; user code does not.</para>
    /// </remarks>
    public interface IEdgeSource
    {
        /// <summary>Short name for messages: "simulator", "gpio", ...</summary>
        string Name { get; }

        /// <summary>The dispatcher this source posts to.</summary>
        IrqDispatcher Dispatcher { get; }

        /// <summary>True when the source can run <see cref="IrqOptions.Hard"/> actions at interrupt time (only a native capture module can).</summary>
        bool SupportsHardActions { get; }

        /// <summary>Claims <paramref name="pin"/> as an input with <paramref name="pull"/> and starts reporting its edges;
        /// throws (and claims nothing) when the pin cannot be opened.</summary>
        void OpenInput(int pin, PinPull pull);

        /// <summary>Stops reporting edges on <paramref name="pin"/> and releases it; does nothing when it is not open.</summary>
        void CloseInput(int pin);

        /// <summary>The physical level of <paramref name="pin"/> now: true for high.</summary>
        bool ReadLevel(int pin);
    }
}
