using Packer.Core.History;

namespace Packer.Core.Ranking;

/// <summary>What the commit log says about each file against the targets: co-change, how often it changes, how long ago it last did.</summary>
internal sealed class HistoryFeatures
{
    private readonly IReadOnlyDictionary<string, double> coChange;
    private readonly Dictionary<string, int> together = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> churn = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, long> lastChange;
    private readonly long newest;

    public HistoryFeatures(GitHistory? git, IReadOnlyList<string> targets)
    {
        coChange = git?.CoChange(targets) ?? new Dictionary<string, double>();
        lastChange = git?.LastChange ?? new Dictionary<string, long>();
        newest = lastChange.Count == 0 ? 0 : lastChange.Values.Max();
        var targetSet = targets.ToHashSet(StringComparer.Ordinal);
        foreach (var commit in git?.Commits ?? [])
        {
            var withTarget = commit.Any(targetSet.Contains);
            foreach (var file in commit)
            {
                churn[file] = churn.GetValueOrDefault(file) + 1;
                if (withTarget && !targetSet.Contains(file))
                {
                    together[file] = together.GetValueOrDefault(file) + 1;
                }
            }
        }
    }

    /// <summary>Gets the co-change sums (each commit with a target counts 1/(its other files)).</summary>
    public IReadOnlyDictionary<string, double> CoChange => coChange;

    /// <summary>Commits that changed the file together with a target.</summary>
    public int Together(string path) => together.GetValueOrDefault(path);

    /// <summary>Commits that changed the file.</summary>
    public int Churn(string path) => churn.GetValueOrDefault(path);

    /// <summary>Days from the file's last change to the newest commit, or -1 when git does not know the file.</summary>
    public double AgeDays(string path) => lastChange.TryGetValue(path, out var time) ? (newest - time) / 86400.0 : -1;
}
