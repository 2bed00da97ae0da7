using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGate
{
    /// <summary>
    /// In-memory reference assemblies compiled from the listings: one per listing, named like the real
    /// assembly (mscorlib, System.Device.Gpio...). The mscorlib stub is the corlib: nothing from the host's
    /// BCL is visible to device code.
    /// </summary>
    public sealed class StubAssemblies
    {
        public const string Corlib = "mscorlib";

        private readonly Dictionary<string, MetadataReference> _references = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Listing> _listings = new Dictionary<string, Listing>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, HashSet<string>> _dependencies = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);

        private StubAssemblies()
        {
        }

        public IReadOnlyDictionary<string, Listing> Listings => _listings;

        /// <summary>Loads every *.txt listing in <paramref name="directory"/> and compiles the stubs.</summary>
        public static StubAssemblies Build(string directory)
        {
            return Build(Directory.GetFiles(directory, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(Listing.Load));
        }

        public static StubAssemblies Build(IEnumerable<Listing> listings)
        {
            var result = new StubAssemblies();
            List<Listing> all = listings.ToList();
            foreach (Listing l in all)
            {
                result._listings[l.AssemblyName] = l;
            }

            if (!result._listings.ContainsKey(Corlib))
            {
                throw new InvalidOperationException("no " + Corlib + ".txt listing: it is the corlib every stub needs");
            }

            var writer = new StubWriter(all);
            var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Listing l in all)
            {
                sources[l.AssemblyName] = writer.Write(l, l.AssemblyName == Corlib);
                result._dependencies[l.AssemblyName] = new HashSet<string>(writer.Dependencies, StringComparer.OrdinalIgnoreCase);
                result._dependencies[l.AssemblyName].Remove(Corlib);
            }

            var parse = new CSharpParseOptions(LanguageVersion.CSharp10);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable);
            var pending = new List<string>(sources.Keys);
            pending.Remove(Corlib);
            pending.Insert(0, Corlib);
            while (pending.Count > 0)
            {
                string next = pending.FirstOrDefault(n => result._dependencies[n].All(d => result._references.ContainsKey(d)));
                if (next == null)
                {
                    throw new InvalidOperationException("listings depend on each other in a cycle: " + string.Join(", ", pending));
                }

                pending.Remove(next);
                var refs = new List<MetadataReference>();
                if (next != Corlib)
                {
                    refs.Add(result._references[Corlib]);
                }

                refs.AddRange(result.Closure(next).Select(d => result._references[d]));
                CSharpCompilation compilation = CSharpCompilation.Create(
                    next,
                    new[] { CSharpSyntaxTree.ParseText(sources[next], parse, path: next + ".stub.cs") },
                    refs,
                    options);
                using var stream = new MemoryStream();
                var emit = compilation.Emit(stream);
                if (!emit.Success)
                {
                    string errors = string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
                    throw new InvalidOperationException("the stub of " + next + ".txt does not compile (a listing the gate cannot read):" + Environment.NewLine + errors);
                }

                stream.Position = 0;
                result._references[next] = MetadataReference.CreateFromStream(stream);
            }

            return result;
        }

        /// <summary>The stub of <paramref name="assemblyName"/>, or null when there is no listing for it.</summary>
        public MetadataReference Get(string assemblyName)
        {
            _references.TryGetValue(assemblyName, out MetadataReference r);
            return r;
        }

        /// <summary>Listings <paramref name="assemblyName"/>'s stub needs (its package dependencies), transitively.</summary>
        public IEnumerable<string> Closure(string assemblyName)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var stack = new Stack<string>(_dependencies.TryGetValue(assemblyName, out HashSet<string> d) ? d : new HashSet<string>());
            while (stack.Count > 0)
            {
                string n = stack.Pop();
                if (seen.Add(n) && _dependencies.TryGetValue(n, out HashSet<string> more))
                {
                    foreach (string m in more) stack.Push(m);
                }
            }

            return seen;
        }
    }
}
