using Packer.Core.Graph;
using Packer.Core.Ranking;

namespace Packer.Tests.Ranking;

public sealed class FileFeaturesTests
{
    [Fact]
    public void The_tie_is_the_kind_and_direction_of_the_strongest_edge_to_a_target()
    {
        // Given T uses Declared, Caller uses T, T derives from Base, Impl implements T, Part is another part of T,
        // and Far is two edges away
        var graph = Graph(["T"], [
            Edge("T", "Declared", EdgeKind.Uses, 2), Edge("Caller", "T", EdgeKind.Uses, 1), Edge("T", "Base", EdgeKind.Implements, 1),
            Edge("Impl", "T", EdgeKind.Implements, 1), Edge("Part", "T", EdgeKind.Partial, 1), Edge("Far", "Declared", EdgeKind.Uses, 1),
        ]);

        // When
        var reasons = new Reasons(graph, new Dictionary<string, double>());

        // Then
        Assert.Equal(Tie.Declares, reasons.TieOf("Declared"));
        Assert.Equal(Tie.Uses, reasons.TieOf("Caller"));
        Assert.Equal(Tie.Base, reasons.TieOf("Base"));
        Assert.Equal(Tie.Derives, reasons.TieOf("Impl"));
        Assert.Equal(Tie.Partial, reasons.TieOf("Part"));
        Assert.Equal(Tie.None, reasons.TieOf("Far"));
        Assert.Equal(Tie.None, reasons.TieOf("T"));
    }

    [Fact]
    public void Features_come_from_the_signals_and_a_sibling_test_needs_a_test_target()
    {
        // Given a test file two edges from a test target, named as its pair
        var signals = new Signals { Graph = 0.4, Hops = 2, Names = 1, FileName = 1, StemWords = 0.5, SameSuffix = 1, Test = 1, History = 0.25 };

        // When
        var withTestTarget = FileFeatures.Of(signals, Tie.None, 0.8, targetIsTest: true);
        var withoutTestTarget = FileFeatures.Of(signals, Tie.None, 0.8, targetIsTest: false);

        // Then
        Assert.Equal(new FileFeatures(0.4, false, true, Tie.None, 1, 0.8, true, 0.5, true, true, 0.25), withTestTarget);
        Assert.False(withoutTestTarget.SiblingTest);
    }

    [Fact]
    public void With_the_fitted_weights_history_and_name_similarity_raise_the_odds_and_nothing_is_not_likely()
    {
        var weights = new RankingWeights();
        var nothing = new FileFeatures(0, false, false, Tie.None, 0, 0, false, 0, false, false, 0);

        Assert.True(nothing.Logit(weights) < 0);
        Assert.True((nothing with { History = 1 }).Logit(weights) > nothing.Logit(weights));
        Assert.True((nothing with { NameSimilarity = 1 }).Logit(weights) > nothing.Logit(weights));
        Assert.True((nothing with { Direct = true, Tie = Tie.Uses }).Logit(weights) > (nothing with { Direct = true, Tie = Tie.Declares }).Logit(weights));
    }

    private static Edge Edge(string from, string to, EdgeKind kind, double weight) => new(from, to, kind, weight, to);

    private static DocumentGraph Graph(IReadOnlyList<string> targets, IReadOnlyList<Edge> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Concat(targets).Distinct().ToDictionary(n => n, n => targets.Contains(n) ? 0 : 1);
        return new DocumentGraph(targets, nodes, edges, new Dictionary<string, IReadOnlyList<Usage>>(), 0);
    }
}
