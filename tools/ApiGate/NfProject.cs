using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ApiGate
{
    /// <summary>What the gate reads from one .nfproj: its Compile items, references and language version.</summary>
    public sealed class NfProject
    {
        public const string NanoFrameworkProjectTypeGuid = "11A8DD76-328B-46DF-9F39-F559912D0360";

        public string Path { get; private set; }
        public string Directory => System.IO.Path.GetDirectoryName(Path);
        public string AssemblyName { get; private set; }
        public string OutputType { get; private set; }
        /// <summary>LangVersion as written, or null when absent.</summary>
        public string LangVersion { get; private set; }
        /// <summary>Compile items: Include as written (Windows separators) and the full path.</summary>
        public List<(string Include, string FullPath)> CompileItems { get; } = new List<(string, string)>();
        /// <summary>Assembly names of Reference items (e.g. "mscorlib", "System.Device.Gpio").</summary>
        public List<string> References { get; } = new List<string>();
        /// <summary>Full paths of ProjectReference items.</summary>
        public List<string> ProjectReferences { get; } = new List<string>();
        public List<string> DefineConstants { get; } = new List<string>();

        public static NfProject Load(string path)
        {
            var p = new NfProject { Path = System.IO.Path.GetFullPath(path) };
            XDocument doc = XDocument.Load(path);
            foreach (XElement e in doc.Descendants())
            {
                switch (e.Name.LocalName)
                {
                    case "AssemblyName": p.AssemblyName = e.Value.Trim(); break;
                    case "OutputType": p.OutputType = e.Value.Trim(); break;
                    case "LangVersion": p.LangVersion = e.Value.Trim(); break;
                    case "DefineConstants":
                        p.DefineConstants.AddRange(e.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                            .Select(s => s.Trim()).Where(s => s.Length > 0 && !s.StartsWith("$(", StringComparison.Ordinal)));
                        break;
                    case "Compile":
                        string include = (string)e.Attribute("Include");
                        if (include != null)
                        {
                            p.CompileItems.Add((include, p.Resolve(include)));
                        }

                        break;
                    case "Reference":
                        string reference = (string)e.Attribute("Include");
                        if (reference != null)
                        {
                            p.References.Add(reference.Split(',')[0].Trim());
                        }

                        break;
                    case "ProjectReference":
                        string projectReference = (string)e.Attribute("Include");
                        if (projectReference != null)
                        {
                            p.ProjectReferences.Add(p.Resolve(projectReference));
                        }

                        break;
                }
            }

            if (p.AssemblyName == null)
            {
                p.AssemblyName = System.IO.Path.GetFileNameWithoutExtension(path);
            }

            return p;
        }

        /// <summary>A path written in the project (Windows or Unix separators) as a full path.</summary>
        public string Resolve(string include)
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, include.Replace('\\', System.IO.Path.DirectorySeparatorChar)));
        }

        /// <summary>The .cs files under the project's folder, excluding bin/ and obj/ (full paths, sorted).</summary>
        public List<string> SourcesOnDisk()
        {
            return System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
                .Where(f =>
                {
                    string rel = System.IO.Path.GetRelativePath(Directory, f).Replace('\\', '/');
                    return !rel.StartsWith("bin/", StringComparison.Ordinal) && !rel.StartsWith("obj/", StringComparison.Ordinal);
                })
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Reads the projects of a Visual Studio .sln.</summary>
    public static class SolutionFile
    {
        private static readonly Regex ProjectLine = new Regex(
            "^Project\\(\"\\{(?<type>[0-9A-Fa-f-]+)\\}\"\\)\\s*=\\s*\"(?<name>[^\"]*)\",\\s*\"(?<path>[^\"]*)\"",
            RegexOptions.Compiled);

        /// <summary>(project type GUID, full path) of every project entry that is not a solution folder.</summary>
        public static List<(string TypeGuid, string Path)> Projects(string slnPath)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(slnPath));
            var result = new List<(string, string)>();
            foreach (string line in File.ReadAllLines(slnPath))
            {
                Match m = ProjectLine.Match(line);
                if (!m.Success || m.Groups["path"].Value == m.Groups["name"].Value)
                {
                    continue; // solution folders name themselves as their path
                }

                string full = Path.GetFullPath(Path.Combine(dir, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar)));
                result.Add((m.Groups["type"].Value.ToUpperInvariant(), full));
            }

            return result;
        }
    }
}
