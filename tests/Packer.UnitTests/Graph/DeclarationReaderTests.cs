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
}
