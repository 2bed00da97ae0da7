using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ApiGate;

namespace ApiGate.Tests
{
    /// <summary>A throw-away solution folder with one or more .nfproj projects, run through the gate.</summary>
    internal sealed class Fixture : IDisposable
    {
        private static readonly Lazy<StubAssemblies> SharedStubs = new Lazy<StubAssemblies>(() => StubAssemblies.Build(Path.Combine(RepoRoot, "tools", "api-listings")));
        private readonly List<string> _projects = new List<string>();

        public Fixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "apigate-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public static StubAssemblies Stubs => SharedStubs.Value;

        /// <summary>The repository root: the first parent folder of the test binaries that holds nfproj.sln.</summary>
        public static string RepoRoot
        {
            get
            {
                for (string dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
                {
                    if (File.Exists(Path.Combine(dir, "nfproj.sln")) && Directory.Exists(Path.Combine(dir, "tools", "api-listings")))
                    {
                        return dir;
                    }
                }

                throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>Adds project <paramref name="name"/> compiling <paramref name="files"/> (relative name -> text).</summary>
        public Fixture Project(string name, Dictionary<string, string> files, string[] references = null, string[] projectReferences = null, string langVersion = "10.0", string[] extraCompileIncludes = null)
        {
            string dir = Path.Combine(Root, name);
            Directory.CreateDirectory(dir);
            foreach (KeyValuePair<string, string> f in files)
            {
                string path = Path.Combine(dir, f.Key.Replace('\\', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                File.WriteAllText(path, f.Value);
            }

            references ??= new[] { "mscorlib" };
            string compile = string.Concat(files.Keys.Concat(extraCompileIncludes ?? new string[0]).Select(k => "    <Compile Include=\"" + k.Replace('/', '\\') + "\" />\n"));
            string refs = string.Concat(references.Select(r => "    <Reference Include=\"" + r + "\">\n      <HintPath>..\\packages\\x\\lib\\" + r + ".dll</HintPath>\n    </Reference>\n"));
            string projectRefs = string.Concat((projectReferences ?? new string[0]).Select(p => "    <ProjectReference Include=\"..\\" + p + "\\" + p + ".nfproj\" />\n"));
            string lang = langVersion == null ? "" : "    <LangVersion>" + langVersion + "</LangVersion>\n";
            File.WriteAllText(Path.Combine(dir, name + ".nfproj"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
                "<Project ToolsVersion=\"Current\" DefaultTargets=\"Build\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n" +
                "  <PropertyGroup>\n    <OutputType>Library</OutputType>\n    <AssemblyName>" + name + "</AssemblyName>\n" + lang + "  </PropertyGroup>\n" +
                "  <ItemGroup>\n" + compile + "  </ItemGroup>\n" +
                "  <ItemGroup>\n" + refs + projectRefs + "  </ItemGroup>\n" +
                "</Project>\n");
            _projects.Add(name);
            return this;
        }

        public Fixture Project(string name, string fileName, string text, string[] references = null)
        {
            return Project(name, new Dictionary<string, string> { [fileName] = text }, references);
        }

        public string SolutionPath
        {
            get
            {
                string sln = Path.Combine(Root, "fixture.sln");
                File.WriteAllText(sln, "Microsoft Visual Studio Solution File, Format Version 12.00\n" + string.Concat(_projects.Select((p, i) =>
                    "Project(\"{11A8DD76-328B-46DF-9F39-F559912D0360}\") = \"" + p + "\", \"" + p + "\\" + p + ".nfproj\", \"{00000000-0000-0000-0000-00000000000" + i + "}\"\nEndProject\n")));
                return sln;
            }
        }

        public GateResult Run()
        {
            return Gate.Run(SolutionPath, Stubs);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
