using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ApiGate;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace ApiGate.Tests
{
    [TestClass]
    public class GateTests
    {
        private static string Problems(GateResult r) => string.Join(Environment.NewLine, r.Problems.Select(p => p.ToString()));

        /// <summary>Asserts exactly one problem on <paramref name="file"/> at <paramref name="line"/> whose message holds every fragment.</summary>
        private static void AssertProblem(GateResult r, string file, int line, params string[] fragments)
        {
            bool found = r.Problems.Any(p => p.File == file && p.Line == line && fragments.All(f => p.Message.Contains(f, StringComparison.Ordinal)));
            Assert.IsTrue(found, "expected a problem at " + file + "(" + line + ") with [" + string.Join("; ", fragments) + "]; got:" + Environment.NewLine + Problems(r));
        }

        private static string Wrap(string body)
        {
            // line 1..4 are fixed so that the body starts on line 5
            return "using System;\nusing System.Threading;\nnamespace N {\npublic class C {\n" + body + "\n}\n}\n";
        }

        [TestMethod]
        public void CleanProjectPasses()
        {
            using var f = new Fixture();
            f.Project("Lib", new Dictionary<string, string>
            {
                ["Clean.cs"] = @"using System;
using System.Collections;
using System.Threading;
using System.Device.Gpio;
namespace N
{
    public delegate void Changed(int count);
    public sealed class Counter
    {
        private readonly object _gate = new object();
        private int _count;
        private readonly ArrayList _seen = new ArrayList();
        public event Changed OnChanged;
        public const int Max = int.MaxValue;
        public int Bump(string label)
        {
            int n = Interlocked.Increment(ref _count);
            lock (_gate) { _seen.Add(label); }
            foreach (object o in _seen) { if ((string)o == label) { } }
            Action<int> report = x => { OnChanged?.Invoke(x); };
            report(n);
            int parsed;
            if (int.TryParse(""12"", out parsed)) { n += parsed; }
            TimeSpan t = TimeSpan.FromMilliseconds(5) + new TimeSpan(0, 0, 1);
            if (t > TimeSpan.Zero && label != null && label.Length > 0 && label[0] == 'a') { }
            PinValue v = PinValue.High;
            if (v == PinValue.Low || (int)v == 1) { }
            string s = ""n="" + n.ToString() + string.Format(""{0}{1}"", 1, 2) + label.Trim('x', 'y');
            return s.Length;
        }
    }
}
",
                ["Properties\\AssemblyInfo.cs"] = "using System.Reflection;\n[assembly: AssemblyTitle(\"Lib\")]\n[assembly: AssemblyVersion(\"1.0.0.0\")]\n",
            }, new[] { "mscorlib", "nanoFramework.Runtime.Events", "System.Device.Gpio" });
            f.Project("Tests", new Dictionary<string, string>
            {
                ["CounterTests.cs"] = @"using System;
using nanoFramework.TestFramework;
namespace T
{
    [TestClass]
    public class CounterTests
    {
        [TestMethod]
        [DataRow(1, ""a"")]
        [DataRow(2, ""b"")]
        public void Bumps(int expected, string label)
        {
            Assert.AreEqual(expected, expected);
            Assert.IsTrue(label.Length == 1, ""one letter"");
            Assert.ThrowsException(typeof(ArgumentException), () => { throw new ArgumentException(""m"", ""p""); });
        }
    }
}
",
            }, new[] { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" });
            GateResult r = f.Run();
            Assert.AreEqual(0, r.Problems.Count, Problems(r));
            Assert.AreEqual(2, r.Projects);
            Assert.AreEqual(3, r.Files);
            Assert.AreEqual("API gate: 2 projects, 3 files, 0 problems", r.Summary);
        }

        [TestMethod]
        public void ListOfTIsRejected()
        {
            using var f = new Fixture();
            f.Project("P", "Bad.cs", "using System.Collections.Generic;\n" + Wrap("List<int> items = new List<int>();"));
            GateResult r = f.Run();
            AssertProblem(r, "P/Bad.cs", 1, "'Generic' is not in the nanoFramework API listings", "mscorlib.txt");
            AssertProblem(r, "P/Bad.cs", 6, "'List<int>' is not in the nanoFramework API listings");
        }

        [TestMethod]
        public void GenericTypeAndMethodOfOurOwnAreRejectedWhereDefinedAndUsed()
        {
            using var f = new Fixture();
            f.Project("P", "Gen.cs", Wrap("public static T First<T>(T[] items) { return items[0]; }\npublic int Use() { return First(new[] { 1, 2 }); }\n}\npublic class Box<T> { public T Value;"));
            GateResult r = f.Run();
            AssertProblem(r, "P/Gen.cs", 5, "generic method 'First<T>' defined", "cannot load generics of your own");
            AssertProblem(r, "P/Gen.cs", 6, "generic method 'C.First<T>(T[])' used");
            AssertProblem(r, "P/Gen.cs", 8, "generic type 'Box<T>' defined");
        }

        [TestMethod]
        public void GenericOfAReferencedProjectIsRejectedWhereUsed()
        {
            using var f = new Fixture();
            f.Project("Lib", "Box.cs", "namespace L { public class Box<T> { public T Value; } }");
            f.Project("App", new Dictionary<string, string> { ["Use.cs"] = "namespace A { public class U { public L.Box<int> B; } }" }, null, new[] { "Lib" });
            GateResult r = f.Run();
            AssertProblem(r, "Lib/Box.cs", 1, "generic type 'Box<T>' defined");
            AssertProblem(r, "App/Use.cs", 1, "generic type 'Box<T>' used");
        }

        [TestMethod]
        public void InterlockedIncrementOnLongIsRejected()
        {
            using var f = new Fixture();
            f.Project("P", "Counter.cs", Wrap("private long _n;\npublic void Bump() { Interlocked.Increment(ref _n); }"));
            GateResult r = f.Run();
            AssertProblem(r, "P/Counter.cs", 6, "no overload of 'Interlocked.Increment' in the nanoFramework API listing mscorlib.txt", "Interlocked.Increment(ref int)", "CS1503");
        }

        [TestMethod]
        public void MissingTypeAndMissingOverloadAreRejected()
        {
            using var f = new Fixture();
            f.Project("P", "Missing.cs", Wrap("public int A(int x) { return Math.Max(x, 3); }\npublic string B(string s) { return s.PadLeft(5); }\npublic string D(string s) { return s.ToLowerInvariant(); }"));
            GateResult r = f.Run();
            AssertProblem(r, "P/Missing.cs", 5, "'Math' is not in the nanoFramework API listings this project references (mscorlib.txt)");
            AssertProblem(r, "P/Missing.cs", 6, "no overload of 's.PadLeft'", "listed: string.PadLeft(int, char)");
            AssertProblem(r, "P/Missing.cs", 7, "'s.ToLowerInvariant' is not in the nanoFramework API listing mscorlib.txt");
        }

        [TestMethod]
        public void NullableValueTypesAndTuplesAreRejected()
        {
            using var f = new Fixture();
            f.Project("P", "N.cs", Wrap("public int? A;\npublic (int, int) B() { return (1, 2); }"));
            GateResult r = f.Run();
            AssertProblem(r, "P/N.cs", 5, "System.Nullable`1");
            AssertProblem(r, "P/N.cs", 6, "System.ValueTuple`2");
        }

        [TestMethod]
        public void CSharp11SyntaxIsRejected()
        {
            using var f = new Fixture();
            f.Project("P", "New.cs", Wrap("public string Raw() { return \"\"\"raw\"\"\"; }\npublic required int R;"));
            GateResult r = f.Run();
            AssertProblem(r, "P/New.cs", 5, "needs C# newer than 10", "raw string literals");
            AssertProblem(r, "P/New.cs", 6, "needs C# newer than 10", "required members");
        }

        [TestMethod]
        public void LangVersionAboveTenOrMissingIsRejected()
        {
            using var f = new Fixture();
            f.Project("New", new Dictionary<string, string> { ["A.cs"] = "class A { }" }, langVersion: "11.0");
            f.Project("Latest", new Dictionary<string, string> { ["B.cs"] = "class B { }" }, langVersion: "latest");
            f.Project("None", new Dictionary<string, string> { ["D.cs"] = "class D { }" }, langVersion: null);
            GateResult r = f.Run();
            AssertProblem(r, "New/New.nfproj", 0, "<LangVersion>11.0</LangVersion> is above C# 10");
            AssertProblem(r, "Latest/Latest.nfproj", 0, "<LangVersion>latest</LangVersion> is above C# 10");
            AssertProblem(r, "None/None.nfproj", 0, "no <LangVersion>");
            Assert.AreEqual(3, r.Problems.Count, Problems(r));
        }

        [TestMethod]
        public void UnlistedAndMissingFilesAreRejected()
        {
            using var f = new Fixture();
            f.Project("P", new Dictionary<string, string> { ["A.cs"] = "class A { }" }, extraCompileIncludes: new[] { "Gone\\Missing.cs" });
            Directory.CreateDirectory(Path.Combine(f.Root, "P", "Sub"));
            File.WriteAllText(Path.Combine(f.Root, "P", "Sub", "Stray.cs"), "class Stray { }");
            Directory.CreateDirectory(Path.Combine(f.Root, "P", "obj"));
            File.WriteAllText(Path.Combine(f.Root, "P", "obj", "Generated.cs"), "class G { }");
            GateResult r = f.Run();
            AssertProblem(r, "P/Sub/Stray.cs", 0, "not compiled for the device: add <Compile Include=\"Sub\\Stray.cs\" />");
            AssertProblem(r, "P/P.nfproj", 0, "<Compile Include=\"Gone\\Missing.cs\"> names a file that does not exist");
            Assert.AreEqual(2, r.Problems.Count, Problems(r));
        }

        [TestMethod]
        public void ReferenceWithoutListingIsRejected()
        {
            using var f = new Fixture();
            f.Project("P", "A.cs", "class A { }", new[] { "mscorlib", "System.Net.Http" });
            GateResult r = f.Run();
            AssertProblem(r, "P/P.nfproj", 0, "reference 'System.Net.Http' has no API listing");
        }

        [TestMethod]
        public void ApiOfAnUnreferencedPackageIsRejected()
        {
            using var f = new Fixture();
            f.Project("P", "Esp.cs", Wrap("public ulong Now() { return nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent(); }"));
            GateResult r = f.Run();
            AssertProblem(r, "P/Esp.cs", 5, "is not in the nanoFramework API listings this project references (mscorlib.txt)");
        }

        [TestMethod]
        public void FixCompileListsMakesTheProjectMatchItsFolder()
        {
            using var f = new Fixture();
            f.Project("P", new Dictionary<string, string> { ["A.cs"] = "class A { }" }, extraCompileIncludes: new[] { "Gone.cs" });
            File.WriteAllText(Path.Combine(f.Root, "P", "B.cs"), "class B { }");
            string nfproj = Path.Combine(f.Root, "P", "P.nfproj");
            Assert.AreEqual(2, f.Run().Problems.Count);

            Assert.IsTrue(CompileListFixer.Fix(nfproj), "the list changed");
            GateResult r = f.Run();
            Assert.AreEqual(0, r.Problems.Count, Problems(r));
            string text = File.ReadAllText(nfproj);
            Assert.IsTrue(text.Contains("<Compile Include=\"B.cs\" />", StringComparison.Ordinal), text);
            Assert.IsFalse(text.Contains("Gone.cs", StringComparison.Ordinal), text);
            Assert.IsTrue(text.Contains("<Reference Include=\"mscorlib\">", StringComparison.Ordinal), "references are kept");
            Assert.IsFalse(CompileListFixer.Fix(nfproj), "a second run changes nothing");
        }

        [TestMethod]
        public void EqualityOnAStringArrayElementIsRejectedWithTheSafeForm()
        {
            using var f = new Fixture();
            f.Project("P", "Slots.cs", Wrap(
                "private readonly string[] _names = new string[4];\n" +                       // 5
                "public bool A(int i) { return _names[i] == null; }\n" +                      // 6
                "public bool B(int i) { return _names[i] != null; }\n" +                      // 7
                "public bool D(int i) { string n = _names[i]; return n == null; }\n" +        // 8
                "public bool E(int i) { return (object)_names[i] is null; }\n" +              // 9
                "public bool F(int i) { return object.ReferenceEquals(_names[i], null); }\n" + // 10
                "public bool G(int i, string s) { return string.Equals(_names[i], s); }\n" +  // 11
                "public bool H(int i) { return \"x\".Equals(_names[i]); }\n" +             // 12
                "public void K() { Array.Clear(_names, 0, 4); }\n" +                          // 13
                "public bool L(int i) { string n; n = _names[i]; if (n != null) { return true; } return false; }\n" + // 14
                "public bool M(int i) { return _names[i].Equals(\"x\"); }\n" +               // 15
                "public bool Q(int i, string s) { return string.IsNullOrEmpty(_names[i]) || _names[i] == s; }")); // 16
            GateResult r = f.Run();
            AssertProblem(r, "P/Slots.cs", 6, "'_names[i] == null' compares an element of the string[] '_names'", "string.IsNullOrEmpty(x)", "DESIGN.md 5");
            AssertProblem(r, "P/Slots.cs", 7, "'_names[i] != null' compares an element of the string[] '_names'");
            AssertProblem(r, "P/Slots.cs", 8, "'n == null' compares 'n', copied from an element of the string[] '_names'");
            AssertProblem(r, "P/Slots.cs", 9, "is null' compares an element of the string[] '_names'");
            AssertProblem(r, "P/Slots.cs", 10, "ReferenceEquals(_names[i], null)' compares");
            AssertProblem(r, "P/Slots.cs", 11, "'string.Equals(_names[i], s)' compares");
            AssertProblem(r, "P/Slots.cs", 12, "Equals(_names[i])' compares");
            AssertProblem(r, "P/Slots.cs", 13, "clears a string[]", "assign null to each element in a loop");
            AssertProblem(r, "P/Slots.cs", 14, "'n != null' compares 'n', copied from an element of the string[] '_names'");
            AssertProblem(r, "P/Slots.cs", 15, "'_names[i].Equals(\"x\")' compares", "crashes the interpreter");
            AssertProblem(r, "P/Slots.cs", 16, "'_names[i] == s' compares");
            Assert.AreEqual(11, r.Problems.Count, Problems(r));
        }

        [TestMethod]
        public void SafeFormsAndOtherArraysPassTheStringSlotRule()
        {
            using var f = new Fixture();
            f.Project("P", "Safe.cs", Wrap(
                "private readonly string[] _names = new string[4];\n" +
                "private readonly object[] _objects = new object[4];\n" +
                "private readonly int[][] _rows = new int[4][];\n" +
                "private string _one;\n" +
                "public bool A(int i) { return string.IsNullOrEmpty(_names[i]); }\n" +
                "public bool B(int i) { return _objects[i] == null && _rows[i] == null && _one == null; }\n" +
                "public int D(int i) { return _names[i].Length; }\n" +
                "public bool E(int i, string s) { return !string.IsNullOrEmpty(_names[i]) && _names[i] == s; }\n" +
                "public bool F(int i, string s) { string n = _names[i]; return s != null && !string.IsNullOrEmpty(n) && n.Equals(s); }\n" +
                "public void G() { for (int i = 0; i < _names.Length; i++) { _names[i] = null; } Array.Clear(_objects, 0, 4); }"));
            GateResult r = f.Run();
            Assert.AreEqual(0, r.Problems.Count, Problems(r));
        }

        [TestMethod]
        public void InstanceStateInATestClassIsRejected()
        {
            using var f = new Fixture();
            f.Project("Tests", "StateTests.cs", @"using nanoFramework.TestFramework;
namespace T
{
    [TestClass]
    public class StateTests
    {
        private int _calls;
        public int Seen { get; set; }
        private static int s_calls;
        private const int Max = 3;
        public int Computed { get { return s_calls + Max; } }
        [TestMethod]
        public void Counts() { _calls++; Seen++; s_calls++; Assert.IsTrue(_calls > 0); }
    }
}
", new[] { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" });
            GateResult r = f.Run();
            AssertProblem(r, "Tests/StateTests.cs", 7, "instance field '_calls' in test class StateTests", "without an instance", "locals or static fields");
            AssertProblem(r, "Tests/StateTests.cs", 8, "instance auto-property 'Seen' in test class StateTests");
            Assert.AreEqual(2, r.Problems.Count, Problems(r));
        }

        [TestMethod]
        public void AssemblyWhoseStringHeapPassesTheInterpreterLimitIsRejected()
        {
            using var f = new Fixture();
            // 700 distinct literals of 90 characters: about 64 KB of strings, past nanoCLR's 64,675-byte limit.
            var body = new System.Text.StringBuilder("public static string[] All = {\n");
            for (int i = 0; i < 700; i++)
            {
                body.Append("\"message number ").Append(i.ToString("D4")).Append(' ', 70).Append("\",\n");
            }

            body.Append("};");
            f.Project("Big", "Strings.cs", Wrap(body.ToString()));
            f.Project("Small", "Few.cs", Wrap("public string A() { return \"short\"; }"));
            GateResult r = f.Run();
            AssertProblem(r, "Big/Big.nfproj", 0, "metadata string heap of Big is estimated at", "above the gate's limit of 60000", "64675");
            Assert.AreEqual(1, r.Problems.Count, Problems(r));
            Assert.AreEqual("Big", r.LargestStringHeapAssembly);
            Assert.IsTrue(r.LargestStringHeap > 63000 && r.LargestStringHeap < 70000, "estimate " + r.LargestStringHeap);
        }

        [TestMethod]
        public void RealRepositoryDeviceProjectsAreChecked()
        {
            GateResult r = Gate.Run(Path.Combine(Fixture.RepoRoot, "nfproj.sln"), Fixture.Stubs);
            Assert.AreEqual(12, r.Projects, "NanoIrq, NanoIrq.Esp32, NanoIrq.Boards, ButtonCounter, ButtonCounter.Pico, NFUnitTest, NanoIrq.Native, TwoLeds, NanoIrq.DeviceBench, LatencyStock, LatencyIrq, LatencyNative");
            Assert.IsTrue(r.Files > 20, "the library, boards, demo and tests are compiled: " + r.Files);
            Console.WriteLine(r.Summary);
            Console.WriteLine(Problems(r));
            Assert.AreEqual(0, r.Problems.Count, Problems(r));
        }
    }
}
