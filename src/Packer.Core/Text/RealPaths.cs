namespace Packer.Core.Text;

/// <summary>
/// Where a path really leads once every symbolic link on it is followed, so that nothing outside the
/// repository is packed through a link inside it (<c>docs/passwd.md -&gt; /etc/passwd</c>). One instance per
/// run; folders are resolved once.
/// </summary>
public sealed class RealPaths(string root)
{
    private const int MaxLinks = 40;

    private readonly Dictionary<string, string> folders = new(StringComparer.Ordinal);
    private string? realRoot;

    /// <summary>Tells whether a path under the root leads outside it through a symbolic link.</summary>
    /// <param name="fullPath">An absolute path under the root.</param>
    public bool LeavesRoot(string fullPath)
    {
        realRoot ??= Resolve(Path.GetFullPath(root));
        return RepoPath.Relative(realRoot, Resolve(Path.GetFullPath(fullPath))) is null;
    }

    /// <summary>Tells whether a path lies under the root and stays there once its links are followed.</summary>
    /// <param name="fullPath">An absolute path.</param>
    public bool Holds(string fullPath) => RepoPath.Relative(root, fullPath) is not null && !LeavesRoot(fullPath);

    /// <summary>Where a path really leads, every symbolic link on it followed (as far as it exists).</summary>
    /// <param name="path">A path, relative to the current folder or absolute.</param>
    public static string Of(string path) => new RealPaths(Path.GetPathRoot(Path.GetFullPath(path))!).Resolve(Path.GetFullPath(path));

    // The path with every link on it followed (like realpath(3)), as far as it exists; a loop of links ends
    // after MaxLinks of them.
    private string Resolve(string path, int links = 0)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is null || links > MaxLinks)
        {
            return path;
        }

        if (!folders.TryGetValue(parent, out var realParent))
        {
            folders[parent] = realParent = Resolve(parent, links);
        }

        var current = Path.Combine(realParent, Path.GetFileName(path));
        return new FileInfo(current).LinkTarget is { } target ? Resolve(Path.GetFullPath(target, realParent), links + 1) : current;
    }
}
