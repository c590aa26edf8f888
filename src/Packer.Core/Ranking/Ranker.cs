using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Ranking;

/// <summary>
/// Scores every file by proximity to the targets: a personalized PageRank over the dependency graph
/// (both directions, so what the targets use and what uses them both count), co-usage (using what the
/// targets use), and weaker priors from names, the folder tree and the project graph. Ties break by
/// ordinal path, so the order is total.
/// </summary>
internal static class Ranker
{
    public static IReadOnlyList<RankedFile> Rank(LoadedSolution loaded, DocumentGraph graph, RankingWeights weights)
    {
        var targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        var proximity = PersonalizedPageRank.Compute(graph, weights);
        var best = proximity.Where(p => !targets.Contains(p.Key)).Select(p => p.Value).DefaultIfEmpty(0).Max();
        var coUsage = new CoUsage(graph);
        var priors = new Prior(loaded, graph.Targets);
        var reasons = new Reasons(graph, proximity);
        double Score(SourceFile f) =>
            (weights.Graph * (best > 0 ? proximity.GetValueOrDefault(f.Path) / best : 0))
            + (weights.CoUsage * coUsage.Of(f.Path))
            + (weights.Folder * priors.Folder(f))
            + (weights.Project * priors.Project(f))
            + (weights.TestName * priors.TestName(f));

        return loaded.Files
            .Select(f => (File: f, Score: Score(f)))
            .OrderByDescending(x => targets.Contains(x.File.Path))
            .ThenByDescending(x => x.Score)
            .ThenBy(x => x.File.Path, StringComparer.Ordinal)
            .Select((x, i) => new RankedFile(
                x.File.Path,
                x.File.Project,
                i + 1,
                Math.Round(x.Score, 6),
                targets.Contains(x.File.Path),
                reasons.For(x.File.Path) ?? priors.Reason(x.File)))
            .ToList();
    }
}
