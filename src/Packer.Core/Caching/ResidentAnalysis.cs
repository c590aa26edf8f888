using Microsoft.CodeAnalysis;
using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>
/// One solution's analysis kept in a long-running process (the MCP server) between runs: the loaded
/// solution, Roslyn's solution snapshot with whatever it has compiled, and the per-file facts that the cache
/// file would hold. The first run goes through the cache file (warm from it, or cold and writing it); later
/// runs start from memory: they check the build inputs and the set of C# files as the cache file would,
/// hash every C# file to find the edited ones, and hand Roslyn the new text of those, so that it reuses
/// everything else it compiled. Nothing is read from disk but the hashed files, and the result is the same as
/// a fresh run's. One run at a time (the caller serializes them).
/// </summary>
/// <param name="disk">The solution's cache file.</param>
internal sealed class ResidentAnalysis(SolutionCache disk) : IAnalysisStore
{
    private Kept? kept;

    /// <inheritdoc/>
    public CacheLookup TryReuse(FileFilter filter)
    {
        if (kept is not { } memory)
        {
            return disk.TryReuse(filter);
        }

        var lookup = SolutionCache.Reuse(memory.Analysis, CacheState.Memory, changed => Refreshed(memory, filter, changed));
        if (lookup.Warm is null)
        {
            // Loaded afresh, as a cold run: it rewrites the cache file, and memory starts again from that.
            kept = null;
        }

        return lookup;
    }

    /// <inheritdoc/>
    public CacheOutcome Save(CacheLookup lookup, LoadedSolution loaded, RunAnalysis run)
    {
        var analysis = disk.Collect(lookup, loaded, run);
        kept = new Kept(loaded, analysis);
        return lookup.Outcome.State == CacheState.Memory || !SolutionCache.Learnt(lookup, run) ? lookup.Outcome : disk.Write(lookup.Outcome, analysis);
    }

    // The kept solution with the edited files' text read again (when Roslyn's snapshot exists yet; otherwise
    // it is built from the files as they are now) and the extra files found again, as a warm start from the cache
    // file finds them (SolutionSnapshot.Restore).
    private static LoadedSolution Refreshed(Kept memory, FileFilter filter, IReadOnlySet<string> changed)
    {
        var (loaded, root) = (memory.Loaded, memory.Analysis.Root);
        var solution = loaded;
        if (changed.Count > 0 && loaded.LazySolution.IsValueCreated)
        {
            var roslyn = loaded.Solution;
            foreach (var file in loaded.Files.Where(f => f.Document is not null && changed.Contains(f.Path)))
            {
                roslyn = roslyn.WithDocumentTextLoader(file.Document!, new FileTextLoader(Path.Combine(root, file.Path), defaultEncoding: null), PreservationMode.PreserveValue);
            }

            solution = loaded.WithSolution(roslyn);
        }

        var csharp = solution.Files.Where(f => f.IsCSharp).ToList();
        var paths = csharp.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var (extra, skipped) = filter.ExtraFiles(root);
        var files = csharp
            .Concat(extra.Where(p => !paths.Contains(p)).Select(p => new SourceFile(p, string.Empty, null)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return solution with { Files = files, Warnings = [.. memory.Analysis.Snapshot.Warnings, .. skipped] };
    }

    /// <summary>What the last run left: the solution as loaded, and its analysis as the cache file would hold it.</summary>
    private sealed record Kept(LoadedSolution Loaded, AnalysisCache Analysis);
}
