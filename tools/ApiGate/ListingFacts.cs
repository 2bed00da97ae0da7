using System.Collections.Generic;

namespace ApiGate
{
    /// <summary>
    /// What the listing format cannot show, read from the upstream sources of the listed versions
    /// (nanoframework/CoreLibrary 5e378893, nanoframework/System.Device.Gpio cd991582,
    /// nanoframework/nanoFramework.TestFramework d4fa55eb) and restored in the generated stubs.
    /// Nothing here adds an API that the real assemblies lack.
    /// </summary>
    public static class ListingFacts
    {
        /// <summary>
        /// Properties are listed without "static". These are static upstream (props of static classes are
        /// static too, handled separately).
        /// </summary>
        public static readonly HashSet<string> StaticProperties = new HashSet<string>
        {
            "System.DateTime.UtcNow",
            "System.DateTime.Today",
            "System.Globalization.CultureInfo.CurrentUICulture",
            "System.Globalization.DateTimeFormatInfo.CurrentInfo",
            "System.Globalization.NumberFormatInfo.CurrentInfo",
            "System.Threading.Thread.CurrentThread",
            "System.SpanByte.Empty",
            "System.Device.Gpio.PinValue.High",
            "System.Device.Gpio.PinValue.Low",
        };

        /// <summary>
        /// The listing writes out parameters as "ref". Upstream they are "out" everywhere except
        /// <c>Interlocked</c> (TryParse, Deconstruct, GetMemoryInfo...).
        /// </summary>
        public static readonly HashSet<string> TypesWithTrueRefParameters = new HashSet<string>
        {
            "System.Threading.Interlocked",
        };

        /// <summary>Methods whose trailing array parameter is "params" upstream (".ctor" for constructors).</summary>
        public static readonly HashSet<string> ParamsArrays = new HashSet<string>
        {
            "System.String.Split",
            "System.String.Trim",
            "System.String.TrimStart",
            "System.String.TrimEnd",
            "System.String.Concat",
            "System.String.Format",
            "System.Diagnostics.CodeAnalysis.MemberNotNullAttribute..ctor",
            "System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute..ctor",
            "nanoFramework.TestFramework.DataRowAttribute..ctor",
        };

        /// <summary>
        /// Types whose trailing "String message" parameter is optional upstream: every Assert and CollectionAssert
        /// method declares <c>string message = ""</c> (<c>SkipTest(string message = null)</c>).
        /// </summary>
        public static readonly HashSet<string> OptionalTrailingMessage = new HashSet<string>
        {
            "nanoFramework.TestFramework.Assert",
            "nanoFramework.TestFramework.CollectionAssert",
        };

        /// <summary>Static fields that are constants upstream, with their values (needed in constant expressions).</summary>
        public static readonly Dictionary<string, string> Constants = new Dictionary<string, string>
        {
            ["System.Byte.MaxValue"] = "0xFF",
            ["System.Byte.MinValue"] = "0",
            ["System.SByte.MaxValue"] = "0x7F",
            ["System.SByte.MinValue"] = "-128",
            ["System.Char.MaxValue"] = "(char)0xFFFF",
            ["System.Char.MinValue"] = "(char)0",
            ["System.Int16.MaxValue"] = "0x7FFF",
            ["System.Int16.MinValue"] = "-32768",
            ["System.UInt16.MaxValue"] = "0xFFFF",
            ["System.UInt16.MinValue"] = "0",
            ["System.Int32.MaxValue"] = "0x7FFFFFFF",
            ["System.Int32.MinValue"] = "-2147483648",
            ["System.UInt32.MaxValue"] = "0xFFFFFFFF",
            ["System.UInt32.MinValue"] = "0",
            ["System.Int64.MaxValue"] = "0x7FFFFFFFFFFFFFFF",
            ["System.Int64.MinValue"] = "-9223372036854775808",
            ["System.UInt64.MaxValue"] = "0xFFFFFFFFFFFFFFFF",
            ["System.UInt64.MinValue"] = "0",
            ["System.Double.MinValue"] = "-1.7976931348623157E+308",
            ["System.Double.MaxValue"] = "1.7976931348623157E+308",
            ["System.Double.Epsilon"] = "4.9406564584124650E-324",
            ["System.Double.NegativeInfinity"] = "-1.0 / 0.0",
            ["System.Double.PositiveInfinity"] = "1.0 / 0.0",
            ["System.Double.NaN"] = "0.0 / 0.0",
            ["System.Single.MinValue"] = "-3.40282346638528859e+38f",
            ["System.Single.MaxValue"] = "3.40282346638528859e+38f",
            ["System.Single.Epsilon"] = "1.4e-45f",
            ["System.Single.NegativeInfinity"] = "-1.0f / 0.0f",
            ["System.Single.PositiveInfinity"] = "1.0f / 0.0f",
            ["System.Single.NaN"] = "0.0f / 0.0f",
            ["System.Threading.Timeout.Infinite"] = "-1",
            ["System.Threading.WaitHandle.WaitTimeout"] = "0x102",
            ["System.TimeSpan.TicksPerMillisecond"] = "10000L",
            ["System.TimeSpan.TicksPerSecond"] = "10000000L",
            ["System.TimeSpan.TicksPerMinute"] = "600000000L",
            ["System.TimeSpan.TicksPerHour"] = "36000000000L",
            ["System.TimeSpan.TicksPerDay"] = "864000000000L",
            ["System.Runtime.CompilerServices.RuntimeFeature.DefaultImplementationsOfInterfaces"] = "\"DefaultImplementationsOfInterfaces\"",
        };

        private const string S = "global::System.";

        /// <summary>Operators and conversions (the listing omits special-name methods); all present upstream.</summary>
        public static readonly Dictionary<string, string[]> Operators = new Dictionary<string, string[]>
        {
            ["System.String"] = new[]
            {
                "public static bool operator ==(" + S + "String a, " + S + "String b)",
                "public static bool operator !=(" + S + "String a, " + S + "String b)",
            },
            ["System.Delegate"] = new[]
            {
                "public static bool operator ==(" + S + "Delegate d1, " + S + "Delegate d2)",
                "public static bool operator !=(" + S + "Delegate d1, " + S + "Delegate d2)",
            },
            ["System.MulticastDelegate"] = new[]
            {
                "public static bool operator ==(" + S + "MulticastDelegate d1, " + S + "MulticastDelegate d2)",
                "public static bool operator !=(" + S + "MulticastDelegate d1, " + S + "MulticastDelegate d2)",
            },
            ["System.DateTime"] = new[]
            {
                "public static " + S + "DateTime operator +(" + S + "DateTime d, " + S + "TimeSpan t)",
                "public static " + S + "DateTime operator -(" + S + "DateTime d, " + S + "TimeSpan t)",
                "public static " + S + "TimeSpan operator -(" + S + "DateTime d1, " + S + "DateTime d2)",
                "public static bool operator ==(" + S + "DateTime t1, " + S + "DateTime t2)",
                "public static bool operator !=(" + S + "DateTime t1, " + S + "DateTime t2)",
                "public static bool operator <(" + S + "DateTime t1, " + S + "DateTime t2)",
                "public static bool operator <=(" + S + "DateTime t1, " + S + "DateTime t2)",
                "public static bool operator >(" + S + "DateTime t1, " + S + "DateTime t2)",
                "public static bool operator >=(" + S + "DateTime t1, " + S + "DateTime t2)",
            },
            ["System.TimeSpan"] = new[]
            {
                "public static " + S + "TimeSpan operator -(" + S + "TimeSpan t)",
                "public static " + S + "TimeSpan operator +(" + S + "TimeSpan t)",
                "public static " + S + "TimeSpan operator -(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static " + S + "TimeSpan operator +(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator ==(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator !=(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator <(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator <=(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator >(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
                "public static bool operator >=(" + S + "TimeSpan t1, " + S + "TimeSpan t2)",
            },
            ["System.SpanByte"] = new[]
            {
                "public static implicit operator " + S + "SpanByte(" + S + "Byte[] array)",
            },
            ["System.Device.Gpio.PinValue"] = new[]
            {
                "public static implicit operator " + S + "Device.Gpio.PinValue(" + S + "Int32 value)",
                "public static implicit operator " + S + "Device.Gpio.PinValue(" + S + "Boolean value)",
                "public static explicit operator " + S + "Byte(" + S + "Device.Gpio.PinValue value)",
                "public static explicit operator " + S + "Int32(" + S + "Device.Gpio.PinValue value)",
                "public static explicit operator " + S + "Boolean(" + S + "Device.Gpio.PinValue value)",
                "public static bool operator ==(" + S + "Device.Gpio.PinValue a, " + S + "Device.Gpio.PinValue b)",
                "public static bool operator !=(" + S + "Device.Gpio.PinValue a, " + S + "Device.Gpio.PinValue b)",
            },
        };
    }
}
