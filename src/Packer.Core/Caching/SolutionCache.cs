using System.Reflection;
using System.Runtime.ExceptionServices;
using Packer.Core.Loading;
using Packer.Core.Output;
using Packer.Core.Text;

namespace Packer.Core.Caching;

/// <summary>
/// The persistent cache of one solution (with one set of include and exclude globs): one file in the
/// cache folder. A run first asks it for a warm start; when the build inputs, the set of C# files and the
/// tool are as they were, the solution is rebuilt from the snapshot without MSBuild and only changed files
/// are read again. After the run the cache is rewritten (atomically) if anything new was learnt. A cache
/// that cannot be read is rebuilt; a cache that cannot be written is a note, never an error. The cache holds
/// no state of its own between the two calls: what the lookup found travels in its <see cref="CacheLookup"/>.
/// </summary>
public sealed class SolutionCache : IAnalysisStore
{
    /// <summary>The largest cache file read (it holds names, counts and hashes; a larger one is rebuilt).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private readonly string solutionPath;
    private readonly string root;
    private readonly string settings;
    private readonly string? configFile;
    private readonly string file;

    /// <summary>Prepares the cache of a solution; reads nothing yet.</summary>
    /// <param name="directory">The cache folder (created when first written).</param>
    /// <param name="solutionPath">The absolute path of the .sln, .slnx or .csproj.</param>
    /// <param name="filter">The include and exclude globs, which decide the files.</param>
    /// <param name="focus">The projects MSBuild evaluates, when not all (a large solution): each focus has its own cache.</param>
    /// <param name="configFile">The packer.yaml used, if any: changing it starts cold.</param>
    public SolutionCache(string directory, string solutionPath, FileFilter filter, IReadOnlySet<string>? focus, string? configFile)
    {
        this.solutionPath = Path.GetFullPath(solutionPath);
        this.configFile = configFile is null ? null : Path.GetFullPath(configFile);
        root = RepositoryRoot.For(this.solutionPath);
        var tool = typeof(SolutionCache).Assembly;
        var version = tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var scope = $"solution={this.solutionPath}\n{filter.Describe()}\nfocus={(focus is null ? "all" : string.Join('\n', focus.Order(StringComparer.Ordinal)))}";
        settings = $"tool={version}/{tool.ManifestModule.ModuleVersionId}\nconfig={this.configFile}\n{scope}";
        file = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(solutionPath)}-{ContentHash.Of(scope)[..16]}.cache");
    }

    /// <summary>Gets the default cache folder: the user's cache folder, never inside a repository.</summary>
    public static string DefaultDirectory
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "pack-context");
            }

            // Without a home folder (some CI containers), the temporary folder: never a path relative to the
            // working folder, which would put the cache inside the repository.
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
                : !Path.IsPathRooted(home) ? Path.GetTempPath()
                : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches")
                : Path.Combine(home, ".cache");
            return Path.Combine(cacheHome, "pack-context");
        }
    }

    /// <summary>Gets the cache file.</summary>
    public string FilePath => file;

    /// <summary>Gets the repository root the cached paths are relative to.</summary>
    internal string Root => root;

    /// <summary>Gets the file beside the cache that keeps the last command-line run (Pipeline's LastRun).</summary>
    internal string LastRunFile => Path.ChangeExtension(file, ".last");

    /// <summary>Rebuilds the loaded solution from the cache when nothing that decides it changed; otherwise says why not.</summary>
    /// <param name="filter">The include and exclude globs, to find the extra files again.</param>
    internal CacheLookup TryReuse(FileFilter filter)
    {
        AnalysisCache cache;
        try
        {
            if (!File.Exists(file))
            {
                return CacheLookup.Cold("no cache yet");
            }

            cache = CacheFormat.Read(BoundedFile.ReadAllBytes(file, MaxFileBytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return CacheLookup.Cold($"the cache could not be read ({e.Message}); rebuilt");
        }

        return cache.Settings != settings || cache.Root != root
            ? CacheLookup.Cold("the tool or its settings changed")
            : Reuse(cache, CacheState.Warm, _ => cache.Snapshot.Restore(root, filter));
    }

    /// <summary>
    /// A warm start from an analysis made with this cache's settings, when the build inputs and the set of C# files
    /// are as they were; every C# file is hashed to find the changed ones. Otherwise a cold start, and why.
    /// </summary>
    /// <param name="cache">The analysis, as read from the cache file or kept in memory by an earlier run.</param>
    /// <param name="state">What a warm start is called: warm (from the file) or memory.</param>
    /// <param name="solution">Makes the loaded solution, given the changed files.</param>
    internal static CacheLookup Reuse(AnalysisCache cache, CacheState state, Func<IReadOnlySet<string>, LoadedSolution> solution)
    {
        var root = cache.Root;
        if (BuildInputs.FirstChange(cache.Inputs, root) is { } input)
        {
            return CacheLookup.Cold($"{input} changed");
        }

        var sources = SourceScan.Scan(ProjectFolders(cache.Snapshot));
        if (sources.Digest != cache.SourceDigest)
        {
            return CacheLookup.Cold("C# files were added or removed");
        }

        // A project may list a file that does not exist (one a build step generates); it stays absent. A file whose
        // stamp is the one recorded with its hash is not read again.
        string Recorded(string path) => cache.Files.GetValueOrDefault(path)?.Hash ?? ContentHash.Absent;
        var paths = cache.Snapshot.Files.Select(f => f.Path).ToList();
        var stamps = Stamps(root, paths, sources);
        string? Unchanged(string path) =>
            cache.Files.GetValueOrDefault(path) is { Stamp.IsKnown: true } file && file.Stamp == stamps[path] ? file.Hash : null;
        var current = HashFiles(root, paths, Unchanged);
        var restamped = stamps.Any(s => s.Value.IsKnown && cache.Files.GetValueOrDefault(s.Key) is { } file && file.Stamp != s.Value);
        if (current.FirstOrDefault(h => h.Value == ContentHash.Absent && Recorded(h.Key) != ContentHash.Absent) is { Key: { } missing })
        {
            return CacheLookup.Cold($"{missing} was removed");
        }

        var changed = current.Where(h => Recorded(h.Key) != h.Value).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        return new CacheLookup(
            new CacheOutcome(state, $"{changed.Count} changed file(s)"),
            new CacheLookup.WarmStart(
                solution(changed), new KnownAnalysis(cache.Files, changed, cache.TokenCounts, cache.Signatures, cache.History), cache.Snapshot, current, stamps, cache.Inputs, cache.SourceDigest, restamped));
    }

    /// <summary>Writes what this run knows, unless it is what the cache already held.</summary>
    /// <param name="lookup">What the lookup at the start of the run found.</param>
    /// <param name="loaded">The solution as loaded (before loose target files were added).</param>
    /// <param name="run">What the run learnt.</param>
    /// <returns>The lookup's outcome, with a note when the cache could not be written.</returns>
    internal CacheOutcome Save(CacheLookup lookup, LoadedSolution loaded, RunAnalysis run) =>
        Learnt(lookup, run) ? Write(lookup.Outcome, Collect(lookup, loaded, run)) : lookup.Outcome;

    /// <summary>Tells whether a run learnt anything that its warm start did not hold (a cold run always did).</summary>
    internal static bool Learnt(CacheLookup lookup, RunAnalysis run) =>
        lookup.Warm is not { } warm
        || warm.Known.Changed.Count > 0
        || run.TokenCounts.Learnt
        || run.Signatures.Learnt
        || warm.Restamped
        || run.History != warm.Known.History
        || warm.Snapshot.Files.Any(f => run.Bound.ContainsKey(f.Path));

    /// <summary>What a run leaves for the next: what <see cref="Save"/> writes, and what a resident analysis keeps in memory.</summary>
    /// <param name="lookup">What the lookup at the start of the run found.</param>
    /// <param name="loaded">The solution as loaded (before loose target files were added).</param>
    /// <param name="run">What the run learnt.</param>
    internal AnalysisCache Collect(CacheLookup lookup, LoadedSolution loaded, RunAnalysis run)
    {
        var warm = lookup.Warm;
        var written = warm?.Snapshot ?? SolutionSnapshot.Capture(loaded);
        var sources = warm is null ? SourceScan.Scan(ProjectFolders(written)) : null; // listed before any file is hashed
        var paths = written.Files.Select(f => f.Path).ToList();
        var stamps = warm?.Stamps ?? Stamps(root, paths, sources!);
        var hashes = warm?.Hashes ?? HashFiles(root, paths, _ => null);
        var inputs = warm?.Inputs ?? BuildInputs.Hash(solutionPath, written.ProjectFiles, written.GeneratedSources(root), configFile);
        var sourceDigest = warm?.SourceDigest ?? sources!.Digest;
        var files = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
        foreach (var path in written.Files.Select(f => f.Path))
        {
            if (run.Index[path] is { } syntax)
            {
                files[path] = new CachedFile(hashes[path], syntax, run.Bound.GetValueOrDefault(path) ?? run.StillValid.GetValueOrDefault(path), stamps[path]);
            }
        }

        return new AnalysisCache(settings, root, inputs, sourceDigest, written, files, run.TokenCounts.Kept, run.Signatures.Kept, run.History);
    }

    /// <summary>Writes an analysis to the cache file (atomically).</summary>
    /// <param name="outcome">The run's outcome so far.</param>
    /// <param name="cache">What to write.</param>
    /// <returns>The outcome, with a note when the cache could not be written.</returns>
    internal CacheOutcome Write(CacheOutcome outcome, AnalysisCache cache)
    {
        try
        {
            AtomicFile.WriteAllBytes(file, CacheFormat.Write(cache));
            return outcome;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return outcome.With($"the cache could not be written ({e.Message})");
        }
    }

    CacheLookup IAnalysisStore.TryReuse(FileFilter filter) => TryReuse(filter);

    CacheOutcome IAnalysisStore.Save(CacheLookup lookup, LoadedSolution loaded, RunAnalysis run) => Save(lookup, loaded, run);

    /// <summary>
    /// Every file hashed on all cores, but for those whose hash stands (unchanged), collected in path order; a file that
    /// cannot be read fails as it would one file at a time (not as an AggregateException).
    /// </summary>
    internal static Dictionary<string, string> HashFiles(string root, IReadOnlyList<string> paths, Func<string, string?> unchanged)
    {
        var files = paths.ToArray();
        var hashes = new string[files.Length];
        try
        {
            Parallel.For(0, files.Length, i => hashes[i] = unchanged(files[i]) ?? ContentHash.OfFile(Path.Combine(root, files[i])));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return files.Zip(hashes).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>Each file's stamp from the listing (none for a file outside the project folders, or not a .cs file).</summary>
    internal static Dictionary<string, FileStamp> Stamps(string root, IReadOnlyList<string> paths, SourceFiles sources) =>
        paths.Distinct(StringComparer.Ordinal).ToDictionary(
            path => path, path => sources.Stamps.GetValueOrDefault(Path.GetFullPath(Path.Combine(root, path))), StringComparer.Ordinal);

    /// <summary>The folders of a snapshot's projects, where SDK projects find their C# files.</summary>
    internal static IEnumerable<string> ProjectFolders(SolutionSnapshot snapshot) =>
        snapshot.ProjectFiles.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal);
}
