using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGate
{
    /// <summary>
    /// Compiles one device project's sources with C# 10 against the stub assemblies of its references (and the
    /// compilations of its project references), then turns compiler errors and generics of our own into
    /// <see cref="Problem"/>s.
    /// </summary>
    public static class DeviceCompilation
    {
        /// <summary>Symbols the nanoFramework project system defines for every device build.</summary>
        public static readonly string[] DefaultSymbols = { "NANOFRAMEWORK_1_0" };

        private const string GenericReason = "the stable nanoFramework runtime cannot load generics of your own";

        /// <summary>Compiler errors that mean "this needs a C# version above 10".</summary>
        private static readonly HashSet<string> LanguageVersionIds = new HashSet<string>
        {
            "CS8936", "CS9058", "CS8652", "CS8370", "CS8400", "CS8773", "CS1617", "CS9202",
        };

        public sealed class Source
        {
            public Source(string displayPath, string text)
            {
                DisplayPath = displayPath;
                Text = text;
            }

            /// <summary>Path shown in messages (relative to the solution folder).</summary>
            public string DisplayPath { get; }
            public string Text { get; }
        }

        /// <summary>
        /// Compiles <paramref name="sources"/> as assembly <paramref name="assemblyName"/>; adds what is wrong to
        /// <paramref name="problems"/> and returns the compilation (for projects that reference this one).
        /// </summary>
        public static CSharpCompilation Check(
            string assemblyName,
            IEnumerable<Source> sources,
            IEnumerable<MetadataReference> references,
            IEnumerable<string> listingNames,
            IEnumerable<string> defines,
            List<Problem> problems)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.None, SourceCodeKind.Regular, defines.Concat(DefaultSymbols).Distinct());
            List<SyntaxTree> trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, path: s.DisplayPath)).ToList();
            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: false,
                concurrentBuild: false);
            CSharpCompilation compilation = CSharpCompilation.Create(assemblyName, trees, references, options);
            string listings = string.Join(", ", listingNames.Select(n => n + ".txt"));

            var seen = new HashSet<string>();
            foreach (Diagnostic d in compilation.GetDiagnostics())
            {
                if (d.Severity != DiagnosticSeverity.Error)
                {
                    continue;
                }

                Problem p = Describe(d, compilation, listings);
                if (seen.Add(p.ToString()))
                {
                    problems.Add(p);
                }
            }

            foreach (SyntaxTree tree in trees)
            {
                FindGenerics(tree, compilation, problems);
                InterpreterRules.Check(tree, compilation, problems);
            }

            return compilation;
        }

        private static Problem Describe(Diagnostic d, CSharpCompilation compilation, string listings)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            string file = span.Path ?? "";
            int line = span.StartLinePosition.Line + 1;
            int column = span.StartLinePosition.Character + 1;
            if (!d.Location.IsInSource)
            {
                line = 0;
                column = 0;
                file = compilation.AssemblyName;
            }

            string compilerSays = d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            string why;
            if (LanguageVersionIds.Contains(d.Id) || compilerSays.Contains("language version", StringComparison.OrdinalIgnoreCase))
            {
                why = "needs C# newer than 10; the nanoFramework metadata processor reads C# 10 at most (" + compilerSays + ")";
            }
            else if (d.Id == "CS0518")
            {
                why = "the compiler needs a type nanoFramework does not have, so this construct (nullable value type, tuple, async, LINQ, Span...) cannot be used on the device (" + compilerSays + ")";
            }
            else if (d.Id == "CS0117" || d.Id == "CS1061")
            {
                string owner = OwnerListing(d, compilation);
                why = MemberName(d, compilation) + " is not in the nanoFramework API listing " + (owner ?? listings) + " (" + compilerSays + ")";
            }
            else if (d.Id == "CS0246" || d.Id == "CS0234" || d.Id == "CS0103" || d.Id == "CS0305" || d.Id == "CS0308")
            {
                why = "'" + NodeText(d) + "' is not in the nanoFramework API listings this project references (" + listings + ") (" + compilerSays + ")";
            }
            else if (d.Id == "CS1501" || d.Id == "CS1503" || d.Id == "CS1502" || d.Id == "CS1620" || d.Id == "CS1729" || d.Id == "CS7036" || d.Id == "CS0121" || d.Id == "CS1615")
            {
                string owner = OwnerListing(d, compilation);
                why = "no overload of " + MemberName(d, compilation) + " in the nanoFramework API listing " + (owner ?? listings) + " accepts these arguments" + Candidates(d, compilation) + " (" + compilerSays + ")";
            }
            else
            {
                why = "does not compile for nanoFramework against the API listings (" + listings + "): " + compilerSays;
            }

            return new Problem(file, line, column, why);
        }

        private static string NodeText(Diagnostic d)
        {
            if (!d.Location.IsInSource)
            {
                return "?";
            }

            return d.Location.SourceTree.GetText().ToString(d.Location.SourceSpan);
        }

        private static SyntaxNode NodeAt(Diagnostic d)
        {
            if (!d.Location.IsInSource)
            {
                return null;
            }

            return d.Location.SourceTree.GetRoot().FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true);
        }

        /// <summary>"Math.Max": the member access or invocation target at the diagnostic.</summary>
        private static string MemberName(Diagnostic d, CSharpCompilation compilation)
        {
            SyntaxNode node = NodeAt(d);
            for (SyntaxNode n = node; n != null; n = n.Parent)
            {
                if (n is InvocationExpressionSyntax inv)
                {
                    return "'" + inv.Expression.ToString() + "'";
                }

                if (n is ObjectCreationExpressionSyntax oc)
                {
                    return "'new " + oc.Type + "'";
                }

                if (n is MemberAccessExpressionSyntax ma && !(n.Parent is MemberAccessExpressionSyntax))
                {
                    return "'" + ma.ToString() + "'";
                }

                if (n is StatementSyntax)
                {
                    break;
                }
            }

            return "'" + NodeText(d) + "'";
        }

        /// <summary>The listing file of the type whose member is missing or mismatched, when it can be found.</summary>
        private static string OwnerListing(Diagnostic d, CSharpCompilation compilation)
        {
            SyntaxNode node = NodeAt(d);
            if (node == null)
            {
                return null;
            }

            SemanticModel model = compilation.GetSemanticModel(node.SyntaxTree);
            for (SyntaxNode n = node; n != null; n = n.Parent)
            {
                ISymbol owner = null;
                if (n is MemberAccessExpressionSyntax ma)
                {
                    owner = model.GetTypeInfo(ma.Expression).Type ?? model.GetSymbolInfo(ma.Expression).Symbol as ITypeSymbol;
                }
                else if (n is ObjectCreationExpressionSyntax oc)
                {
                    owner = model.GetTypeInfo(oc).Type;
                }
                else if (n is InvocationExpressionSyntax inv)
                {
                    ISymbol candidate = model.GetSymbolInfo(inv).CandidateSymbols.FirstOrDefault();
                    owner = candidate?.ContainingType;
                }

                if (owner != null && owner.ContainingAssembly != null)
                {
                    string assembly = owner.ContainingAssembly.Name;
                    return assembly == compilation.AssemblyName ? "(this project's own code)" : assembly + ".txt";
                }

                if (n is StatementSyntax)
                {
                    break;
                }
            }

            return null;
        }

        private static string Candidates(Diagnostic d, CSharpCompilation compilation)
        {
            SyntaxNode node = NodeAt(d);
            if (node == null)
            {
                return "";
            }

            SemanticModel model = compilation.GetSemanticModel(node.SyntaxTree);
            for (SyntaxNode n = node; n != null; n = n.Parent)
            {
                if (n is InvocationExpressionSyntax || n is ObjectCreationExpressionSyntax)
                {
                    var candidates = model.GetSymbolInfo(n).CandidateSymbols;
                    if (candidates.Length == 0)
                    {
                        candidates = model.GetMemberGroup(n is InvocationExpressionSyntax inv ? inv.Expression : n);
                    }

                    if (candidates.Length == 0)
                    {
                        return "";
                    }

                    return "; listed: " + string.Join(" | ", candidates.Take(6).Select(c => c.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }

                if (n is StatementSyntax)
                {
                    break;
                }
            }

            return "";
        }

        private static void FindGenerics(SyntaxTree tree, CSharpCompilation compilation, List<Problem> problems)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            SyntaxNode root = tree.GetRoot();
            var reported = new HashSet<string>();

            void Report(SyntaxNode at, string what)
            {
                FileLinePositionSpan span = at.GetLocation().GetLineSpan();
                var p = new Problem(tree.FilePath, span.StartLinePosition.Line + 1, 0, what + ": " + GenericReason);
                if (reported.Add(p.ToString()))
                {
                    problems.Add(p);
                }
            }

            foreach (TypeParameterListSyntax list in root.DescendantNodes().OfType<TypeParameterListSyntax>())
            {
                switch (list.Parent)
                {
                    case TypeDeclarationSyntax type:
                        Report(type, "generic type '" + type.Identifier.Text + list + "' defined");
                        break;
                    case MethodDeclarationSyntax method:
                        Report(method, "generic method '" + method.Identifier.Text + list + "' defined");
                        break;
                    case DelegateDeclarationSyntax del:
                        Report(del, "generic delegate '" + del.Identifier.Text + list + "' defined");
                        break;
                    case LocalFunctionStatementSyntax local:
                        Report(local, "generic local function '" + local.Identifier.Text + list + "' defined");
                        break;
                }
            }

            foreach (AnonymousObjectCreationExpressionSyntax anonymous in root.DescendantNodes().OfType<AnonymousObjectCreationExpressionSyntax>())
            {
                Report(anonymous, "anonymous type (the compiler makes it a generic class) used");
            }

            foreach (SimpleNameSyntax name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                ISymbol symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol == null || !IsOwn(symbol, compilation))
                {
                    continue;
                }

                if (symbol is IMethodSymbol method && method.OriginalDefinition.TypeParameters.Length > 0)
                {
                    Report(name, "generic method '" + method.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "' used");
                }
                else if (symbol is INamedTypeSymbol type && type.OriginalDefinition.TypeParameters.Length > 0)
                {
                    Report(name, "generic type '" + type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "' used");
                }
            }
        }

        /// <summary>True when <paramref name="symbol"/> comes from device source code (this project or a referenced project), not from a listing.</summary>
        private static bool IsOwn(ISymbol symbol, CSharpCompilation compilation)
        {
            IAssemblySymbol assembly = symbol.OriginalDefinition.ContainingAssembly;
            if (assembly == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                return true;
            }

            return compilation.References.OfType<CompilationReference>()
                .Any(r => r.Compilation.AssemblyName == assembly.Name);
        }
    }
}
