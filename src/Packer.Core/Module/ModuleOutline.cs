using System.Text;

namespace Packer.Core.Module;

/// <summary>
/// The outline of a target too large for the cap: a tree of the folders that hold its files, each with its
/// file count (subfolders included) and the types of its own files that most other files name. A folder
/// without files of its own and with one subfolder shares its line with it (<c>Models/Mail/</c>). It depends
/// only on which files the target has and what their types are called and how often named (in powers of two),
/// not on the cap's choice of files, so it changes when files are added, moved or removed, seldom otherwise.
/// <see cref="Levels"/> is its ladder: fewer types per folder, then fewer folder levels, until it fits.
/// </summary>
internal sealed class ModuleOutline
{
    private readonly Folder top;

    private ModuleOutline(string root, Folder top, int files, int folders)
    {
        Root = root;
        this.top = top;
        Files = files;
        Folders = folders;
    }

    /// <summary>Gets the folder all the files lie in ("" for the repository root).</summary>
    public string Root { get; }

    /// <summary>Gets the outline's path in the bundle: its root folder with a trailing slash ("./" for the repository root).</summary>
    public string Path => Root.Length == 0 ? "./" : Root + "/";

    /// <summary>Gets how many files it counts.</summary>
    public int Files { get; }

    /// <summary>Gets how many folders it has: its root, those holding files below it, and those between them.</summary>
    public int Folders { get; }

    /// <summary>Gets the levels it can be shown at, the richest first.</summary>
    public IReadOnlyList<OutlineLevel> Levels
    {
        get
        {
            var deepest = Lines(top, 0, new OutlineLevel(0, OutlineLevel.Every)).Select(l => l.Depth).DefaultIfEmpty(0).Max();
            var levels = new List<OutlineLevel> { new(3, OutlineLevel.Every), new(1, OutlineLevel.Every), new(0, OutlineLevel.Every) };
            levels.AddRange(Enumerable.Range(0, deepest).Reverse().Select(d => new OutlineLevel(0, d)));
            return levels;
        }
    }

    /// <summary>Builds the outline of some files.</summary>
    /// <param name="files">Each file with its top-level types and how many files name each.</param>
    public static ModuleOutline Of(IReadOnlyList<(string Path, IReadOnlyList<TypeMentions> Types)> files)
    {
        var root = CommonFolder(files.Select(f => f.Path));
        var top = new Folder(string.Empty);
        var folders = 1;
        foreach (var (path, types) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var folder = top;
            folder.Total++;
            var relative = root.Length == 0 ? path : path[(root.Length + 1)..];
            var segments = relative.Split('/');
            foreach (var segment in segments[..^1])
            {
                if (!folder.Children.TryGetValue(segment, out var child))
                {
                    folder.Children[segment] = child = new Folder(segment);
                    folders++;
                }

                folder = child;
                folder.Total++;
            }

            folder.Types.AddRange(types);
        }

        return new ModuleOutline(root, top, files.Count, folders);
    }

    /// <summary>Renders the outline at a level, after a first line that says what it is.</summary>
    /// <param name="level">How much to show.</param>
    /// <param name="title">What it outlines, e.g. "the target Core".</param>
    public string Render(OutlineLevel level, string title)
    {
        var text = new StringBuilder($"Outline of {title}: {Files} files in {Folders} folders. Each folder: its files, subfolders included");
        text.Append(level.TypesPerFolder > 0 ? "; then the types of its own files that most other files name.\n" : ".\n");
        foreach (var (depth, label, folder, hidden) in Lines(top, 0, level))
        {
            text.Append(' ', 2 * depth).Append(depth == 0 ? Path : label + "/").Append(' ').Append(folder.Total);
            var types = MainTypes(folder, level.TypesPerFolder);
            text.Append(types.Count > 0 ? ": " + string.Join(", ", types) : string.Empty);
            text.Append(hidden switch { 0 => string.Empty, 1 => " (+1 folder)", _ => $" (+{hidden} folders)" }).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The folder every path lies in ("" when they share none, or lie at the root).</summary>
    internal static string CommonFolder(IEnumerable<string> paths)
    {
        string[]? common = null;
        foreach (var path in paths)
        {
            var folders = path.Split('/')[..^1];
            var shared = 0;
            common ??= folders;
            while (shared < common.Length && shared < folders.Length && common[shared] == folders[shared])
            {
                shared++;
            }

            common = common[..shared];
        }

        return string.Join('/', common ?? []);
    }

    // The lines of a folder and those below it, to the level's depth: each with its depth, its label (a folder
    // without files of its own and with one subfolder joins it), and the folders below it left out.
    private static IEnumerable<(int Depth, string Label, Folder Folder, int Hidden)> Lines(Folder folder, int depth, OutlineLevel level)
    {
        var label = folder.Name;
        while (depth > 0 && Only(folder) is { } only && only.Total == folder.Total)
        {
            folder = only;
            label += "/" + folder.Name;
        }

        if (depth >= level.Depth)
        {
            yield return (depth, label, folder, Count(folder) - 1);
            yield break;
        }

        yield return (depth, label, folder, 0);
        foreach (var child in folder.Children.Values)
        {
            foreach (var line in Lines(child, depth + 1, level))
            {
                yield return line;
            }
        }
    }

    private static Folder? Only(Folder folder) => folder.Children.Count == 1 ? folder.Children.Values.First() : null;

    private static int Count(Folder folder) => 1 + folder.Children.Values.Sum(Count);

    // The types of a folder's own files that most files name, in powers of two (so that an edit that names a
    // type once more seldom reorders them), then by name.
    private static List<string> MainTypes(Folder folder, int count) => folder.Types
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .Select(g => (Name: g.Key, Bucket: (int)Math.Floor(Math.Log2(1 + g.Max(t => t.Mentions)))))
        .OrderByDescending(t => t.Bucket)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .Take(count)
        .Select(t => t.Name)
        .ToList();

    private sealed class Folder(string name)
    {
        public string Name { get; } = name;

        public SortedDictionary<string, Folder> Children { get; } = new(StringComparer.Ordinal);

        public List<TypeMentions> Types { get; } = [];

        public int Total { get; set; }
    }
}
