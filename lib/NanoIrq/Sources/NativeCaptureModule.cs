using System;
using System.Reflection;

namespace NanoIrq
{
    /// <summary>
    /// Picks the native capture module's edge source when it is there, without a compile-time reference to it: an
    /// application built against NanoIrq alone gets <c>NanoIrq.Native.NativeEdgeSource</c> (interrupt-time 1 µs stamps,
    /// native debounce, hard actions) when the NanoIrq.Native assembly is deployed, and null otherwise, so it can fall
    /// back to <c>GpioEdgeSource</c>:
    /// <code>
    /// IEdgeSource source = NativeCaptureModule.TryCreateSource(dispatcher);
    /// if (source == null) { source = new GpioEdgeSource(dispatcher, new GpioController()); }
    /// </code>
    /// </summary>
    /// <remarks>
    /// nanoFramework refuses at deployment an interop assembly whose native half is missing from the firmware (the
    /// checksum must match), so "the assembly is deployed" means "the firmware has the module". The type is looked up by
    /// name with reflection (<see cref="Type.GetType(string)"/>, <see cref="Type.GetConstructor"/>,
    /// <see cref="ConstructorInfo.Invoke"/>): one lookup and one instance at start-up, nothing on the hot path. The
    /// source is created with its defaults (256-record ring, batches of 32, 2 ms pump thread).
    /// </remarks>
    public static class NativeCaptureModule
    {
        /// <summary>Assembly-qualified name of the native source: "NanoIrq.Native.NativeEdgeSource, NanoIrq.Native".</summary>
        public const string SourceTypeName = "NanoIrq.Native.NativeEdgeSource, NanoIrq.Native";

        /// <summary>
        /// A new native edge source posting to <paramref name="dispatcher"/> (the caller disposes it, it is
        /// <see cref="IDisposable"/>), or null when the NanoIrq.Native assembly is not deployed.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
        /// <exception cref="InvalidOperationException">Another native source of this program is alive (only one may exist at a time).</exception>
        public static IEdgeSource TryCreateSource(IrqDispatcher dispatcher)
        {
            return TryCreateSource(dispatcher, SourceTypeName);
        }

        /// <summary>As <see cref="TryCreateSource(IrqDispatcher)"/> with another type name (tests: a type that is absent).</summary>
        internal static IEdgeSource TryCreateSource(IrqDispatcher dispatcher, string typeName)
        {
            if (dispatcher == null)
            {
                throw new ArgumentNullException("dispatcher");
            }

            Type type = Type.GetType(typeName);
            if (type == null)
            {
                return null;
            }

            ConstructorInfo ctor = type.GetConstructor(new Type[] { typeof(IrqDispatcher) });
            if (ctor == null)
            {
                return null;
            }

#if NANOIRQ_HOST
            try
            {
                return ctor.Invoke(new object[] { dispatcher }) as IEdgeSource;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                // the desktop CLR wraps constructor exceptions; nanoFramework throws them as they are
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
#else
            return ctor.Invoke(new object[] { dispatcher }) as IEdgeSource;
#endif
        }
    }
}
