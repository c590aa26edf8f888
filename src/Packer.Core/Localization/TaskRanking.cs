using Packer.Core.Ranking;

namespace Packer.Core.Localization;

/// <summary>
/// Orders files for a task: the task model (<see cref="TaskWeights"/>) over what the text matched in each file and
/// where the ranking around the anchors put it. Targets, when there are any, stay first; ties break by ordinal
/// path, so the order is total. Each file keeps the three task features that raised its score most.
/// </summary>
internal static class TaskRanking
{
    /// <summary>Reorders a ranking made around the anchors (and any targets).</summary>
    /// <param name="ranked">The ranking around the anchors; its scores are the model's around them.</param>
    /// <param name="match">What the task matched.</param>
    /// <param name="targets">The files of the run's targets (none when the task alone chooses).</param>
    /// <param name="scope">The files of targets larger than the cap, which the task ranks in (none when there are none).</param>
    /// <param name="weights">The task model.</param>
    public static IReadOnlyList<RankedFile> Rerank(IReadOnlyList<RankedFile> ranked, TaskMatch match, IReadOnlySet<string> targets, IReadOnlySet<string> scope, TaskWeights weights)
    {
        var anchors = new HashSet<string>(match.Anchors.Concat(targets), StringComparer.Ordinal);
        var others = ranked.Where(f => !anchors.Contains(f.Path)).ToList();
        var best = others.Select(f => f.Score).DefaultIfEmpty(0).Max();
        var descending = others.Select(f => f.Score).Where(s => s > 0).OrderDescending().ToList();
        var coefficients = weights.Coefficients();
        var width = TaskFeatures.Names.Count;

        var scored = ranked.Select(f =>
        {
            var evidence = match.Evidence.GetValueOrDefault(f.Path);
            var x = evidence?.Features.ToArray() ?? new double[width];
            var anchor = anchors.Contains(f.Path);
            x[TaskFeatures.Index("size")] = Round(Math.Log(1 + (f.Signals.Length / 4)) / 10);
            x[TaskFeatures.Index("anchor")] = anchor ? 1 : 0;
            if (!anchor)
            {
                x[TaskFeatures.Index("near")] = Round(best > 0 ? f.Score / best : 0);
                x[TaskFeatures.Index("direct")] = f.Distance == 1 ? 1 : 0;
                x[TaskFeatures.Index("twoHops")] = f.Distance == 2 ? 1 : 0;
                x[TaskFeatures.Index("nearRank")] = f.Score > 0 ? Round(TaskFeatures.Rank(descending, f.Score)) : 0;
                x[TaskFeatures.Index("pair")] = f.Signals.FileName == 1 ? 1 : 0;
            }

            x[TaskFeatures.Index("inScope")] = scope.Contains(f.Path) ? 1 : 0;

            var logit = weights.Bias + x.Select((v, k) => v * coefficients[k]).Sum();
            return (File: f, Features: x, Matched: evidence?.Matched ?? [], Score: Ranker.Significant(Ranker.Sigmoid(logit)), Target: targets.Contains(f.Path));
        }).ToList();

        // Targets keep the order the ranking gave them (a module's within-target order); the rest follow by score.
        var targetOrder = ranked.Select((f, i) => (f.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);
        return scored
            .OrderByDescending(x => x.Target)
            .ThenBy(x => x.Target ? targetOrder[x.File.Path] : 0)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => x.File.Path, StringComparer.Ordinal)
            .Select((x, i) => x.File with
            {
                Rank = i + 1,
                Score = x.Target ? x.File.Score : x.Score,
                IsTarget = x.Target,
                Reason = x.Matched.Count > 0 ? "task: " + x.Matched[0] : x.File.Reason,
                Drivers = x.Target ? [] : Drivers(x.Features, coefficients),
                Task = new TaskMatchInfo(x.Features, x.Matched) { Score = x.Score },
            })
            .ToList();
    }

    // The three task features that added most to the log-odds, largest first.
    private static List<Driver> Drivers(double[] features, double[] coefficients) =>
        [.. Enumerable.Range(0, features.Length)
            .Select(k => new Driver("task." + TaskFeatures.Names[k], Math.Round(coefficients[k] * features[k], 2)))
            .Where(d => d.LogOdds > 0)
            .OrderByDescending(d => d.LogOdds)
            .Take(3)];

    private static double Round(double value) => Math.Round(value, 6);
}
