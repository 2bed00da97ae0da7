using System;
using System.Collections.Generic;
using System.Reflection;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Runs [Setup] and [Cleanup] the way the nanoFramework launcher does: one class at a time, Setup
    /// before its first test, Cleanup after its last. Host only.
    /// </summary>
    internal static class TestLifecycle
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<Type, Exception> SetupOutcome = new Dictionary<Type, Exception>();
        private static Type _current;

        /// <summary>Prepares <paramref name="type"/> for a test; returns why its tests must fail, or null.</summary>
        internal static Exception Enter(Type type)
        {
            lock (Gate)
            {
                if (_current != type)
                {
                    FinishCurrent();
                    _current = type;
                }

                if (!SetupOutcome.TryGetValue(type, out Exception outcome))
                {
                    outcome = CheckNoInstanceState(type) ?? RunMarked(type, typeof(SetupAttribute));
                    SetupOutcome[type] = outcome;
                }

                return outcome;
            }
        }

        /// <summary>Runs the pending Cleanup at the end of the run.</summary>
        internal static void Finish()
        {
            lock (Gate)
            {
                FinishCurrent();
            }
        }

        private static void FinishCurrent()
        {
            if (_current != null && SetupOutcome.TryGetValue(_current, out Exception setup) && setup == null)
            {
                Exception cleanup = RunMarked(_current, typeof(CleanupAttribute));
                if (cleanup != null)
                {
                    Console.Error.WriteLine("[Cleanup] of " + _current.FullName + " threw: " + cleanup);
                }
            }

            _current = null;
        }

        private static Exception CheckNoInstanceState(Type type)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                return new InvalidOperationException(
                    "Test class " + type.FullName + " declares the instance field '" + field.Name + "'. The nanoFramework " +
                    "test launcher calls test methods without an instance: keep test state in locals or static fields.");
            }

            return null;
        }

        private static Exception RunMarked(Type type, Type attribute)
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (method.GetCustomAttribute(attribute) == null)
                {
                    continue;
                }

                try
                {
                    object target = method.IsStatic ? null : Activator.CreateInstance(type);
                    method.Invoke(target, null);
                }
                catch (TargetInvocationException ex)
                {
                    return new InvalidOperationException("[" + attribute.Name.Replace("Attribute", "") + "] " + type.FullName + "." + method.Name + " threw: " + ex.InnerException.Message, ex.InnerException);
                }
            }

            return null;
        }
    }

    /// <summary>Runs the last class's Cleanup when MSTest finishes the assembly.</summary>
    [MSTest.TestClass]
    public static class TestLifecycleHooks
    {
        /// <summary>MSTest assembly cleanup: the last class's [Cleanup].</summary>
        [MSTest.AssemblyCleanup]
        public static void RunPendingCleanup()
        {
            TestLifecycle.Finish();
        }
    }
}
