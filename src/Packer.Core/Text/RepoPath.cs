namespace Packer.Core.Text;

/// <summary>Repository-relative paths with <c>/</c> separators, compared ordinally.</summary>
public static class RepoPath
{
    /// <summary>Makes <paramref name="fullPath"/> relative to <paramref name="root"/>, or null when it lies outside.</summary>
    public static string? Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(fullPath));
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative.Replace('\\', '/');
    }

    /// <summary>The folder part of a repository path, without the trailing slash ("" at the root).</summary>
    public static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The file name without folder and without extension.</summary>
    public static string Stem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? name : name[..dot];
    }
}
