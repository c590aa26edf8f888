using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>The include and exclude globs of one run.</summary>
public sealed class FileFilter
{
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules", ".vs", ".idea", "artifacts", ".packer"];

    private readonly IReadOnlyList<Glob> include;
    private readonly IReadOnlyList<Glob> exclude;
    private readonly string description;

    /// <summary>Creates a filter from globs.</summary>
    public FileFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        this.include = include.Select(Glob.Parse).ToList();
        this.exclude = exclude.Select(Glob.Parse).ToList();
        description = $"include={string.Join('\n', include)}\nexclude={string.Join('\n', exclude)}";
    }

    /// <summary>Describes the globs, for keys that must change when they do.</summary>
    public string Describe() => description;

    /// <summary>Tells whether a path is excluded.</summary>
    public bool IsExcluded(string path) => exclude.Any(g => g.IsMatch(path));

    /// <summary>Lists the extra (non-C#) files under the root that the include globs select, sorted.</summary>
    public IReadOnlyList<string> ExtraFiles(string root)
    {
        if (include.Count == 0)
        {
            return [];
        }

        var found = new List<string>();
        Walk(new DirectoryInfo(root), root, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private void Walk(DirectoryInfo folder, string root, List<string> found)
    {
        foreach (var file in folder.EnumerateFiles())
        {
            var path = RepoPath.Relative(root, file.FullName);
            if (path is not null && !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                && include.Any(g => g.IsMatch(path)) && !IsExcluded(path))
            {
                found.Add(path);
            }
        }

        foreach (var child in folder.EnumerateDirectories())
        {
            if (!SkippedFolders.Contains(child.Name, StringComparer.OrdinalIgnoreCase)
                && (child.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                Walk(child, root, found);
            }
        }
    }
}
