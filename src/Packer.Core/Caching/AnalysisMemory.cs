using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, ResidentAnalysis> analyses = new(StringComparer.Ordinal);

    /// <summary>Gets the store for one run of a solution.</summary>
    internal IAnalysisStore For(string cacheDirectory, string solutionPath, FileFilter filter, IReadOnlySet<string>? focus, string? configFile)
    {
        var key = string.Join(
            '\n', cacheDirectory, solutionPath, filter.Describe(), focus is null ? "all" : string.Join(';', focus.Order(StringComparer.Ordinal)), configFile ?? string.Empty);
        return analyses.GetOrAdd(key, _ => new ResidentAnalysis(new SolutionCache(cacheDirectory, solutionPath, filter, focus, configFile)));
    }
}
