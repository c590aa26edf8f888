using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Packer.Core.Text;

namespace Packer.Core.Graph;

/// <summary>Reads one syntax tree into a <see cref="FileSyntax"/>.</summary>
internal static class DeclarationReader
{
    public static FileSyntax Read(string path, SyntaxNode root)
    {
        var identifiers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                identifiers[token.ValueText] = identifiers.GetValueOrDefault(token.ValueText) + 1;
            }
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        var types = new SortedSet<string>(StringComparer.Ordinal);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        Visit(root, string.Empty, names, types, namespaces);
        return new FileSyntax(path, NameCounts.From(identifiers), [.. names], [.. types], [.. namespaces], ShownLength.Of(root.SyntaxTree.GetText()));
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
