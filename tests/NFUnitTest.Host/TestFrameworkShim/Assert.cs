// Host mapping of nanoFramework.TestFramework's Assert (3.0.77): the same overload set as the device
// assembly (see tools/api-listings/nanoFramework.TestFramework.txt), so test sources that compile here
// bind to the same overloads on the device. Failures throw MSTest's AssertFailedException.
using System;
using System.Collections;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>Assertions with nanoFramework.TestFramework's names and overloads.</summary>
    public sealed class Assert
    {
        /// <summary>nanoFramework <c>Assert.AreNotSame</c>.</summary>
        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            Check(!object.ReferenceEquals(notExpected, actual), "AreNotSame", "the same instance", message);
        }

        /// <summary>nanoFramework <c>Assert.AreSame</c>.</summary>
        public static void AreSame(object expected, object actual, string message = "")
        {
            Check(object.ReferenceEquals(expected, actual), "AreSame", "not the same instance", message);
        }

        /// <summary>nanoFramework <c>Assert.Contains</c>.</summary>
        public static void Contains(string expected, string value, string message = "")
        {
            Check(value != null && value.Contains(expected), "Contains", "<" + Show(value) + "> does not contain <" + Show(expected) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.DoesNotContains</c>.</summary>
        public static void DoesNotContains(string notExpected, string value, string message = "")
        {
            Check(value == null || !value.Contains(notExpected), "DoesNotContains", "<" + Show(value) + "> contains <" + Show(notExpected) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.EndsWith</c>.</summary>
        public static void EndsWith(string expected, string value, string message = "")
        {
            Check(value != null && value.EndsWith(expected, StringComparison.Ordinal), "EndsWith", "<" + Show(value) + "> does not end with <" + Show(expected) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.IsFalse</c>.</summary>
        public static void IsFalse(bool condition, string message = "")
        {
            Check(!condition, "IsFalse", "condition was true", message);
        }

        /// <summary>nanoFramework <c>Assert.IsInstanceOfType</c>.</summary>
        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            // Exact type, as TestFramework 3.0.77 checks (expected == value.GetType()): a subclass does not count.
            Check(value != null && value.GetType() == expected, "IsInstanceOfType", "value is a " + (value == null ? "null" : value.GetType().ToString()) + ", not exactly a " + expected, message);
        }

        /// <summary>nanoFramework <c>Assert.IsNotInstanceOfType</c>.</summary>
        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "")
        {
            // Exact type, as TestFramework 3.0.77 checks: only a value of exactly notExpected fails.
            Check(value == null || value.GetType() != notExpected, "IsNotInstanceOfType", "value is a " + notExpected, message);
        }

        /// <summary>nanoFramework <c>Assert.IsNotNull</c>.</summary>
        public static void IsNotNull(object value, string message = "")
        {
            Check(value != null, "IsNotNull", "value was null", message);
        }

        /// <summary>nanoFramework <c>Assert.IsNull</c>.</summary>
        public static void IsNull(object value, string message = "")
        {
            Check(value == null, "IsNull", "value was <" + Show(value) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.IsTrue</c>.</summary>
        public static void IsTrue(bool condition, string message = "")
        {
            Check(condition, "IsTrue", "condition was false", message);
        }

        /// <summary>nanoFramework <c>Assert.SkipTest</c>.</summary>
        public static void SkipTest(string message = "")
        {
            throw new MSTest.AssertInconclusiveException("Skipped: " + message);
        }

        /// <summary>nanoFramework <c>Assert.StartsWith</c>.</summary>
        public static void StartsWith(string expected, string value, string message = "")
        {
            Check(value != null && value.StartsWith(expected, StringComparison.Ordinal), "StartsWith", "<" + Show(value) + "> does not start with <" + Show(expected) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.ThrowsException</c>.</summary>
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            ExpectThrow(exception, action, "ThrowsException", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(char expected, char actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(double expected, double actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(float expected, float actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(object expected, object actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(short expected, short actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreEqual</c>.</summary>
        public static void AreEqual(ushort expected, ushort actual, string message = "")
        {
            Check(object.Equals(expected, actual), "AreEqual", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(char notExpected, char actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(double notExpected, double actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(float notExpected, float actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(long notExpected, long actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(object notExpected, object actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(short notExpected, short actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.AreNotEqual</c>.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "AreNotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Empty</c>.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            Check(collection != null && collection.Count == 0, "Empty", "collection is not empty", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(Array expected, Array actual, string message = "")
        {
            Check(SequenceEqual(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(bool expected, bool actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(byte expected, byte actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(char expected, char actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(DateTime expected, DateTime actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(double expected, double actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(float expected, float actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(int expected, int actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(long expected, long actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(sbyte expected, sbyte actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(short expected, short actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(string expected, string actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(uint expected, uint actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(ulong expected, ulong actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Equal</c>.</summary>
        public static void Equal(ushort expected, ushort actual, string message = "")
        {
            Check(object.Equals(expected, actual), "Equal", "expected <" + Show(expected) + "> but was <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.False</c>.</summary>
        public static void False(bool condition, string message = "")
        {
            Check(!condition, "False", "condition was true", message);
        }

        /// <summary>nanoFramework <c>Assert.IsNotType</c>.</summary>
        public static void IsNotType(Type wrongType, object value, string message = "")
        {
            Check(value == null || value.GetType() != wrongType, "IsNotType", "value is exactly a " + wrongType, message);
        }

        /// <summary>nanoFramework <c>Assert.IsType</c>.</summary>
        public static void IsType(Type expectedType, object value, string message = "")
        {
            Check(value != null && value.GetType() == expectedType, "IsType", "value is not exactly a " + expectedType, message);
        }

        /// <summary>nanoFramework <c>Assert.NotEmpty</c>.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Check(collection != null && collection.Count != 0, "NotEmpty", "collection is empty", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(Array notExpected, Array actual, string message = "")
        {
            Check(!SequenceEqual(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(bool notExpected, bool actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(byte notExpected, byte actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(char notExpected, char actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(DateTime notExpected, DateTime actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(double notExpected, double actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(float notExpected, float actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(int notExpected, int actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(long notExpected, long actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(sbyte notExpected, sbyte actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(short notExpected, short actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(string notExpected, string actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(uint notExpected, uint actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(ulong notExpected, ulong actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotEqual</c>.</summary>
        public static void NotEqual(ushort notExpected, ushort actual, string message = "")
        {
            Check(!object.Equals(notExpected, actual), "NotEqual", "both were <" + Show(actual) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.NotNull</c>.</summary>
        public static void NotNull(object value, string message = "")
        {
            Check(value != null, "NotNull", "value was null", message);
        }

        /// <summary>nanoFramework <c>Assert.NotSame</c>.</summary>
        public static void NotSame(object notExpected, object actual, string message = "")
        {
            Check(!object.ReferenceEquals(notExpected, actual), "NotSame", "the same instance", message);
        }

        /// <summary>nanoFramework <c>Assert.Null</c>.</summary>
        public static void Null(object value, string message = "")
        {
            Check(value == null, "Null", "value was <" + Show(value) + ">", message);
        }

        /// <summary>nanoFramework <c>Assert.Same</c>.</summary>
        public static void Same(object expected, object actual, string message = "")
        {
            Check(object.ReferenceEquals(expected, actual), "Same", "not the same instance", message);
        }

        /// <summary>nanoFramework <c>Assert.Throws</c>.</summary>
        public static void Throws(Type exceptionType, Action action, string message = "")
        {
            ExpectThrow(exceptionType, action, "Throws", message);
        }

        /// <summary>nanoFramework <c>Assert.True</c>.</summary>
        public static void True(bool condition, string message = "")
        {
            Check(condition, "True", "condition was false", message);
        }

        private static void Check(bool ok, string name, string detail, string message)
        {
            if (message != null && message.IndexOf(',') >= 0)
            {
                // nanoFramework.TestFramework 3.0.77's adapter (TestAdapter/Executor.cs) splits each result line
                // "Test failed,<method>,<message>" on ',' and drops a line that does not give exactly 3 fields:
                // on the device a failure carrying this message would vanish instead of being reported.
                throw new MSTest.AssertFailedException("Assert." + name + ": the message must not contain a comma (the nanoFramework test adapter splits result lines on ',' and would lose this failure on the device): \"" + message + "\"");
            }

            if (!ok)
            {
                throw new MSTest.AssertFailedException("Assert." + name + " failed: " + detail + (string.IsNullOrEmpty(message) ? "" : ". " + message));
            }
        }

        private static void ExpectThrow(Type exception, Action action, string name, string message)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                // Exact type, as on the device: a subclass does not count.
                Check(ex.GetType() == exception, name, "expected " + exception + " but " + ex.GetType() + " was thrown: " + ex.Message, message);
                return;
            }

            Check(false, name, "expected " + exception + " but nothing was thrown", message);
        }

        private static bool SequenceEqual(Array a, Array b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!object.Equals(a.GetValue(i), b.GetValue(i)))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Show(object value)
        {
            return value == null ? "null" : value.ToString();
        }
    }
}
