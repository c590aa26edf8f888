using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Packer.Core.Budget;

/// <summary>
/// Reduces C# source to its declarations: method, constructor, operator and accessor bodies become ";",
/// field initializers and ordinary comments go; types, members, attributes and XML docs stay.
/// </summary>
internal static class SignatureExtractor
{
    public static string Extract(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var reduced = new BodyRemover().Visit(root);
        var lines = reduced.ToFullString().ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0);
        return string.Join('\n', lines) + "\n";
    }

    private sealed class BodyRemover() : CSharpSyntaxRewriter(visitIntoStructuredTrivia: false)
    {
        private static readonly SyntaxToken Semicolon = SyntaxFactory.Token(SyntaxKind.SemicolonToken);

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : WithoutBody(node.WithBody(null).WithExpressionBody(null), node);

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
            WithoutBody(node.WithBody(null).WithExpressionBody(null).WithInitializer(null), node);

        public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
            WithoutBody(node.WithBody(null).WithExpressionBody(null), node);

        public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
            WithoutBody(node.WithBody(null).WithExpressionBody(null), node);

        public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
            WithoutBody(node.WithBody(null).WithExpressionBody(null), node);

        public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null
                ? node
                : Trimmed(node.WithBody(null).WithExpressionBody(null).WithSemicolonToken(default)).WithSemicolonToken(Semicolon).WithTrailingTrivia(node.GetTrailingTrivia());

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
        {
            var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
            if (visited.ExpressionBody is not null)
            {
                var getter = SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(Semicolon);
                visited = visited.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(getter)).NormalizeWhitespace())
                    .WithTrailingTrivia(node.GetTrailingTrivia());
            }

            return visited.Initializer is null || visited.AccessorList is null
                ? visited
                : visited.WithInitializer(null).WithSemicolonToken(default)
                    .WithAccessorList(visited.AccessorList.WithTrailingTrivia(visited.SemicolonToken.TrailingTrivia));
        }

        public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
        {
            var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
            return visited.ExpressionBody is null
                ? visited
                : visited.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
                        SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(Semicolon))).NormalizeWhitespace())
                    .WithTrailingTrivia(node.GetTrailingTrivia());
        }

        public override SyntaxNode? VisitVariableDeclarator(VariableDeclaratorSyntax node) =>
            node.Parent?.Parent is FieldDeclarationSyntax && node.Initializer is not null
                ? node.WithInitializer(null).WithIdentifier(node.Identifier.WithTrailingTrivia())
                : node;

        public override SyntaxNode? VisitEnumMemberDeclaration(EnumMemberDeclarationSyntax node) => node;

        public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                ? default
                : trivia;

        private static SyntaxNode WithoutBody<T>(T reduced, T original)
            where T : BaseMethodDeclarationSyntax =>
            Trimmed((T)reduced.WithSemicolonToken(default)).WithSemicolonToken(Semicolon).WithTrailingTrivia(original.GetTrailingTrivia());

        // The token before a removed body keeps the line break that led to it; drop it so ";" follows directly.
        private static T Trimmed<T>(T node)
            where T : SyntaxNode
        {
            var last = node.GetLastToken();
            return node.ReplaceToken(last, last.WithTrailingTrivia());
        }
    }
}
