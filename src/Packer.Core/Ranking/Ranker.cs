using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Ranking;

/// <summary>
/// Scores every file by how likely it is to change together with the targets: a logistic model (weights in
/// <see cref="RankingWeights"/>, fitted offline on real commits) over <see cref="FileFeatures"/>: proximity in
/// the dependency graph (personalized PageRank in both directions, and what ties it to a target), identifier
/// similarity, file-name affinity, co-change history and how recently and often the file changed, each also as
/// a rank among the other files; divided by a small power of the file's size. Ties break by ordinal path, so
/// the order is total. Each file keeps the three features that raised its score most (<see cref="Driver"/>).
/// </summary>
internal static class Ranker
{
    public static IReadOnlyList<RankedFile> Rank(
        LoadedSolution loaded, SyntaxIndex index, DocumentGraph graph, GitHistory? git, Func<string, int> length, RankingWeights weights, AnchorNames anchors)
    {
        var history = new HistoryFeatures(git, graph.Targets);
        var coChange = history.CoChange;
        var ties = new DirectTies(graph);
        var affinity = new NameAffinity(index, graph.Targets);
        var targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        var proximity = PersonalizedPageRank.Compute(graph, weights);
        var coUsage = new CoUsage(graph);
        var names = new NameSimilarity(index, graph.Targets);
        var priors = new Prior(loaded, graph.Targets, anchors);
        var reasons = new Reasons(graph, proximity);

        var others = loaded.Files.Where(f => !targets.Contains(f.Path)).ToList();
        var scaleGraph = Scale(others.Select(f => proximity.GetValueOrDefault(f.Path)));
        var coUsages = loaded.Files.ToDictionary(f => f.Path, f => coUsage.Of(f.Path), StringComparer.Ordinal);
        var scaleCoUsage = Scale(others.Select(f => coUsages[f.Path]));
        var similarities = loaded.Files.ToDictionary(f => f.Path, f => names.Of(f.Path), StringComparer.Ordinal);
        var scaleNames = Scale(others.Select(f => similarities[f.Path]), Math.Max(1, (int)Math.Round(others.Count * weights.NamesScaleShare)));
        var scaleHistory = Scale(others.Select(f => coChange.GetValueOrDefault(f.Path)));

        Signals SignalsOf(SourceFile f) => new()
        {
            Graph = Round(scaleGraph(proximity.GetValueOrDefault(f.Path))),
            CoUsage = Round(scaleCoUsage(coUsages[f.Path])),
            Names = Round(scaleNames(similarities[f.Path])),
            FileName = priors.FileName(f),
            Folder = Round(priors.Folder(f)),
            Project = priors.Project(f),
            History = Round(scaleHistory(coChange.GetValueOrDefault(f.Path))),
            Hops = reasons.Distance(f.Path) ?? -1,
            Uses = Round(ties.Uses(f.Path)),
            UsedBy = Round(ties.UsedBy(f.Path)),
            BaseOfTarget = ties.IsBase(f.Path) ? 1 : 0,
            DerivesFromTarget = ties.Derives(f.Path) ? 1 : 0,
            Partial = ties.IsPart(f.Path) ? 1 : 0,
            NamesRaw = Round(similarities[f.Path]),
            Namespace = affinity.NamespaceDistance(f.Path),
            Test = FileNames.IsTest(f.Path) ? 1 : 0,
            StemWords = Round(affinity.Words(f.Path)),
            StemContains = affinity.Contains(f.Path) ? 1 : 0,
            SameSuffix = affinity.SameSuffix(f.Path) ? 1 : 0,
            HistoryRaw = Round(coChange.GetValueOrDefault(f.Path)),
            HistoryCommits = history.Together(f.Path),
            Churn = history.Churn(f.Path),
            Age = Round(history.AgeDays(f.Path)),
            Mentions = Round(affinity.Mentions(f.Path)),
            CoCited = Round(ties.CoCited(f.Path)),
            Length = length(f.Path),
        };
        var signals = loaded.Files.Select(f => (f.Path, Signals: SignalsOf(f), Target: targets.Contains(f.Path))).ToList();
        var features = FileFeatures.Of(signals);
        var coefficients = weights.Coefficients();
        double Score(int i) =>
            Sigmoid(weights.Logit(features[i], coefficients)) / Math.Pow((signals[i].Signals.Length / 4.0) + 50, weights.SizeExponent);

        return loaded.Files
            .Select((f, i) => (File: f, signals[i].Signals, signals[i].Target, Score: Significant(Score(i)), Index: i))
            .OrderByDescending(x => x.Target)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => x.File.Path, StringComparer.Ordinal)
            .Select((x, i) => new RankedFile(
                x.File.Path,
                x.File.Project,
                i + 1,
                x.Score,
                x.Target,
                reasons.For(x.File.Path) ?? priors.Reason(x.File),
                x.Signals,
                reasons.Distance(x.File.Path),
                x.Target ? [] : Drivers(features[x.Index], coefficients)))
            .ToList();
    }

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // The three features that added most to the log-odds, largest first (equal ones in FileFeatures' order).
    private static List<Driver> Drivers(double[] features, double[] coefficients)
    {
        var top = new List<Driver>(4);
        for (var k = 0; k < coefficients.Length; k++)
        {
            var logOdds = Math.Round(coefficients[k] * features[k], 2);
            if (logOdds > 0 && (top.Count < 3 || logOdds > top[^1].LogOdds))
            {
                var at = top.FindIndex(d => d.LogOdds < logOdds);
                top.Insert(at < 0 ? top.Count : at, new Driver(FileFeatures.Names[k], logOdds));
                if (top.Count > 3)
                {
                    top.RemoveAt(3);
                }
            }
        }

        return top;
    }

    // Scales a signal so that its best value among non-target files is 1.
    private static Func<double, double> Scale(IEnumerable<double> values)
    {
        var best = values.DefaultIfEmpty(0).Max();
        return best > 0 ? v => v / best : _ => 0;
    }

    /// <summary>
    /// Scales a signal so that its rank-th best value (or the lowest positive one, if fewer are positive)
    /// is 1, and caps it there: a robust maximum, which one outlier cannot set.
    /// </summary>
    internal static Func<double, double> Scale(IEnumerable<double> values, int rank)
    {
        var positive = values.Where(v => v > 0).OrderDescending().Take(rank).ToList();
        return positive.Count > 0 ? v => Math.Min(1, v / positive[^1]) : _ => 0;
    }

    // Signals are rounded before they are combined, so that the last bits of floating-point arithmetic
    // (which may differ between machines' math libraries) cannot reorder files.
    private static double Round(double value) => Math.Round(value, 6);

    // Scores are compared at two significant digits, ties broken by path: an edit to a target shifts
    // every file's similarity a little, and that alone should not reshuffle the long tail of the ranking
    // (nor move files across the budget boundary). The within-target and task rankings compare theirs so too.
    internal static double Significant(double value)
    {
        if (value <= 0)
        {
            return 0;
        }

        var digits = 1 - (int)Math.Floor(Math.Log10(value));
        return digits is >= 0 and <= 15 ? Math.Round(value, digits) : Math.Round(value, 15);
    }
}
