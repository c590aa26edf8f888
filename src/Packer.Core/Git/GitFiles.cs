namespace Packer.Core.Git;

/// <summary>What git says of files in the work tree: which are tracked, and which are ignored.</summary>
internal static class GitFiles
{
    /// <summary>The given repository-relative paths that git tracks (none without git or a repository).</summary>
    public static IReadOnlySet<string> Tracked(string root, IEnumerable<string> paths)
    {
        var asked = paths.Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0 || !GitCommand.IsRepository(root))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var listed = GitCommand.Run(root, ["ls-files", "-z", "--", .. asked]) ?? string.Empty;
        return listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Tells whether an existing file is tracked by the git repository it lies in, whichever that is (false without git or a repository).</summary>
    /// <param name="fullPath">The file's absolute path, links already followed.</param>
    public static bool IsTrackedAnywhere(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        return Directory.Exists(folder)
            && !string.IsNullOrEmpty(GitCommand.Run(folder, "ls-files", "-z", "--", Path.GetFileName(fullPath)));
    }

    /// <summary>
    /// Tells, for repository-relative paths, which ones git ignores (a folder git ignores whole counts for
    /// every path under it); nothing is ignored without git or a repository.
    /// </summary>
    public static Func<string, bool> Ignored(string root)
    {
        var listed = GitCommand.IsRepository(root)
            ? GitCommand.Run(root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory")
            : null;
        var entries = (listed ?? string.Empty).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var files = entries.Where(e => !e.EndsWith('/')).ToHashSet(StringComparer.Ordinal);
        var folders = entries.Where(e => e.EndsWith('/')).ToList();
        return path => files.Contains(path) || folders.Exists(f => path.StartsWith(f, StringComparison.Ordinal));
    }
}
