using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGate
{
    /// <summary>Outcome of one gate run.</summary>
    public sealed class GateResult
    {
        public int Projects { get; set; }
        public int Files { get; set; }
        public List<Problem> Problems { get; } = new List<Problem>();

        /// <summary>The largest estimated metadata string heap of one assembly, in bytes (see <see cref="StringHeap"/>).</summary>
        public int LargestStringHeap { get; set; }

        /// <summary>The assembly with <see cref="LargestStringHeap"/>.</summary>
        public string LargestStringHeapAssembly { get; set; }

        public string Summary => "API gate: " + Projects + " projects, " + Files + " files, " + Problems.Count + " problems";

        /// <summary>"largest string heap: NFUnitTest about 58,100 of 60,000 bytes".</summary>
        public string HeapLine => "largest string heap: " + LargestStringHeapAssembly + " about " + LargestStringHeap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            + " of " + StringHeap.Limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes";
    }

    /// <summary>
    /// Checks every .nfproj of a solution: the files it compiles, its language version, and that its sources
    /// compile with C# 10 against the nanoFramework API listings without generics of their own.
    /// </summary>
    public static class Gate
    {
        /// <summary>References that carry no API for code (the test launcher) and need no listing.</summary>
        public static readonly HashSet<string> ReferencesWithoutApi = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "nanoFramework.UnitTestLauncher",
        };

        public static GateResult Run(string solutionPath, string listingsDirectory)
        {
            return Run(solutionPath, StubAssemblies.Build(listingsDirectory));
        }

        public static GateResult Run(string solutionPath, StubAssemblies stubs)
        {
            var result = new GateResult();
            string root = Path.GetDirectoryName(Path.GetFullPath(solutionPath));
            string Rel(string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
            string sln = Path.GetFileName(solutionPath);

            var projects = new Dictionary<string, NfProject>(StringComparer.Ordinal);
            foreach ((string typeGuid, string path) in SolutionFile.Projects(solutionPath))
            {
                if (!path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (typeGuid != NfProject.NanoFrameworkProjectTypeGuid)
                {
                    result.Problems.Add(new Problem(sln, 0, 0, Rel(path) + " is listed with project type {" + typeGuid + "}; nanoFramework projects use {" + NfProject.NanoFrameworkProjectTypeGuid + "}"));
                }

                if (!File.Exists(path))
                {
                    result.Problems.Add(new Problem(sln, 0, 0, Rel(path) + " is listed but does not exist"));
                    continue;
                }

                projects[path] = NfProject.Load(path);
            }

            result.Projects = projects.Count;
            var compilations = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
            var visiting = new HashSet<string>(StringComparer.Ordinal);

            CSharpCompilation CompileProject(NfProject project)
            {
                if (compilations.TryGetValue(project.Path, out CSharpCompilation done))
                {
                    return done;
                }

                string label = Rel(project.Path);
                if (!visiting.Add(project.Path))
                {
                    result.Problems.Add(new Problem(label, 0, 0, "project references form a cycle"));
                    return null;
                }

                CheckProjectFile(project, label, Rel, result);
                var references = new List<MetadataReference>();
                var listingNames = new List<string>();
                if (!project.References.Contains(StubAssemblies.Corlib, StringComparer.OrdinalIgnoreCase))
                {
                    result.Problems.Add(new Problem(label, 0, 0, "no <Reference Include=\"mscorlib\">: every nanoFramework project references nanoFramework.CoreLibrary"));
                }

                foreach (string reference in project.References)
                {
                    MetadataReference stub = stubs.Get(reference);
                    if (stub != null)
                    {
                        references.Add(stub);
                        listingNames.Add(reference);
                    }
                    else if (!ReferencesWithoutApi.Contains(reference))
                    {
                        result.Problems.Add(new Problem(label, 0, 0, "reference '" + reference + "' has no API listing in tools/api-listings: add " + reference + ".txt before device code may use it"));
                    }
                }

                if (references.Count == 0)
                {
                    references.Add(stubs.Get(StubAssemblies.Corlib));
                    listingNames.Add(StubAssemblies.Corlib);
                }

                foreach (string referencedPath in project.ProjectReferences)
                {
                    if (!projects.TryGetValue(referencedPath, out NfProject referenced))
                    {
                        result.Problems.Add(new Problem(label, 0, 0, "project reference " + Rel(referencedPath) + " is not in " + sln));
                        continue;
                    }

                    foreach (CSharpCompilation c in Closure(CompileProject(referenced)))
                    {
                        references.Add(c.ToMetadataReference());
                    }
                }

                var sources = new List<DeviceCompilation.Source>();
                foreach ((string include, string full) in project.CompileItems)
                {
                    if (File.Exists(full))
                    {
                        sources.Add(new DeviceCompilation.Source(Rel(full), File.ReadAllText(full)));
                    }
                }

                result.Files += sources.Count;
                CSharpCompilation compilation = DeviceCompilation.Check(
                    project.AssemblyName, sources, references.Distinct(), listingNames, project.DefineConstants, result.Problems);
                compilations[project.Path] = compilation;
                int heap = StringHeap.Estimate(compilation);
                if (heap > result.LargestStringHeap)
                {
                    result.LargestStringHeap = heap;
                    result.LargestStringHeapAssembly = project.AssemblyName;
                }

                if (heap > StringHeap.Limit)
                {
                    result.Problems.Add(new Problem(label, 0, 0, "the metadata string heap of " + project.AssemblyName + " is estimated at " + heap
                        + " bytes, above the gate's limit of " + StringHeap.Limit + " (nanoCLR reads string offsets above " + StringHeap.NanoClrLimit
                        + " as its own built-in strings, so such a string silently becomes another one): shorten or share string literals, or move code to another assembly"));
                }
                visiting.Remove(project.Path);
                return compilation;
            }

            foreach (NfProject project in projects.Values)
            {
                CompileProject(project);
            }

            return result;
        }

        private static IEnumerable<CSharpCompilation> Closure(CSharpCompilation c)
        {
            if (c == null)
            {
                yield break;
            }

            yield return c;
            foreach (CompilationReference r in c.References.OfType<CompilationReference>())
            {
                yield return (CSharpCompilation)r.Compilation;
            }
        }

        private static void CheckProjectFile(NfProject project, string label, Func<string, string> rel, GateResult result)
        {
            if (project.LangVersion == null)
            {
                result.Problems.Add(new Problem(label, 0, 0, "no <LangVersion>: the compiler would pick its newest C#; set <LangVersion>10.0</LangVersion> (nanoFramework reads C# 10 at most)"));
            }
            else if (!double.TryParse(project.LangVersion, NumberStyles.Float, CultureInfo.InvariantCulture, out double version) || version > 10.0)
            {
                result.Problems.Add(new Problem(label, 0, 0, "<LangVersion>" + project.LangVersion + "</LangVersion> is above C# 10, which the nanoFramework metadata processor cannot read; use 10.0 or lower"));
            }

            var listed = new HashSet<string>(project.CompileItems.Select(c => c.FullPath), StringComparer.Ordinal);
            foreach ((string include, string full) in project.CompileItems)
            {
                if (!File.Exists(full))
                {
                    result.Problems.Add(new Problem(label, 0, 0, "<Compile Include=\"" + include + "\"> names a file that does not exist (" + rel(full) + ")"));
                }
            }

            foreach (string file in project.SourcesOnDisk())
            {
                if (!listed.Contains(file))
                {
                    string include = Path.GetRelativePath(project.Directory, file).Replace('/', '\\');
                    result.Problems.Add(new Problem(rel(file), 0, 0, "not compiled for the device: add <Compile Include=\"" + include + "\" /> to " + label + " (or run the gate with --fix-compile-lists)"));
                }
            }
        }
    }
}
