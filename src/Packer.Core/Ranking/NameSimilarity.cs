using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>
/// TF-IDF cosine between a file's identifiers and the targets', read from syntax trees (so comments and
/// strings do not count). It finds files of the same kind (sibling endpoints, parallel tests) that share
/// no dependency with the targets.
/// </summary>
internal sealed class NameSimilarity
{
    private readonly SyntaxIndex index;
    private readonly Dictionary<string, double> targetVector;
    private readonly double targetNorm;

    public NameSimilarity(SyntaxIndex index, IReadOnlyList<string> targets)
    {
        this.index = index;
        targetVector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var (name, weight) in Vector(target))
            {
                targetVector[name] = targetVector.GetValueOrDefault(name) + weight;
            }
        }

        targetNorm = Math.Sqrt(targetVector.Values.Sum(w => w * w));
    }

    /// <summary>The similarity in [0, 1]; 0 for files without syntax (extra files).</summary>
    public double Of(string path)
    {
        if (targetNorm == 0)
        {
            return 0;
        }

        double dot = 0, norm = 0;
        foreach (var (name, weight) in Vector(path))
        {
            norm += weight * weight;
            dot += weight * targetVector.GetValueOrDefault(name);
        }

        return norm == 0 ? 0 : dot / (targetNorm * Math.Sqrt(norm));
    }

    private IEnumerable<(string Name, double Weight)> Vector(string path)
    {
        if (index[path] is not { } syntax)
        {
            yield break;
        }

        foreach (var (name, count) in syntax.Identifiers)
        {
            var documentFrequency = index.DocumentFrequency(name);
            if (documentFrequency < index.Count)
            {
                yield return (name, (1 + Math.Log(count)) * Math.Log((double)index.Count / documentFrequency));
            }
        }
    }
}
