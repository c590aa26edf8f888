using Packer.Core.Text;

namespace Packer.Tests.Text;

public sealed class ContentHashTests
{
    // By number: the test runner's serialization of a theory's strings does not keep a lone half of a surrogate pair.
    private static readonly string[][] Texts =
    [
        [],
        ["class A { }"],
        ["class", " ", "A", " ", "{", " ", "}", " "],
        ["// 😀", " (a pair split:) \uD83D", "\uDE00 ", "漢字 é"],
        ["a lone high half \uD83D", " then a space"],
        ["ends on a high half \uD83D"],
        [new string('漢', 5_000), "é", new string('x', 9_999), "😀"],
        [.. Enumerable.Range(0, 3_000).Select(i => i % 7 == 0 ? "é😀" : "token")],
    ];

    public static TheoryData<int> Cases => [.. Enumerable.Range(0, Texts.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_text_hashed_piece_by_piece_has_the_hash_of_the_pieces_joined(int text)
    {
        // Given a text in pieces, some longer than the builder's buffer, some splitting a surrogate pair
        var pieces = Texts[text];
        using var builder = new ContentHash.Builder();

        // When each piece is appended
        foreach (var piece in pieces)
        {
            builder.Append(piece);
        }

        // Then, and again after it was finished once
        Assert.Equal(ContentHash.Of(string.Concat(pieces)), builder.Finish());
        foreach (var piece in pieces)
        {
            builder.Append(piece);
        }

        Assert.Equal(ContentHash.Of(string.Concat(pieces)), builder.Finish());
    }
}
