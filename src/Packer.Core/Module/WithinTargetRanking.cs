using Packer.Core.Graph;
using Packer.Core.Ranking;
using Packer.Core.Targeting;

namespace Packer.Core.Module;

/// <summary>
/// Ranks the files of targets larger than the cap by how central they are to them: how many files spell their
/// types' names (<see cref="SyntaxCentrality"/>), then how many of the bound central files use them (the
/// semantic model's facts, which also see extension methods), interfaces and entry points a little higher,
/// and, of two alike, the smaller first (more gently than the solution-wide ranking: most central files are
/// shown as signatures, whose size their full text only roughly tells). Each count weighs by the square root
/// of its share of the highest: a type that 300 files use is clearly ahead of one that 30 use, and an outlier
/// (a name many files spell for other reasons) scales every share alike. With several targets, each target's files take turns (its
/// best, then every other target's best, and so on), so that a file given beside a project is not crowded out.
/// </summary>
internal static class WithinTargetRanking
{
    private const double SemanticWeight = 0.25;
    private const double EntryPointBonus = 0.3;
    private const double InterfaceBoost = 1.25;
    private const double SizeExponent = 0.15;

    /// <summary>The target files in rank order, with their scores.</summary>
    /// <param name="targets">The targets, in the order given.</param>
    /// <param name="centrality">Each target file's syntax-level centrality.</param>
    /// <param name="usedByCentral">For target files the bound files use, how many of them use each (empty before binding).</param>
    public static IReadOnlyList<(string Path, double Score)> Order(
        IReadOnlyList<ResolvedTarget> targets, IReadOnlyDictionary<string, FileCentrality> centrality, IReadOnlyDictionary<string, double> usedByCentral)
    {
        var mentioned = centrality.Values.Select(c => c.Mentions).DefaultIfEmpty(0).Max();
        var used = usedByCentral.Values.DefaultIfEmpty(0).Max();
        double Score(FileCentrality file)
        {
            var raw = Share(file.Mentions, mentioned) + (SemanticWeight * Share(usedByCentral.GetValueOrDefault(file.Path), used))
                + (file.EntryPoint ? EntryPointBonus : 0);
            return Ranker.Significant(raw * (file.Interface ? InterfaceBoost : 1) / Math.Pow(file.ApproxTokens + 50, SizeExponent));
        }

        var scores = centrality.Values.ToDictionary(c => c.Path, Score, StringComparer.Ordinal);
        var turns = targets
            .Select(t => t.Files.Distinct(StringComparer.Ordinal).OrderByDescending(p => scores[p]).ThenBy(p => p, StringComparer.Ordinal).ToList())
            .ToList();
        var order = new List<(string, double)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var turn = 0; turns.Exists(files => turn < files.Count); turn++)
        {
            foreach (var files in turns.Where(files => turn < files.Count && taken.Add(files[turn])))
            {
                order.Add((files[turn], scores[files[turn]]));
            }
        }

        return order;
    }

    /// <summary>
    /// The ranking with every target file in front, reordered by centrality (scores and reasons too), and the
    /// other files after them as the solution-wide ranking ordered them around the central files; ranks renumbered.
    /// </summary>
    /// <param name="scope">The targets, measured.</param>
    /// <param name="ranked">Every file, as the solution-wide ranking ordered them.</param>
    /// <param name="graph">The graph of the bound central files (<see cref="CentralBinding"/>).</param>
    public static IReadOnlyList<RankedFile> Rerank(ModuleScope scope, IReadOnlyList<RankedFile> ranked, DocumentGraph graph)
    {
        var inTargets = scope.Files.ToHashSet(StringComparer.Ordinal);
        var users = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges.Where(e => e.From != e.To && inTargets.Contains(e.To)))
        {
            users[edge.To] = users.GetValueOrDefault(edge.To) + 1;
        }

        var byPath = ranked.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var targets = Order(scope.Targets, scope.Centrality, users)
            .Select(t => byPath[t.Path] with
            {
                IsTarget = true, Score = t.Score, Distance = 0, Reason = Reason(scope.Centrality[t.Path], (int)users.GetValueOrDefault(t.Path), scope.Candidates.Count),
            });
        return targets
            .Concat(ranked.Where(f => !inTargets.Contains(f.Path)))
            .Select((f, i) => f with { Rank = i + 1 })
            .ToList();
    }

    private static string Reason(FileCentrality file, int users, int bound)
    {
        var spelt = file.Inside + file.Outside == 0
            ? "target; no other file names its types"
            : $"target; {file.Inside + file.Outside} other files name its types ({file.Outside} outside the targets)";
        return users == 0 ? spelt : $"{spelt}; {users} of the {bound} most central use it";
    }

    // A count's weight: the square root of its share of the highest.
    private static double Share(double value, double highest) => highest > 0 ? Math.Round(Math.Sqrt(value / highest), 6) : 0;
}
