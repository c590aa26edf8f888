using Packer.Core.Text;

namespace Packer.Core.Caching;

/// <summary>
/// The files that decide how MSBuild sees a solution: the solution file, each project file and its restore
/// output, every Directory.Build.props/.targets, Directory.Packages.props and global.json that MSBuild could
/// pick up above a project (recorded as absent where there is none, so that adding one counts), the config
/// file, and the generated sources a project compiles from obj/. A change to any of them means the solution
/// must be loaded again; the cache keeps their hashes.
/// </summary>
internal static class BuildInputs
{
    private static readonly string[] InheritedFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];

    /// <summary>Hashes the build inputs of a solution, by absolute path, sorted.</summary>
    /// <param name="solutionPath">The .sln, .slnx or .csproj.</param>
    /// <param name="projectFiles">The absolute paths of the loaded project files.</param>
    /// <param name="generatedSources">Absolute paths of compiled files that are build output (obj/).</param>
    /// <param name="configFile">The packer.yaml used, if any.</param>
    public static SortedDictionary<string, string> Hash(
        string solutionPath, IEnumerable<string> projectFiles, IEnumerable<string> generatedSources, string? configFile)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Files(solutionPath, projectFiles, generatedSources, configFile))
        {
            hashes[path] = ContentHash.OfFile(path);
        }

        return hashes;
    }

    /// <summary>The build inputs of a solution, by absolute path, sorted: those that exist, and the places where an inherited file would be.</summary>
    /// <param name="solutionPath">The .sln, .slnx or .csproj.</param>
    /// <param name="projectFiles">The absolute paths of the project files.</param>
    /// <param name="generatedSources">Absolute paths of compiled files that are build output (obj/).</param>
    /// <param name="configFile">The packer.yaml used, if any.</param>
    public static SortedSet<string> Files(string solutionPath, IEnumerable<string> projectFiles, IEnumerable<string> generatedSources, string? configFile)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(solutionPath) };
        var folders = new HashSet<string>(StringComparer.Ordinal);
        void Ancestors(string? folder)
        {
            for (; folder is not null && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
                paths.UnionWith(InheritedFiles.Select(name => Path.Combine(folder, name)));
            }
        }

        Ancestors(Path.GetDirectoryName(Path.GetFullPath(solutionPath)));
        foreach (var project in projectFiles)
        {
            paths.Add(project);
            paths.Add(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"));
            Ancestors(Path.GetDirectoryName(project));
        }

        paths.UnionWith(generatedSources);
        if (configFile is not null)
        {
            paths.Add(Path.GetFullPath(configFile));
        }

        return paths;
    }

    /// <summary>Names the first recorded input whose content changed, or null when none did.</summary>
    /// <param name="recorded">The hashes recorded when the cache was written.</param>
    /// <param name="root">The repository root, to shorten the name.</param>
    public static string? FirstChange(IReadOnlyDictionary<string, string> recorded, string root)
    {
        foreach (var (path, hash) in recorded)
        {
            if (ContentHash.OfFile(path) != hash)
            {
                return RepoPath.Relative(root, path) ?? path;
            }
        }

        return null;
    }
}
