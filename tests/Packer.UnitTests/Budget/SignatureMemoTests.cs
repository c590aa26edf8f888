using Packer.Core.Budget;

namespace Packer.Tests.Budget;

public sealed class SignatureMemoTests
{
    private const string Source = "namespace Shop;\n\npublic sealed class Money\n{\n    public decimal Add(decimal a) { return a + 1; }\n}\n";

    [Fact]
    public void A_later_run_finds_the_signatures_an_earlier_one_extracted_and_learns_nothing()
    {
        // Given a run that extracted a text's signatures
        var first = new SignatureMemo();
        var extracted = first.Extract(Source);

        // When the next run starts from what it kept
        var next = new SignatureMemo(first.Kept);
        var found = next.Extract(Source);

        // Then both are the extractor's, and only the first had to learn them
        Assert.Equal(SignatureExtractor.Extract(Source), extracted);
        Assert.Equal(extracted, found);
        Assert.True(first.Learnt);
        Assert.False(next.Learnt);
        Assert.Single(next.Kept);
    }
}
