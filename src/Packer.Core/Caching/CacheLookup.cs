using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>What <see cref="SolutionCache.TryReuse"/> found: a warm start, or why there is none.</summary>
/// <param name="Outcome">Cold and why, or warm and how much changed.</param>
/// <param name="Warm">The warm start, or null when the solution must be loaded.</param>
internal sealed record CacheLookup(CacheOutcome Outcome, CacheLookup.WarmStart? Warm)
{
    /// <summary>A cold start, and why.</summary>
    public static CacheLookup Cold(string reason) => new(CacheOutcome.Cold(reason), null);

    /// <summary>A solution rebuilt from the cache, and what the cache held that the run will write back.</summary>
    /// <param name="Loaded">The solution, rebuilt from the snapshot.</param>
    /// <param name="Known">The analysis of the unchanged files.</param>
    /// <param name="Snapshot">The snapshot it was rebuilt from.</param>
    /// <param name="Hashes">The current content hash of each C# file.</param>
    /// <param name="Stamps">The stamp each file had when it was hashed (none for those it could not be read from a listing).</param>
    /// <param name="Inputs">The build inputs' hashes, unchanged.</param>
    /// <param name="SourceDigest">The digest of the C# file paths, unchanged.</param>
    /// <param name="Restamped">Whether a file's stamp is no longer the one recorded (it was touched or written since):
    /// the run then writes the cache again, so that the next does not read the file.</param>
    internal sealed record WarmStart(
        LoadedSolution Loaded,
        KnownAnalysis Known,
        SolutionSnapshot Snapshot,
        IReadOnlyDictionary<string, string> Hashes,
        IReadOnlyDictionary<string, FileStamp> Stamps,
        IReadOnlyDictionary<string, string> Inputs,
        string SourceDigest,
        bool Restamped);
}
