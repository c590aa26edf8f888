using System.Reflection;
using Packer.Core.Loading;
using Packer.Core.Output;

namespace Packer.Core.Caching;

/// <summary>
/// The persistent cache of one solution (with one set of include and exclude globs): one file in the
/// cache folder. A run first asks it for a warm start; when the build inputs, the set of C# files and the
/// tool are as they were, the solution is rebuilt from the snapshot without MSBuild and only changed files
/// are read again. After the run the cache is rewritten (atomically) if anything new was learnt. A cache
/// that cannot be read is rebuilt; a cache that cannot be written is a note, never an error.
/// </summary>
public sealed class SolutionCache
{
    private readonly string solutionPath;
    private readonly string root;
    private readonly string settings;
    private readonly string? configFile;
    private readonly string file;
    private SolutionSnapshot? snapshot;
    private Dictionary<string, string>? hashes;
    private IReadOnlyDictionary<string, string>? inputs;
    private string? sourceDigest;

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
        Status = "cold: no cache yet";
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

    /// <summary>Gets what the cache did in this run, e.g. "warm: 2 changed files" or "cold: Foo.csproj changed".</summary>
    public string Status { get; private set; }

    /// <summary>Rebuilds the loaded solution from the cache when nothing that decides it changed; null means load it.</summary>
    internal (LoadedSolution Loaded, KnownAnalysis Known)? TryReuse(FileFilter filter)
    {
        AnalysisCache cache;
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            cache = CacheFormat.Read(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Status = $"cold: the cache could not be read ({e.Message}); rebuilt";
            return null;
        }

        var reason = cache.Settings != settings || cache.Root != root ? "the tool or its settings changed"
            : BuildInputs.FirstChange(cache.Inputs, root) is { } input ? $"{input} changed"
            : SourceScan.Digest(ProjectFolders(cache.Snapshot)) != cache.SourceDigest ? "C# files were added or removed"
            : null;
        if (reason is not null)
        {
            Status = $"cold: {reason}";
            return null;
        }

        // A project may list a file that does not exist (one a build step generates); it stays absent.
        string Recorded(string path) => cache.Files.GetValueOrDefault(path)?.Hash ?? ContentHash.Absent;
        var current = HashFiles(cache.Snapshot.Files.Select(f => f.Path));
        if (current.FirstOrDefault(h => h.Value == ContentHash.Absent && Recorded(h.Key) != ContentHash.Absent) is { Key: { } missing })
        {
            Status = $"cold: {missing} was removed";
            return null;
        }

        snapshot = cache.Snapshot;
        hashes = current;
        inputs = cache.Inputs;
        sourceDigest = cache.SourceDigest;
        var changed = current.Where(h => Recorded(h.Key) != h.Value).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        Status = $"warm: {changed.Count} changed file(s)";
        return (cache.Snapshot.Restore(root, filter), new KnownAnalysis(cache.Files, changed, cache.TokenCounts, cache.History));
    }

    /// <summary>Writes what this run knows, unless it is what the cache already held.</summary>
    /// <param name="loaded">The solution as loaded (before loose target files were added).</param>
    /// <param name="known">What the run took over from the cache.</param>
    /// <param name="run">What the run learnt.</param>
    internal void Save(LoadedSolution loaded, KnownAnalysis known, RunAnalysis run)
    {
        var warm = snapshot is not null;
        var written = snapshot ?? SolutionSnapshot.Capture(loaded);
        if (warm && known.Changed.Count == 0 && !run.TokenCounts.Learnt && run.History == known.History && !written.Files.Any(f => run.Bound.ContainsKey(f.Path)))
        {
            return; // nothing new
        }

        hashes ??= HashFiles(written.Files.Select(f => f.Path));
        inputs ??= BuildInputs.Hash(solutionPath, written.ProjectFiles, written.GeneratedSources(root), configFile);
        sourceDigest ??= SourceScan.Digest(ProjectFolders(written));
        var files = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
        foreach (var path in written.Files.Select(f => f.Path))
        {
            if (run.Index[path] is { } syntax)
            {
                files[path] = new CachedFile(hashes[path], syntax, run.Bound.GetValueOrDefault(path) ?? run.StillValid.GetValueOrDefault(path));
            }
        }

        var cache = new AnalysisCache(settings, root, inputs, sourceDigest, written, files, run.TokenCounts.Used, run.History);
        try
        {
            AtomicFile.WriteAllBytes(file, CacheFormat.Write(cache));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Status += $"; the cache could not be written ({e.Message})";
        }
    }

    private Dictionary<string, string> HashFiles(IEnumerable<string> paths) =>
        paths.ToDictionary(p => p, p => ContentHash.OfFile(Path.Combine(root, p)), StringComparer.Ordinal);

    private static IEnumerable<string> ProjectFolders(SolutionSnapshot snapshot) =>
        snapshot.ProjectFiles.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal);
}
