using Packer.Core.Graph;
using Packer.Core.Ranking;

namespace Packer.Tests.Ranking;

public sealed class PersonalizedPageRankTests
{
    [Fact]
    public void A_file_reached_through_a_hub_scores_below_one_reached_through_a_narrow_dependency()
    {
        // Given T uses Narrow and Hub equally; Narrow is used only by A; Hub is used by B and nine others
        var edges = new List<Edge> { Uses("T", "Narrow"), Uses("T", "Hub"), Uses("A", "Narrow"), Uses("B", "Hub") };
        edges.AddRange(Enumerable.Range(0, 9).Select(i => Uses($"Other{i}", "Hub")));
        var graph = Graph(["T"], edges);

        // When
        var score = PersonalizedPageRank.Compute(graph, new RankingWeights());

        // Then
        Assert.True(score["A"] > score["B"]);
        Assert.True(score["Narrow"] > score["A"]);
        Assert.Equal(1.0, score.Values.Sum(), precision: 9);
    }

    [Fact]
    public void Scaling_to_the_rank_th_best_value_caps_an_outlier_instead_of_flattening_the_rest()
    {
        // Given one near-copy of the target (0.9) above ordinary similarities
        double[] similarities = [0.9, 0.2, 0.1, 0.05, 0, 0];

        // When
        var byThird = Ranker.Scale(similarities, 3);
        var beyondPositives = Ranker.Scale(similarities, 10);

        // Then
        Assert.Equal([1, 1, 1, 0.5, 0, 0], similarities.Select(byThird));
        Assert.Equal(1, beyondPositives(0.05));
        Assert.Equal(0, Ranker.Scale([0, 0], 3)(0));
    }

    [Fact]
    public void Scores_are_the_same_bits_whatever_the_edge_order()
    {
        var edges = new List<Edge> { Uses("T", "X"), Uses("X", "Y"), Uses("Z", "T"), Uses("Y", "Z") };
        var forward = PersonalizedPageRank.Compute(Graph(["T"], edges), new RankingWeights());
        var backward = PersonalizedPageRank.Compute(Graph(["T"], edges.AsEnumerable().Reverse().ToList()), new RankingWeights());

        Assert.Equal(forward.OrderBy(p => p.Key, StringComparer.Ordinal), backward.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static Edge Uses(string from, string to) => new(from, to, EdgeKind.Uses, 1.0, to);

    private static DocumentGraph Graph(IReadOnlyList<string> targets, IReadOnlyList<Edge> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Concat(targets).Distinct().ToDictionary(n => n, n => targets.Contains(n) ? 0 : 1);
        return new DocumentGraph(targets, nodes, edges, new Dictionary<string, IReadOnlyList<Usage>>(), 0);
    }
}
