using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Loading;

namespace Packer.Core.Pipeline;

/// <summary>
/// The files a bundle was packed from, one absolute path a line after a heading line (<c>--depfile</c>, as a
/// compiler's dependency file): the solution, its project files, the config file, the Directory.Build.props,
/// .targets, Directory.Packages.props and global.json above them, and every file the manifest lists. A build
/// (PackContext.MSBuild) gives them to MSBuild as the pack's inputs, so that it starts no tool process while none
/// of them changed. Only files that exist are listed (MSBuild takes a missing input for a changed one).
/// </summary>
public static class DependencyFile
{
    /// <summary>The file's text for a run.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="result">What it packed.</param>
    /// <param name="cancellationToken">Cancels the reading of the solution file.</param>
    public static async Task<string> TextAsync(PackOptions options, PackResult result, CancellationToken cancellationToken)
    {
        var solution = SolutionFinder.Find(options.SolutionPath);
        var root = RepositoryRoot.For(solution);
        var projects = await ProjectFileReader.ProjectPathsAsync(solution, cancellationToken).ConfigureAwait(false);
        var paths = BuildInputs.Files(solution, projects, [], options.ConfigFile)
            .Concat(result.Manifest.Files.Select(f => Path.GetFullPath(Path.Combine(root, f.Path))))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return string.Join('\n', [Output.OutputGuard.DepFileHeading, .. paths]) + "\n";
    }
}
