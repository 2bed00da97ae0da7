using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGate
{
    /// <summary>
    /// Finds device code that compiles but misbehaves on the nanoFramework interpreter (DESIGN.md section 5), each
    /// reported at its line with the safe form:
    /// <list type="bullet">
    /// <item>an equality test (<c>==</c>, <c>!=</c>, <c>is null</c>, <c>ReferenceEquals</c>, <c>Equals</c>,
    /// <c>CompareTo</c>) on a value read from an element of a <c>string[]</c>, directly or through a local it was copied
    /// into, unless the same condition tests it first with <c>!string.IsNullOrEmpty(x) &amp;&amp;</c>: nanoCLR fills a new
    /// <c>string[]</c> with string slots that have no text, which <c>==</c> does not see as null and which crash the
    /// interpreter when compared with a string;</item>
    /// <item><c>Array.Clear</c> on a <c>string[]</c>: it puts such slots back;</item>
    /// <item>an instance field or auto-property in a <c>[TestClass]</c>: the unit-test launcher calls test methods
    /// without an instance, so the state is not there.</item>
    /// </list>
    /// </summary>
    public static class InterpreterRules
    {
        /// <summary>The message tail for an equality test on a <c>string[]</c> element.</summary>
        public const string StringSlotReason =
            "on nanoCLR a never-assigned string[] element is a string slot without text: ==, !=, 'is null', ReferenceEquals "
            + "and string.Equals do not see it as null (in a Debug build not even 'if (x == null)' does), and comparing it with a "
            + "string crashes the interpreter (DESIGN.md 5); test it with string.IsNullOrEmpty(x) first "
            + "(!string.IsNullOrEmpty(x) && x == y), or assign every element (null included) before any read";

        public static void Check(SyntaxTree tree, CSharpCompilation compilation, List<Problem> problems)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            SyntaxNode root = tree.GetRoot();
            var reported = new HashSet<string>();

            void Report(SyntaxNode at, string message)
            {
                FileLinePositionSpan span = at.GetLocation().GetLineSpan();
                var p = new Problem(tree.FilePath, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
                if (reported.Add(p.ToString()))
                {
                    problems.Add(p);
                }
            }

            foreach (BinaryExpressionSyntax binary in root.DescendantNodes().OfType<BinaryExpressionSyntax>())
            {
                if (!binary.IsKind(SyntaxKind.EqualsExpression) && !binary.IsKind(SyntaxKind.NotEqualsExpression))
                {
                    continue;
                }

                string slot = StringSlot(binary.Left, model) ?? StringSlot(binary.Right, model);
                if (slot != null && !IsGuarded(binary, new[] { binary.Left, binary.Right }))
                {
                    Report(binary, "'" + binary + "' compares " + slot + ": " + StringSlotReason);
                }
            }

            foreach (IsPatternExpressionSyntax isPattern in root.DescendantNodes().OfType<IsPatternExpressionSyntax>())
            {
                string slot = StringSlot(isPattern.Expression, model);
                if (slot != null && MentionsNull(isPattern.Pattern))
                {
                    Report(isPattern, "'" + isPattern + "' compares " + slot + ": " + StringSlotReason);
                }
            }

            foreach (InvocationExpressionSyntax call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (!(model.GetSymbolInfo(call).Symbol is IMethodSymbol method))
                {
                    continue;
                }

                string owner = method.ContainingType?.ToDisplayString();
                if ((method.Name == "ReferenceEquals" || method.Name == "Equals") && method.IsStatic
                    && (owner == "object" || owner == "string"))
                {
                    string slot = call.ArgumentList.Arguments.Select(a => StringSlot(a.Expression, model)).FirstOrDefault(s => s != null);
                    if (slot != null && !IsGuarded(call, call.ArgumentList.Arguments.Select(a => a.Expression)))
                    {
                        Report(call, "'" + call + "' compares " + slot + ": " + StringSlotReason);
                    }
                }
                else if ((method.Name == "Equals" || method.Name == "CompareTo") && !method.IsStatic)
                {
                    string slot = (call.Expression is MemberAccessExpressionSyntax access ? StringSlot(access.Expression, model) : null)
                        ?? call.ArgumentList.Arguments.Select(a => StringSlot(a.Expression, model)).FirstOrDefault(s => s != null);
                    var operands = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
                    if (call.Expression is MemberAccessExpressionSyntax receiver)
                    {
                        operands.Add(receiver.Expression);
                    }

                    if (slot != null && !IsGuarded(call, operands))
                    {
                        Report(call, "'" + call + "' compares " + slot + ": " + StringSlotReason);
                    }
                }
                else if (method.Name == "Clear" && method.IsStatic && owner == "System.Array" && call.ArgumentList.Arguments.Count > 0
                    && IsStringArray(model.GetTypeInfo(call.ArgumentList.Arguments[0].Expression).Type))
                {
                    Report(call, "'" + call + "' clears a string[]: on nanoCLR the cleared elements are string slots that == does not see as null (DESIGN.md 5); "
                        + "assign null to each element in a loop instead");
                }
            }

            foreach (ClassDeclarationSyntax type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (!IsTestClass(type, model))
                {
                    continue;
                }

                foreach (MemberDeclarationSyntax member in type.Members)
                {
                    bool isStatic = member.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ConstKeyword));
                    if (isStatic)
                    {
                        continue;
                    }

                    if (member is FieldDeclarationSyntax field)
                    {
                        string names = string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.Text));
                        Report(field, "instance field '" + names + "' in test class " + type.Identifier.Text
                            + ": the nanoFramework unit-test launcher calls test methods without an instance (DESIGN.md 5); keep test state in locals or static fields");
                    }
                    else if (member is PropertyDeclarationSyntax property && property.AccessorList != null
                        && property.AccessorList.Accessors.All(a => a.Body == null && a.ExpressionBody == null))
                    {
                        Report(property, "instance auto-property '" + property.Identifier.Text + "' in test class " + type.Identifier.Text
                            + ": the nanoFramework unit-test launcher calls test methods without an instance (DESIGN.md 5); keep test state in locals or static fields");
                    }
                }
            }
        }

        /// <summary>
        /// True when <paramref name="comparison"/> sits on the right of a <c>&amp;&amp;</c> whose left side contains
        /// <c>!string.IsNullOrEmpty(e)</c> for an operand <c>e</c> of the comparison (the slot was tested first).
        /// </summary>
        private static bool IsGuarded(SyntaxNode comparison, IEnumerable<ExpressionSyntax> operands)
        {
            var texts = new HashSet<string>(operands.Select(o => Unwrap(o).ToString()));
            SyntaxNode child = comparison;
            for (SyntaxNode n = comparison.Parent; n != null && !(n is StatementSyntax) && !(n is MemberDeclarationSyntax); child = n, n = n.Parent)
            {
                if (n is BinaryExpressionSyntax and && and.IsKind(SyntaxKind.LogicalAndExpression) && and.Right == child)
                {
                    foreach (PrefixUnaryExpressionSyntax not in and.Left.DescendantNodesAndSelf().OfType<PrefixUnaryExpressionSyntax>())
                    {
                        if (not.IsKind(SyntaxKind.LogicalNotExpression) && Unwrap(not.Operand) is InvocationExpressionSyntax test
                            && test.Expression.ToString() == "string.IsNullOrEmpty" && test.ArgumentList.Arguments.Count == 1
                            && texts.Contains(Unwrap(test.ArgumentList.Arguments[0].Expression).ToString()))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// "an element of the string[] 'names'" when <paramref name="expression"/> (parentheses and casts removed) reads
        /// an element of a <c>string[]</c>, or is a local that an assignment or initializer in the same member copied
        /// from one; otherwise null.
        /// </summary>
        private static string StringSlot(ExpressionSyntax expression, SemanticModel model)
        {
            expression = Unwrap(expression);
            if (expression is ElementAccessExpressionSyntax element && IsStringArray(model.GetTypeInfo(element.Expression).Type))
            {
                return "an element of the string[] '" + element.Expression + "'";
            }

            if (expression is IdentifierNameSyntax name && model.GetSymbolInfo(name).Symbol is ILocalSymbol local)
            {
                SyntaxNode body = name.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax || a is LocalFunctionStatementSyntax
                    || a is AnonymousFunctionExpressionSyntax);
                if (body == null)
                {
                    return null;
                }

                foreach (ExpressionSyntax source in SourcesOf(local, body, model))
                {
                    if (Unwrap(source) is ElementAccessExpressionSyntax from && IsStringArray(model.GetTypeInfo(from.Expression).Type))
                    {
                        return "'" + local.Name + "', copied from an element of the string[] '" + from.Expression + "'";
                    }
                }
            }

            return null;
        }

        /// <summary>Every expression assigned to <paramref name="local"/> inside <paramref name="body"/>: its initializer and each simple assignment.</summary>
        private static IEnumerable<ExpressionSyntax> SourcesOf(ILocalSymbol local, SyntaxNode body, SemanticModel model)
        {
            foreach (VariableDeclaratorSyntax declarator in body.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (declarator.Initializer != null && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), local))
                {
                    yield return declarator.Initializer.Value;
                }
            }

            foreach (AssignmentExpressionSyntax assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol, local))
                {
                    yield return assignment.Right;
                }
            }
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax p:
                        expression = p.Expression;
                        break;
                    case CastExpressionSyntax c:
                        expression = c.Expression;
                        break;
                    case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AsExpression):
                        expression = b.Left;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static bool MentionsNull(PatternSyntax pattern)
        {
            return pattern.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Any(l => l.IsKind(SyntaxKind.NullLiteralExpression));
        }

        private static bool IsStringArray(ITypeSymbol type)
        {
            return type is IArrayTypeSymbol array && array.ElementType.SpecialType == SpecialType.System_String;
        }

        private static bool IsTestClass(ClassDeclarationSyntax type, SemanticModel model)
        {
            foreach (AttributeSyntax attribute in type.AttributeLists.SelectMany(l => l.Attributes))
            {
                string name = model.GetTypeInfo(attribute).Type?.Name ?? attribute.Name.ToString();
                if (name == "TestClassAttribute" || name == "TestClass")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
