using System.Globalization;
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

    // One per thread that reads files (the index reads them in parallel), reused from file to file; taken while in
    // use, so that a read that throws midway leaves no half-hashed text for the next.
    [ThreadStatic]
    private static ContentHash.Builder? hasher;

    public static FileSyntax Read(string path, SyntaxNode root)
    {
        // The tree's text is the text it was parsed from (a parsed tree round-trips), and that text holds the string.
        var fullText = root.SyntaxTree.GetText().ToString();
        var secrets = Redactor.Spans(path, fullText);
        bool HoldsSecret(TextSpan span) => secrets.Exists(s => s.Start < span.End && span.Start < s.End);
        var identifiers = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddWord(string word) => words[word] = words.GetValueOrDefault(word) + 1;
        void AddCommentWords(SyntaxTriviaList trivia)
        {
            foreach (var one in trivia)
            {
                if (HoldsSecret(one.FullSpan))
                {
                    continue;
                }

                if (one.IsKind(SyntaxKind.SingleLineCommentTrivia) || one.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    Words.Each(one.ToString(), AddWord);
                }
                else if (one.HasStructure && (one.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || one.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)))
                {
                    foreach (var text in one.GetStructure()!.DescendantTokens().Where(t => t.IsKind(SyntaxKind.XmlTextLiteralToken)))
                    {
                        Words.Each(text.ValueText, AddWord);
                    }
                }
            }
        }

        // One walk over the tokens: the code's hash, the identifiers, the words of literals and of the comments around each token.
        var code = hasher ?? new ContentHash.Builder();
        hasher = null;
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

            if (token.HasLeadingTrivia)
            {
                AddCommentWords(token.LeadingTrivia);
            }

            if (token.HasTrailingTrivia)
            {
                AddCommentWords(token.TrailingTrivia);
            }
        }

        var codeHash = code.Finish();
        foreach (var (identifier, count) in identifiers)
        {
            Words.Token(identifier, word => words[word] = words.GetValueOrDefault(word) + count);
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

        var shape = Shape(root, code);
        hasher = code;
        return new FileSyntax(path, NameCounts.From(identifiers), [.. names], [.. types], [.. namespaces], ShownLength.Of(fullText))
        {
            Words = NameCounts.From(words),
            Members = [.. members],
            Shape = shape,
            Code = codeHash,
        };
    }

    // The tokens other files can bind to, with a marker where a body, an initializer (a default value's presence
    // decides overloads, its value does not) or a top-level statement is; hashed.
    private static string Shape(SyntaxNode root, ContentHash.Builder shape)
    {
        static bool Inside(SyntaxNode node) => node is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or GlobalStatementSyntax;
        Span<char> kind = stackalloc char[11];
        foreach (var element in root.DescendantNodesAndTokens(node => !Inside(node)))
        {
            if (element.AsNode() is { } node && Inside(node))
            {
                ((int)node.Kind()).TryFormat(kind, out var digits, provider: CultureInfo.InvariantCulture);
                shape.Append('\u0001').Append(kind[..digits]).Append(' ');
            }
            else if (element.IsToken)
            {
                shape.Append(element.AsToken().Text).Append(' ');
            }
        }

        return shape.Finish();
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
