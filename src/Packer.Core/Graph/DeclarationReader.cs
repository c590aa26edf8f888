using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Packer.Core.Redaction;
using Packer.Core.Text;

namespace Packer.Core.Graph;

/// <summary>Reads one syntax tree into a <see cref="FileSyntax"/>.</summary>
/// <remarks>
/// The words of a string literal or comment that holds a secret (where the default redactor would replace a value)
/// are left out, so the analysis cache, which keeps them, holds no secret either (a hex key is one word).
/// </remarks>
internal static class DeclarationReader
{
    private static readonly SecretRedactor Redactor = new(RedactionOptions.Default);

    public static FileSyntax Read(string path, SyntaxNode root)
    {
        // The tree's text is the text it was parsed from (a parsed tree round-trips), and that text holds the string.
        var fullText = root.SyntaxTree.GetText().ToString();
        var secrets = Redactor.Spans(path, fullText);
        bool HoldsSecret(TextSpan span) => secrets.Exists(s => s.Start < span.End && span.Start < s.End);
        var identifiers = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddWord(string word) => words[word] = words.GetValueOrDefault(word) + 1;
        var code = new StringBuilder();
        foreach (var token in root.DescendantTokens())
        {
            code.Append(token.Text).Append(' ');
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                identifiers[token.ValueText] = identifiers.GetValueOrDefault(token.ValueText) + 1;
            }
            else if (IsText(token) && !HoldsSecret(token.Span))
            {
                Words.Each(token.ValueText, AddWord);
            }
        }

        foreach (var (identifier, count) in identifiers)
        {
            Words.Token(identifier, word => words[word] = words.GetValueOrDefault(word) + count);
        }

        foreach (var trivia in root.DescendantTrivia())
        {
            if (HoldsSecret(trivia.FullSpan))
            {
                continue;
            }

            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                Words.Each(trivia.ToString(), AddWord);
            }
            else if (trivia.HasStructure && (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)))
            {
                foreach (var text in trivia.GetStructure()!.DescendantTokens().Where(t => t.IsKind(SyntaxKind.XmlTextLiteralToken)))
                {
                    Words.Each(text.ValueText, AddWord);
                }
            }
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        var types = new SortedSet<string>(StringComparer.Ordinal);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        var members = new SortedSet<string>(StringComparer.Ordinal);
        Visit(root, string.Empty, names, types, namespaces);
        // Members are declared in types (and, in broken code, namespaces); bodies, which declare none, are not walked.
        var inTypes = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);
        foreach (var member in inTypes.OfType<MemberDeclarationSyntax>())
        {
            DeclareMember(member, members);
        }

        return new FileSyntax(path, NameCounts.From(identifiers), [.. names], [.. types], [.. namespaces], ShownLength.Of(fullText))
        {
            Words = NameCounts.From(words),
            Members = [.. members],
            Shape = Shape(root),
            Code = ContentHash.Of(code.ToString()),
        };
    }

    // The tokens other files can bind to, with a marker where a body, an initializer (a default value's presence
    // decides overloads, its value does not) or a top-level statement is; hashed.
    private static string Shape(SyntaxNode root)
    {
        static bool Inside(SyntaxNode node) => node is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or GlobalStatementSyntax;
        var text = new StringBuilder();
        foreach (var element in root.DescendantNodesAndTokens(node => !Inside(node)))
        {
            if (element.AsNode() is { } node && Inside(node))
            {
                text.Append('\u0001').Append((int)node.Kind()).Append(' ');
            }
            else if (element.IsToken)
            {
                text.Append(element.AsToken().Text).Append(' ');
            }
        }

        return ContentHash.Of(text.ToString());
    }

    // String literals' text (interpolated ones' text parts too): where the messages a reporter pastes are written.
    private static bool IsText(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
        || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
        || token.IsKind(SyntaxKind.Utf8StringLiteralToken);

    private static void DeclareMember(MemberDeclarationSyntax member, SortedSet<string> members)
    {
        switch (member)
        {
            case MethodDeclarationSyntax method:
                members.Add(method.Identifier.ValueText);
                break;
            case PropertyDeclarationSyntax property:
                members.Add(property.Identifier.ValueText);
                break;
            case EventDeclarationSyntax @event:
                members.Add(@event.Identifier.ValueText);
                break;
            case BaseFieldDeclarationSyntax field:
                members.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                break;
        }
    }

    private static void Visit(SyntaxNode node, string scope, SortedSet<string> names, SortedSet<string> types, SortedSet<string> namespaces)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Visit(ns, Join(scope, ns.Name.ToString()), names, types, namespaces);
                    break;
                case BaseTypeDeclarationSyntax type:
                    Declare(type.Identifier.ValueText, scope, names, types, namespaces, out var full);
                    if (type is TypeDeclarationSyntax withMembers)
                    {
                        DeclareExtensionMethods(withMembers, names);
                        Visit(withMembers, full, names, types, namespaces);
                    }

                    break;
                case DelegateDeclarationSyntax @delegate:
                    Declare(@delegate.Identifier.ValueText, scope, names, types, namespaces, out _);
                    break;
            }
        }
    }

    private static void Declare(
        string name, string scope, SortedSet<string> names, SortedSet<string> types, SortedSet<string> namespaces, out string full)
    {
        full = Join(scope, name);
        names.Add(name);
        types.Add(full);
        if (!types.Contains(scope))
        {
            namespaces.Add(scope);
        }
    }

    private static void DeclareExtensionMethods(TypeDeclarationSyntax type, SortedSet<string> names)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when method.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(SyntaxKind.ThisKeyword) == true:
                    names.Add(method.Identifier.ValueText);
                    break;
                case ExtensionBlockDeclarationSyntax extension:
                    foreach (var extensionMember in extension.Members)
                    {
                        if (extensionMember is MethodDeclarationSyntax m)
                        {
                            names.Add(m.Identifier.ValueText);
                        }
                        else if (extensionMember is PropertyDeclarationSyntax p)
                        {
                            names.Add(p.Identifier.ValueText);
                        }
                    }

                    break;
            }
        }
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;
}
