using Packer.Core.Ranking;

namespace Packer.Tests.Ranking;

public sealed class FileFeaturesTests
{
    [Fact]
    public void Features_come_from_the_signals_scaled_by_the_best_non_target_file()
    {
        // Given a test target, a test file two edges from it and named as its pair, and a production file it uses
        var target = new Signals { Test = 1, Uses = 9, NamesRaw = 1, Churn = 100 };
        var pair = new Signals { Graph = 0.4, Hops = 2, Names = 1, NamesRaw = 0.2, FileName = 1, Test = 1, History = 0.25, HistoryCommits = 3, Churn = 3, Age = 30 };
        var used = new Signals { Graph = 1, Hops = 1, Uses = 4, NamesRaw = 0.4, Namespace = 0, Churn = 1, Age = -1, Mentions = 0.25 };

        // When
        var x = FileFeatures.Of([("T.cs", target, true), ("TTests.cs", pair, false), ("Used.cs", used, false)]);

        // Then each of theirs is in [0, 1], scaled by the best non-target file, never by the target
        double F(int file, string name) => x[file][FileFeatures.Index(name)];
        Assert.Equal([0.4, 0, 1, 0, 1, 1, 0.5, 0.75, 0.5, 0], [F(1, "graph"), F(1, "direct"), F(1, "twoHops"), F(1, "uses"), F(1, "testPair"), F(1, "siblingTest"), F(1, "nameSim"), F(1, "historyCommits"), F(1, "recency"), F(1, "subjectOfTest")]);
        Assert.Equal([1, 1, 1, 1, 0, 0, 0, 1, 0.5], [F(2, "graph"), F(2, "direct"), F(2, "uses"), F(2, "nameSim"), F(2, "recency"), F(2, "test"), F(2, "siblingTest"), F(2, "sameNamespace"), F(2, "mentions")]);
        Assert.Equal(Math.Round(Math.Log(2) / Math.Log(4), 6), F(2, "churn"));
        Assert.True(x.Skip(1).SelectMany(v => v).All(v => v is >= 0 and <= 1));
    }

    [Fact]
    public void A_rank_feature_counts_the_non_target_files_ahead_of_it_and_equal_ones_share_a_place()
    {
        // Given two files as close in the graph, one closer, one not reached, and the target
        var files = new (string, Signals, bool)[]
        {
            ("T.cs", new Signals { Graph = 1 }, true),
            ("b.cs", new Signals { Graph = 0.5 }, false),
            ("a.cs", new Signals { Graph = 0.5 }, false),
            ("Best.cs", new Signals { Graph = 1 }, false),
            ("c.cs", new Signals { Graph = 0 }, false),
        };

        // When
        var x = FileFeatures.Of(files);

        // Then the best is 1, the two equal ones share the second place, the unreached and the target are 0
        var rank = FileFeatures.Index("graphRank");
        Assert.Equal([0, 0.5, 0.5, 1, 0], x.Select(v => v[rank]));
    }

    [Fact]
    public void With_the_fitted_weights_history_and_name_similarity_raise_the_odds_and_nothing_is_not_likely()
    {
        var weights = new RankingWeights();
        var coefficients = weights.Coefficients();
        double Logit(params string[] features)
        {
            var x = new double[FileFeatures.Names.Count];
            foreach (var f in features)
            {
                x[FileFeatures.Index(f)] = 1;
            }

            return weights.Logit(x, coefficients);
        }

        Assert.True(Logit() < 0);
        Assert.True(Logit("history", "historyRank") > Logit());
        Assert.True(Logit("nameSim") > Logit());
        Assert.True(Logit("direct", "graph", "graphRank") > Logit());
    }

    [Fact]
    public void Every_weighted_feature_is_one_the_tool_computes()
    {
        Assert.All(new RankingWeights().Features.Keys, name => Assert.Contains(name, FileFeatures.Names));
        Assert.Equal(FileFeatures.Names.Count, FileFeatures.Names.Distinct().Count());
    }
}
