using Packer.Core.Tokenization;

namespace Packer.Tests.Tokenization;

public sealed class TokenCountMemoTests
{
    [Fact]
    public void Keeps_this_runs_counts_and_the_earlier_ones_so_runs_for_other_targets_stay_warm()
    {
        // Given a cache holding the counts of a run for another target
        var memo = new TokenCountMemo(new Dictionary<string, int> { ["other target's block"] = 7, ["shared header"] = 3 });

        // When this run looks one up (found, not counted again) and counts a new one
        Assert.Equal(3, memo.GetOrMake("shared header", () => throw new InvalidOperationException("counted a known text")));
        memo.GetOrMake("this target's block", () => 5);

        // Then
        Assert.True(memo.Learnt);
        Assert.Equal(["shared header", "this target's block", "other target's block"], memo.Kept.Keys);
    }

    [Fact]
    public void Keeps_a_bounded_number_of_earlier_counts()
    {
        var earlier = Enumerable.Range(0, TokenCountMemo.MaxEarlierCounts + 10).ToDictionary(i => $"block {i}", i => i);
        var memo = new TokenCountMemo(earlier);
        memo.GetOrMake("new", () => 1);

        Assert.Equal(TokenCountMemo.MaxEarlierCounts + 1, memo.Kept.Count);
        Assert.Contains("new", memo.Kept.Keys);
    }
}
