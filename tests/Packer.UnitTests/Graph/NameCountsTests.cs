using Packer.Core.Graph;

namespace Packer.Tests.Graph;

/// <summary>A file's identifier counts: sorted, whatever order they were made in, and looked up by name.</summary>
public sealed class NameCountsTests
{
    [Fact]
    public void Counts_enumerate_sorted_by_name_whatever_order_they_were_made_in()
    {
        var counts = NameCounts.From(new Dictionary<string, int> { ["b"] = 2, ["B"] = 1, ["a"] = 3 });

        Assert.Equal(["B", "a", "b"], counts.Keys);
        Assert.Equal([1, 3, 2], counts.Values);
        Assert.True(counts.ContainsKey("a"));
        Assert.False(counts.ContainsKey("c"));
        Assert.Equal(2, counts["b"]);
        Assert.False(counts.TryGetValue("A", out _));
    }

    [Theory]
    [InlineData("b", "a")]
    [InlineData("a", "a")]
    public void Arrays_that_are_not_sorted_and_distinct_are_refused(string first, string second)
    {
        Assert.Throws<ArgumentException>(() => NameCounts.FromSorted([first, second], [1, 1]));
    }
}
