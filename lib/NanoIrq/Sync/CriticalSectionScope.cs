using System;

namespace NanoIrq
{
    /// <summary>
    /// One level of a <see cref="CriticalSection"/> hold, returned by <see cref="CriticalSection.Enter"/>;
    /// disposing it restores with the key it carries. A struct, so <c>using (cs.Enter()) { }</c> allocates
    /// nothing. Dispose it once, on the thread that entered; a default instance's Dispose does nothing.
    /// </summary>
    public struct CriticalSectionScope : IDisposable
    {
        private readonly CriticalSection _section;

        /// <summary>Wraps the hold taken on <paramref name="section"/> that returned <paramref name="key"/>.</summary>
        public CriticalSectionScope(CriticalSection section, int key)
        {
            _section = section;
            Key = key;
        }

        /// <summary>The restore key of this level (0 for the outermost hold).</summary>
        public int Key { get; }

        /// <summary>Restores the section with <see cref="Key"/> (see <see cref="CriticalSection.Restore"/> for the exceptions).</summary>
        public void Dispose()
        {
            if (_section != null)
            {
                _section.Restore(Key);
            }
        }
    }
}
