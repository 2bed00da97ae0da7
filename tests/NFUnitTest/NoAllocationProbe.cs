using System;

namespace NFUnitTest
{
    /// <summary>
    /// Proves that the code run between construction and <see cref="AllocatedNothing"/> allocated nothing worth
    /// naming on the managed heap. On nanoCLR: the heap is collected, a weak reference is taken to a garbage object, and
    /// the caller repeats its work <see cref="RepeatsToReveal"/> times, enough to use up the whole free heap at the given
    /// bytes per repeat, which would run the garbage collector and free that object. On the host: the thread's
    /// allocated-bytes counter, exact.
    /// </summary>
    /// <remarks>
    /// The heap is not filled up front: when free memory runs low the interpreter compacts the heap, and the 64-bit
    /// posix nanoCLR (nf-interpreter a3e8139a) crashes in compaction (measured: filling with 32 KB blocks crashed it at
    /// about 185 KB free), so a failing check would crash the run instead of failing one test. On the posix nanoCLR
    /// (about 10 MB free) 64 bytes per repeat means about 160,000 repeats; on a board with 150 KB free, the minimum.
    /// </remarks>
    public sealed class NoAllocationProbe
    {
#if NANOIRQ_HOST
        private readonly long _before;

        public NoAllocationProbe()
        {
            _before = GC.GetAllocatedBytesForCurrentThread();
        }

        /// <summary>True when nothing was allocated since construction.</summary>
        public bool AllocatedNothing
        {
            get { return GC.GetAllocatedBytesForCurrentThread() == _before; }
        }

        /// <summary>On the host the counter is exact: <paramref name="atLeast"/>.</summary>
        public int RepeatsToReveal(int bytesPerRepeat, int atLeast)
        {
            return atLeast;
        }
#else
        private readonly uint _free;
        private readonly WeakReference _marker;

        public NoAllocationProbe()
        {
            _free = nanoFramework.Runtime.Native.GC.Run(false);
            _marker = NewGarbage();
        }

        /// <summary>True when no garbage collection ran since construction.</summary>
        public bool AllocatedNothing
        {
            get { return _marker.IsAlive; }
        }

        /// <summary>How many repeats of <paramref name="bytesPerRepeat"/> fill the free heap (at least <paramref name="atLeast"/>).</summary>
        public int RepeatsToReveal(int bytesPerRepeat, int atLeast)
        {
            int n = (int)(_free / (uint)bytesPerRepeat) + 1;
            return n > atLeast ? n : atLeast;
        }

        private static WeakReference NewGarbage()
        {
            return new WeakReference(new object());
        }
#endif
    }
}
