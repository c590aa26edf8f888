using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Caching;

/// <summary>
/// What a warm start checked, small enough to check again without reading the cache file: the build inputs' hashes,
/// the digest of the C# file paths in the project folders, the extra files the include globs found (and the warnings
/// that finding them gave), and each file's stamp and content hash. <see cref="CurrentHashes"/> says what each file
/// holds now, or that the solution itself may have changed, which only a warm start or a load can tell.
/// </summary>
/// <param name="Inputs">The build inputs' hashes, by full path.</param>
/// <param name="SourceDigest">The digest of the C# file paths in the project folders.</param>
/// <param name="ProjectFolders">The project folders, by full path.</param>
/// <param name="Extras">The extra (non-C#) files, by repository-relative path, sorted.</param>
/// <param name="ExtraWarnings">The warnings listing the extra files gave (links leading outside the repository).</param>
/// <param name="Files">Every file of the solution (the extra ones too), by repository-relative path, sorted.</param>
internal sealed record SolutionFingerprint(
    IReadOnlyDictionary<string, string> Inputs,
    string SourceDigest,
    IReadOnlyList<string> ProjectFolders,
    IReadOnlyList<string> Extras,
    IReadOnlyList<string> ExtraWarnings,
    IReadOnlyList<FingerprintFile> Files)
{
    /// <summary>The fingerprint of a warm start, with the current hash of each file (hashing any the start did not).</summary>
    /// <param name="warm">The warm start.</param>
    public static SolutionFingerprint Of(CacheLookup.WarmStart warm)
    {
        var root = warm.Loaded.Root;
        var files = warm.Loaded.Files
            .Select(f => f.Path)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => new FingerprintFile(path, warm.Stamps.GetValueOrDefault(path), warm.Hashes.GetValueOrDefault(path) ?? ContentHash.OfFile(Path.Combine(root, path))))
            .ToList();
        var extras = warm.Loaded.Files.Where(f => !f.IsCSharp && f.Project.Length == 0).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();

        // SolutionSnapshot.Restore appends the listing's warnings to the snapshot's own.
        var extraWarnings = warm.Loaded.Warnings.Skip(warm.Snapshot.Warnings.Count).ToList();
        return new SolutionFingerprint(warm.Inputs, warm.SourceDigest, SolutionCache.ProjectFolders(warm.Snapshot).ToList(), extras, extraWarnings, files);
    }

    /// <summary>Gets each file's content hash when the fingerprint was taken, by repository-relative path.</summary>
    public IReadOnlyDictionary<string, string> Hashes => Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal);

    /// <summary>
    /// Each file's content hash now (a file whose stamp is the one recorded is not read again), or null when the
    /// solution may no longer be the one fingerprinted: a build input changed, a C# file was added or removed in the
    /// project folders, or the include globs find other extra files.
    /// </summary>
    /// <param name="root">The repository root.</param>
    /// <param name="filter">The include and exclude globs, to find the extra files again.</param>
    public IReadOnlyDictionary<string, string>? CurrentHashes(string root, FileFilter filter)
    {
        if (BuildInputs.FirstChange(Inputs, root) is not null)
        {
            return null;
        }

        var sources = SourceScan.Scan(ProjectFolders);
        var (extras, warnings) = filter.ExtraFiles(root);
        if (sources.Digest != SourceDigest || !extras.SequenceEqual(Extras, StringComparer.Ordinal) || !warnings.SequenceEqual(ExtraWarnings, StringComparer.Ordinal))
        {
            return null;
        }

        // As a warm start does (SolutionCache.Reuse): a file whose stamp is the one recorded keeps its hash.
        var recorded = Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var paths = Files.Select(f => f.Path).ToList();
        var stamps = SolutionCache.Stamps(root, paths, sources);
        return SolutionCache.HashFiles(root, paths, path => recorded[path] is { Stamp.IsKnown: true } file && file.Stamp == stamps[path] ? file.Hash : null);
    }
}

/// <summary>A file of a <see cref="SolutionFingerprint"/>.</summary>
/// <param name="Path">The repository-relative path.</param>
/// <param name="Stamp">Its stamp when it was hashed (none for a file the listing does not stamp, which is always hashed).</param>
/// <param name="Hash">Its content hash.</param>
internal sealed record FingerprintFile(string Path, FileStamp Stamp, string Hash);
