using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Loading;
using Packer.Core.Output;
using Packer.Core.Text;

namespace Packer.Core.Pipeline;

/// <summary>
/// What is checked before the slow load, so that a mistake costs nothing: the solution exists, a repository's
/// packer.yaml names no path outside the repository (it is data, not authority: a cloned repository must not
/// make a bare run write or read elsewhere; a flag may name any path), the outputs may be written, and file,
/// folder and project targets exist.
/// </summary>
internal static class Preflight
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["output"] = "-o", ["manifest"] = "--manifest", ["previous"] = "--previous", ["cacheDirectory"] = "--cache-dir",
    };

    /// <summary>Finds the solution and checks the run's settings; returns the solution's absolute path.</summary>
    /// <param name="options">The merged options.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the reading of the solution file.</param>
    public static async Task<string> CheckAsync(PackOptions options, string workingDirectory, CancellationToken cancellationToken)
    {
        var solution = FindSolution(options);
        var root = RepositoryRoot.For(solution);
        CheckPaths(options, root);
        OutputGuard.Check(Outputs(options), root, options.Force);
        await CheckTargetsAsync(options, solution, root, workingDirectory, cancellationToken).ConfigureAwait(false);
        return solution;
    }

    /// <summary>The files a run writes, as the options name them.</summary>
    public static IReadOnlyList<OutputFile> Outputs(PackOptions options) =>
    [
        .. options.Output is { } output ? [Named(options, output, OutputKind.Bundle, "output")] : Array.Empty<OutputFile>(),
        .. options.Manifest is { } manifest ? [Named(options, manifest, OutputKind.Manifest, "manifest")] : Array.Empty<OutputFile>(),
        .. options.DepFile is { } depFile ? [new OutputFile(depFile, OutputKind.DepFile, "--depfile")] : Array.Empty<OutputFile>(),
    ];

    // A solution packer.yaml names must lie in packer.yaml's own repository: the repository root, against which its
    // other paths are checked, is the solution's, so a solution elsewhere would take the outputs with it.
    private static string FindSolution(PackOptions options)
    {
        string solution;
        try
        {
            solution = SolutionFinder.Find(options.SolutionPath);
        }
        catch (UsageException e) when (options.ConfigLocations.TryGetValue("solution", out var at))
        {
            throw new UsageException($"'solution': {e.Text}", e.Code, at);
        }

        if (options.ConfigLocations.TryGetValue("solution", out var named))
        {
            var root = RepositoryRoot.For(named.Path);
            if (!new RealPaths(root).Holds(solution))
            {
                throw new UsageException(
                    $"'solution' names {solution}, outside this file's repository ({root}). A packer.yaml may only name a solution in its own "
                    + "repository; give it as the command's PATH if you mean it.",
                    DiagnosticCodes.ConfigPathOutside,
                    named);
            }
        }

        return solution;
    }

    // Paths packer.yaml names must lie inside the repository (the cache may also lie in the user's cache folder).
    private static void CheckPaths(PackOptions options, string root)
    {
        var realPaths = new RealPaths(root);
        foreach (var (key, path) in new[] { ("output", options.Output), ("manifest", options.Manifest), ("previous", options.Previous), ("cacheDirectory", options.CacheDirectory) })
        {
            if (path is null || !options.ConfigLocations.TryGetValue(key, out var at))
            {
                continue;
            }

            var inside = realPaths.Holds(path);
            var inCache = key == "cacheDirectory" && RepoPath.Relative(SolutionCache.DefaultDirectory, path) is not null;
            if (!inside && !inCache)
            {
                throw new UsageException(
                    $"'{key}' names {path}, outside the repository ({root}). A packer.yaml may only name paths inside "
                    + $"its repository{(key == "cacheDirectory" ? " or the user's cache folder" : string.Empty)}; give it with {Flags[key]} on the command line if you mean it.",
                    DiagnosticCodes.ConfigPathOutside,
                    at);
            }
        }
    }

    // A file or folder target must exist; a project target must be one of the solution's projects.
    private static async Task CheckTargetsAsync(PackOptions options, string solution, string root, string workingDirectory, CancellationToken cancellationToken)
    {
        var specs = options.Targets;
        foreach (var spec in specs.Where(s => s.Kind == TargetKind.File))
        {
            if (!File.Exists(Path.Combine(root, spec.Name)) && !File.Exists(Path.Combine(workingDirectory, spec.Name)))
            {
                throw new UsageException($"target 'file:{spec.Name}': no such file under {root} or the current folder.", DiagnosticCodes.UnknownTarget);
            }
        }

        foreach (var spec in specs.Where(s => s.Kind == TargetKind.Folder))
        {
            if (!Directory.Exists(Path.Combine(root, spec.Name)) && !Directory.Exists(Path.Combine(workingDirectory, spec.Name)))
            {
                throw new UsageException($"target 'folder:{spec.Name}': no such folder under {root} or the current folder.", DiagnosticCodes.UnknownTarget);
            }
        }

        if (specs.Any(s => s.Kind == TargetKind.Project))
        {
            var projects = (await ProjectFileReader.ProjectPathsAsync(solution, cancellationToken).ConfigureAwait(false))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
            foreach (var spec in specs.Where(s => s.Kind == TargetKind.Project && !projects.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
            {
                var close = projects.OrderBy(p => Similarity.EditDistance(p.ToLowerInvariant(), spec.Name.ToLowerInvariant())).ThenBy(p => p, StringComparer.Ordinal).Take(10);
                throw new UsageException(
                    $"target 'project:{spec.Name}' matches no project in {Path.GetFileName(solution)}. Its projects: {string.Join(", ", close)}.", DiagnosticCodes.UnknownTarget);
            }
        }
    }

    private static OutputFile Named(PackOptions options, string path, OutputKind kind, string key) =>
        options.ConfigLocations.TryGetValue(key, out var at) ? new OutputFile(path, kind, $"'{key}'", at)
        : options.OutputsOwner is { } owner ? new OutputFile(path, kind, $"{owner} {(kind == OutputKind.Bundle ? "bundle" : "manifest")}")
        : new OutputFile(path, kind, Flags[key]);
}
