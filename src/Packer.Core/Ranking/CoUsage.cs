using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>
/// How alike a file's dependencies are to the targets': the cosine of their weighted use vectors over the
/// files they use. Parallel files (sibling endpoints, the other tests of one service) use the same things
/// without using each other, and change together all the same.
/// </summary>
internal sealed class CoUsage
{
    private readonly Dictionary<string, double> targetVector;
    private readonly double targetNorm;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Usage>> usages;

    public CoUsage(DocumentGraph graph)
    {
        usages = graph.Usages;
        var targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        targetVector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var target in graph.Targets.Where(usages.ContainsKey))
        {
            foreach (var use in usages[target].Where(u => !targets.Contains(u.To)))
            {
                targetVector[use.To] = targetVector.GetValueOrDefault(use.To) + use.Weight;
            }
        }

        targetNorm = Math.Sqrt(targetVector.Values.Sum(w => w * w));
    }

    /// <summary>The similarity in [0, 1]; 0 for files that were not bound.</summary>
    public double Of(string path)
    {
        if (targetNorm == 0 || !usages.TryGetValue(path, out var uses) || uses.Count == 0)
        {
            return 0;
        }

        double dot = 0, norm = 0;
        foreach (var use in uses)
        {
            norm += use.Weight * use.Weight;
            dot += use.Weight * targetVector.GetValueOrDefault(use.To);
        }

        return dot / (targetNorm * Math.Sqrt(norm));
    }
}
