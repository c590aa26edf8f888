using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Graph;
using Packer.Tests.Redaction;

namespace Packer.Tests.Graph;

public sealed class DeclarationReaderTests
{
    [Fact]
    public void A_literal_or_comment_holding_a_secret_gives_no_words_for_the_cache()
    {
        // Given a token in a literal and a key id in a comment, beside a message and a comment without one
        var token = FakeSecrets.GitHubToken("p");
        var id = FakeSecrets.AwsAccessKeyId;
        var source = $$"""
            namespace Shop;
            public static class Settings
            {
                // Rotated monthly.
                public const string Token = "{{token}}";
                // Key id {{id}}.
                public const string Message = "Payment declined";
            }
            """;

        // When
        var words = DeclarationReader.Read("src/Settings.cs", CSharpSyntaxTree.ParseText(source).GetRoot()).Words;

        // Then the secrets' words are left out (a token's body is one word, lower-cased), the others are kept
        Assert.DoesNotContain(token[4..].ToLowerInvariant(), words.Keys);
        Assert.DoesNotContain(id.ToLowerInvariant(), words.Keys);
        Assert.Contains("rotated", words.Keys);
        Assert.Contains("declined", words.Keys);
    }

    [Fact]
    public void Members_are_read_from_every_type_however_nested_and_never_from_bodies()
    {
        // Given members of a class, a nested struct, a record, an extension block, an interface and a file-scoped
        // namespace's class, beside a body's local function and local variable, and the length as a bundle shows it
        const string source = "namespace Shop;\r\n" + """
            public static class Orders
            {
                public static int Count;
                public event System.Action? Changed;
                public decimal Total { get; set; }
                public void Place()
                {
                    int local = 1;
                    void Helper() { }
                    Helper();
                }

                private struct Line { public string Sku; public int Quantity() => 1; }

                extension(string text)
                {
                    public bool IsSku => text.Length > 0;
                    public string Trimmed() => text.Trim();
                }
            }
            public record Receipt(int Number) { public string Note { get; init; } = ""; }
            public interface IOrders { void Cancel(); }
            """;

        // When
        var syntax = DeclarationReader.Read("src/Orders.cs", CSharpSyntaxTree.ParseText(source).GetRoot());

        // Then each declared member is there, in order, and nothing a body declares
        Assert.Equal(["Cancel", "Changed", "Count", "IsSku", "Note", "Place", "Quantity", "Sku", "Total", "Trimmed"], syntax.Members);
        Assert.Equal(source.Length - 1 + 1, syntax.Length); // one CR LF is one character, and a final newline is added
    }

    [Fact]
    public void The_code_and_shape_hashes_are_those_of_the_joined_tokens_and_every_comment_gives_its_words()
    {
        // Given a file with comments before and after tokens, in a body and in a documentation comment
        const string source = """
            namespace Shop; // trailing remark
            /// <summary>Quarterly invoices.</summary>
            public sealed class Invoice
            {
                /* block remark */
                public decimal Total(int count) => count * 2m; // after arrow
            }
            """;
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();

        // When it is read after another file (whose hashing the reader's hasher was reused for)
        DeclarationReader.Read("src/Other.cs", CSharpSyntaxTree.ParseText("class Other { void M() { } } // other").GetRoot());
        var read = DeclarationReader.Read("src/Invoice.cs", root);

        // Then the hashes are those of the tokens (with a marker for each body) joined by spaces, as the cache's files
        // written before them hold, and each comment's words are counted once
        var tokens = string.Concat(root.DescendantTokens().Select(t => t.Text + " "));
        Assert.Equal(Core.Text.ContentHash.Of(tokens), read.Code);
        var shape = string.Concat(root.DescendantNodesAndTokens(n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax)
            .Select(e => e.AsNode() is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrow ? $"\u0001{(int)arrow.Kind()} " : e.IsToken ? e.AsToken().Text + " " : string.Empty));
        Assert.Equal(Core.Text.ContentHash.Of(shape), read.Shape);
        foreach (var word in new[] { "trailing", "remark", "quarterly", "invoices", "block", "after", "arrow" })
        {
            Assert.True(read.Words.ContainsKey(word), word);
        }

        Assert.Equal(2, read.Words["remark"]);
    }

    private const string Before = """
        using System;

        namespace Shop;

        /// <summary>Prices orders.</summary>
        public sealed class Pricing
        {
            private readonly decimal rate = 0.2m;

            public decimal Total(decimal net, int quantity = 1)
            {
                return net * quantity * (1 + rate);
            }

            public string Name => "pricing";
        }
        """;

    [Theory]
    [InlineData("a comment", "/// <summary>Prices orders.</summary>", "// Prices every order.\n/// <summary>Prices orders, taxed.</summary>")]
    [InlineData("a method's body", "return net * quantity * (1 + rate);", "var gross = net * (1 + rate);\n        return gross * quantity;")]
    [InlineData("an initializer", "0.2m", "0.25m")]
    [InlineData("a default value", "int quantity = 1", "int quantity = 2")]
    [InlineData("an expression body", "=> \"pricing\"", "=> nameof(Pricing)")]
    [InlineData("the layout", "public decimal Total(decimal net, int quantity = 1)", "public decimal Total(\n        decimal net,\n        int quantity = 1)")]
    public void An_edit_that_no_other_file_can_bind_to_keeps_the_shape(string what, string anchor, string replacement)
    {
        Assert.True(Shape(Before) == Shape(Edited(anchor, replacement)), what);
    }

    [Theory]
    [InlineData("a parameter's type", "int quantity = 1", "long quantity = 1")]
    [InlineData("a default value removed", "int quantity = 1", "int quantity")]
    [InlineData("a member added", "    public string Name", "    public void Reset() { }\n\n    public string Name")]
    [InlineData("a member renamed", "Total(", "Sum(")]
    [InlineData("a type renamed", "class Pricing", "class PriceList")]
    [InlineData("an accessibility", "public decimal Total", "internal decimal Total")]
    [InlineData("a using directive", "using System;", "using System.Linq;")]
    [InlineData("an attribute", "public sealed class", "[Obsolete]\npublic sealed class")]
    [InlineData("an expression body turned into an accessor (counted, to be safe)", "public string Name => \"pricing\";", "public string Name { get { return \"pricing\"; } }")]
    public void An_edit_of_what_other_files_bind_to_changes_the_shape(string what, string anchor, string replacement)
    {
        Assert.True(Shape(Before) != Shape(Edited(anchor, replacement)), what);
    }

    [Fact]
    public void Comments_and_layout_keep_the_code_and_a_changed_body_does_not()
    {
        var commented = Edited("/// <summary>Prices orders.</summary>", "// Prices every order.\n/// <summary>Prices orders, taxed.</summary>");
        var laidOut = Edited("return net * quantity * (1 + rate);", "return net\n            * quantity\n            * (1 + rate); // taxed");
        var rewritten = Edited("return net * quantity * (1 + rate);", "return net * (1 + rate) * quantity;");

        Assert.Equal(Code(Before), Code(commented));
        Assert.Equal(Code(Before), Code(laidOut));
        Assert.NotEqual(Code(Before), Code(rewritten));
        Assert.Equal(Shape(Before), Shape(rewritten));
    }

    private static string Edited(string anchor, string replacement)
    {
        Assert.Contains(anchor, Before, StringComparison.Ordinal);
        return Before.Replace(anchor, replacement, StringComparison.Ordinal);
    }

    private static string Shape(string source) => DeclarationReader.Read("src/Pricing.cs", CSharpSyntaxTree.ParseText(source).GetRoot()).Shape;

    private static string Code(string source) => DeclarationReader.Read("src/Pricing.cs", CSharpSyntaxTree.ParseText(source).GetRoot()).Code;
}
