using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>
/// The analyses a long-running process keeps between runs, one per solution and settings (the same scope as
/// a cache file: include and exclude globs, project focus, config file, cache folder). The pipeline's entry point
/// (<c>ContextPacker.PackAsync</c>, which depends on this folder, not the other way round) takes it on every run;
/// runs of one solution must not overlap.
/// </summary>
public sealed class AnalysisMemory
{
    /// <summary>How many analyses are kept: a large solution has one per project focus, and each holds a Roslyn solution.</summary>
    public const int Capacity = 4;

    private readonly List<(string Key, ResidentAnalysis Analysis)> analyses = [];
    private readonly Lock gate = new();

    /// <summary>Gets the store for one run of a solution; the least recently used analysis beyond <see cref="Capacity"/> is dropped.</summary>
    internal IAnalysisStore For(string cacheDirectory, string solutionPath, FileFilter filter, IReadOnlySet<string>? focus, string? configFile)
    {
        var key = string.Join(
            '\n', cacheDirectory, solutionPath, filter.Describe(), focus is null ? "all" : string.Join(';', focus.Order(StringComparer.Ordinal)), configFile ?? string.Empty);
        ResidentAnalysis analysis;
        lock (gate)
        {
            var index = analyses.FindIndex(a => a.Key == key);
            analysis = index >= 0
                ? analyses[index].Analysis
                : new ResidentAnalysis(new SolutionCache(cacheDirectory, solutionPath, filter, focus, configFile));
            if (index >= 0)
            {
                analyses.RemoveAt(index);
            }

            analyses.Insert(0, (key, analysis));
            if (analyses.Count > Capacity)
            {
                analyses.RemoveAt(analyses.Count - 1);
            }
        }

        return analysis;
    }
}
