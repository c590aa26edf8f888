using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>
/// Personalized PageRank with restarts at the targets. A hub spreads its score thinly over its many
/// neighbours, so a file reached only through a widely used type scores low. Runs in a fixed order on
/// one thread, so the scores are the same bits on every run.
/// </summary>
internal static class PersonalizedPageRank
{
    public static Dictionary<string, double> Compute(DocumentGraph graph, RankingWeights weights)
    {
        var nodes = graph.Hops.Keys.Order(StringComparer.Ordinal).ToList();
        var ids = nodes.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var adjacency = nodes.Select(_ => new SortedDictionary<int, double>()).ToList();
        foreach (var edge in graph.Edges)
        {
            var (from, to) = (ids[edge.From], ids[edge.To]);
            var weight = edge.Kind == EdgeKind.Implements ? edge.Weight * weights.ImplementsBoost : edge.Weight;
            var back = edge.Kind == EdgeKind.Uses ? weights.ReverseWeight : 1.0;
            adjacency[from][to] = adjacency[from].GetValueOrDefault(to) + weight;
            adjacency[to][from] = adjacency[to].GetValueOrDefault(from) + (weight * back);
        }

        var restart = new double[nodes.Count];
        foreach (var target in graph.Targets)
        {
            restart[ids[target]] = 1.0 / graph.Targets.Count;
        }

        var degree = adjacency.Select(a => a.Values.Sum()).ToArray();
        var score = (double[])restart.Clone();
        for (var round = 0; round < weights.Iterations; round++)
        {
            var next = new double[nodes.Count];
            var dangling = 0.0;
            for (var i = 0; i < nodes.Count; i++)
            {
                if (degree[i] == 0)
                {
                    dangling += score[i];
                    continue;
                }

                foreach (var (j, w) in adjacency[i])
                {
                    next[j] += (1 - weights.Restart) * score[i] * w / degree[i];
                }
            }

            for (var i = 0; i < nodes.Count; i++)
            {
                next[i] += (weights.Restart + ((1 - weights.Restart) * dangling)) * restart[i];
            }

            score = next;
        }

        return nodes.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => score[x.i], StringComparer.Ordinal);
    }
}
