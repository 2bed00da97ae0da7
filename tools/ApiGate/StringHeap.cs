using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGate
{
    /// <summary>
    /// Estimates the size of the string heap the nanoFramework metadata processor writes for one assembly, and
    /// refuses an assembly that would pass nanoCLR's limit.
    /// </summary>
    /// <remarks>
    /// <para>nanoCLR reads a string index of an assembly as a reference to its own built-in table of 860 well-known
    /// strings once the index is above 0xFFFF - 860 = 64,675; a string placed past that offset in the heap is silently
    /// read as another string (measured: with a 64,711-byte heap NFUnitTest's last DataRow string read as "value").
    /// So an assembly's string heap must stay below 64,675 bytes.</para>
    /// <para>The estimate counts, once each, in UTF-8 with a terminating zero: every string literal, the string
    /// arguments of attributes, the names and namespaces of the types the assembly defines or uses, and the names of
    /// the fields, methods (accessors included) and events it defines or uses. The metadata processor also shares
    /// some names with the built-in table and names compiler-generated members its own way, so the estimate is off by
    /// a few percent either way (measured: NFUnitTest 64,711 bytes real, NanoIrq 12,651 real against 14,204 estimated).
    /// The gate refuses an estimate above <see cref="Limit"/>.</para>
    /// </remarks>
    public static class StringHeap
    {
        /// <summary>Highest heap offset nanoCLR reads as the assembly's own string: 0xFFFF - 860 = 64,675.</summary>
        public const int NanoClrLimit = 0xFFFF - 860;

        /// <summary>The gate's limit on the estimate: 60,000 bytes, about 7 % under <see cref="NanoClrLimit"/>.</summary>
        public const int Limit = 60000;

        /// <summary>Estimated string heap of <paramref name="compilation"/> in bytes.</summary>
        public static int Estimate(CSharpCompilation compilation)
        {
            var strings = new HashSet<string>(System.StringComparer.Ordinal);
            strings.Add(compilation.AssemblyName ?? "");
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                SyntaxNode root = tree.GetRoot();
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                            strings.Add(literal.Token.ValueText);
                            break;
                        case InterpolatedStringExpressionSyntax interpolated:
                            foreach (InterpolatedStringTextSyntax text in interpolated.Contents.OfType<InterpolatedStringTextSyntax>())
                            {
                                strings.Add(text.TextToken.ValueText);
                            }

                            break;
                        case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or MemberDeclarationSyntax or VariableDeclaratorSyntax or AccessorDeclarationSyntax:
                            AddSymbol(model.GetDeclaredSymbol(node), strings);
                            break;
                        case SimpleNameSyntax name:
                            AddSymbol(model.GetSymbolInfo(name).Symbol, strings);
                            break;
                    }
                }

                // Lambdas: the compiler names each body "<Method>b__N_M" and puts capturing ones in a display class
                // "<>c__DisplayClassN_M" whose fields carry the captured locals' names.
                int ordinal = 0;
                foreach (BaseMethodDeclarationSyntax method in root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    string methodName = method is MethodDeclarationSyntax m ? m.Identifier.Text : ".ctor";
                    int lambdas = 0;
                    foreach (AnonymousFunctionExpressionSyntax lambda in method.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
                    {
                        strings.Add("<" + methodName + ">b__" + ordinal + "_" + lambdas);
                        lambdas++;
                        DataFlowAnalysis flow = lambda.Body is ExpressionSyntax || lambda.Body is BlockSyntax ? model.AnalyzeDataFlow(lambda) : null;
                        if (flow != null && flow.Succeeded && !flow.Captured.IsEmpty)
                        {
                            foreach (ISymbol captured in flow.Captured)
                            {
                                strings.Add(captured.Name);
                            }
                        }
                        else
                        {
                            strings.Add("<>9__" + ordinal + "_" + lambdas); // the cached delegate of a lambda that captures nothing
                        }
                    }

                    if (lambdas > 0)
                    {
                        strings.Add("<>c__DisplayClass" + ordinal + "_0");
                    }

                    ordinal++;
                }
            }

            int bytes = 0;
            foreach (string s in strings)
            {
                bytes += Encoding.UTF8.GetByteCount(s) + 1;
            }

            return bytes;
        }

        private static void AddSymbol(ISymbol symbol, HashSet<string> strings)
        {
            switch (symbol)
            {
                case null:
                    return;
                case INamedTypeSymbol type:
                    strings.Add(type.MetadataName);
                    strings.Add(type.ContainingNamespace?.ToDisplayString() ?? "");
                    return;
                case IMethodSymbol method:
                    strings.Add(method.MetadataName);
                    AddSymbol(method.ContainingType, strings);
                    return;
                case IPropertySymbol property:
                    if (property.GetMethod != null)
                    {
                        strings.Add(property.GetMethod.MetadataName);
                    }

                    if (property.SetMethod != null)
                    {
                        strings.Add(property.SetMethod.MetadataName);
                    }

                    AddSymbol(property.ContainingType, strings);
                    return;
                case IFieldSymbol field:
                    strings.Add(field.MetadataName);
                    AddSymbol(field.ContainingType, strings);
                    return;
                case IEventSymbol ev:
                    strings.Add(ev.MetadataName);
                    strings.Add("add_" + ev.MetadataName);
                    strings.Add("remove_" + ev.MetadataName);
                    AddSymbol(ev.ContainingType, strings);
                    return;
            }
        }
    }
}
