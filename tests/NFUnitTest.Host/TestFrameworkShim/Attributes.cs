// Host mapping of nanoFramework.TestFramework's attributes onto MSTest, keeping the device's semantics:
// - [Setup] methods of a class run once, before its first test; [Cleanup] methods once, after its last
//   test (when the next class starts, or at the end of the run).
// - The device launcher calls test methods without an instance, so a test class that declares instance
//   fields fails every test with a message naming the field (state must live in locals or statics).
// - [DataRow] rows feed the method's parameters, as on the device.
using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose test methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : MSTest.TestClassAttribute
    {
    }

    /// <summary>Marks a test method; on the host, also drives the class's Setup/Cleanup lifecycle.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : MSTest.TestMethodAttribute
    {
        /// <summary>Marks a test method (the caller's file and line let MSTest locate it).</summary>
        public TestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber)
        {
        }

        /// <inheritdoc />
        public override Task<MSTest.TestResult[]> ExecuteAsync(MSTest.ITestMethod testMethod)
        {
            Exception refused = TestLifecycle.Enter(testMethod.MethodInfo.DeclaringType);
            if (refused != null)
            {
                return Task.FromResult(new[] { new MSTest.TestResult { Outcome = MSTest.UnitTestOutcome.Failed, TestFailureException = refused } });
            }

            return base.ExecuteAsync(testMethod);
        }
    }

    /// <summary>A method run once before the class's test methods.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>A method run once after the class's test methods.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>One row of arguments for a data-driven test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : MSTest.DataRowAttribute
    {
        /// <summary>Creates a row from the method's arguments.</summary>
        public DataRowAttribute(params object[] methodParameters) : base(methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The row's arguments.</summary>
        public object[] MethodParameters { get; }
    }

    /// <summary>Test output, as on the device.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes text to the test output.</summary>
        public static void Write(string message)
        {
            Console.Write(message);
        }

        /// <summary>Writes a line to the test output.</summary>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }
}
