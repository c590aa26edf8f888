using Packer.Core.Git;
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

    /// <summary>
    /// Lists the extra (non-C#) files under the root that the include globs select, sorted: not those git
    /// ignores, and not links that lead outside the repository (those are named in the warnings).
    /// </summary>
    public (IReadOnlyList<string> Files, IReadOnlyList<string> Warnings) ExtraFiles(string root)
    {
        if (include.Count == 0)
        {
            return ([], []);
        }

        // Git says what it ignores in a work tree; elsewhere the .gitignore files are read as git would read them.
        var found = new List<string>();
        var links = new List<string>();
        var repository = GitCommand.IsRepository(root);
        Walk(new DirectoryInfo(root), root, repository ? null : IgnoreFiles.None.Enter(root, string.Empty), found, links);
        var realPaths = new RealPaths(root);
        var outside = links.Where(p => realPaths.LeavesRoot(Path.Combine(root, p))).ToHashSet(StringComparer.Ordinal);
        var ignored = repository ? GitFiles.Ignored(root) : _ => false;
        var files = found.Where(p => !outside.Contains(p) && !ignored(p)).Order(StringComparer.Ordinal).ToList();
        return (files, outside.Order(StringComparer.Ordinal).Select(LinkWarning).ToList());
    }

    /// <summary>The warning for a file that is a link to outside the repository.</summary>
    public static string LinkWarning(string path) => $"skipped {path}: it is a symbolic link to a file outside the repository.";

    // ignore: the .gitignore rules in force in the folder, or null where git says what it ignores.
    private void Walk(DirectoryInfo folder, string root, IgnoreFiles? ignore, List<string> found, List<string> links)
    {
        foreach (var file in folder.EnumerateFiles())
        {
            var path = RepoPath.Relative(root, file.FullName);
            if (path is not null && !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                && include.Any(g => g.IsMatch(path)) && !IsExcluded(path) && ignore?.IsIgnored(path, isFolder: false) != true)
            {
                found.Add(path);
                if (file.LinkTarget is not null)
                {
                    links.Add(path);
                }
            }
        }

        foreach (var child in folder.EnumerateDirectories())
        {
            var path = RepoPath.Relative(root, child.FullName);
            if (path is not null && !SkippedFolders.Contains(child.Name, StringComparer.OrdinalIgnoreCase)
                && (child.Attributes & FileAttributes.ReparsePoint) == 0 && ignore?.IsIgnored(path, isFolder: true) != true)
            {
                Walk(child, root, ignore?.Enter(root, path), found, links);
            }
        }
    }
}
