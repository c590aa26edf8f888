using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// The .gitignore files of a tree that is not a git work tree (an unpacked archive, a copy without .git), read as
/// git reads them, so that what git would ignore is not packed through an include glob there either. Blank lines
/// and <c>#</c> comments are skipped; <c>!</c> re-includes; a trailing <c>/</c> matches folders only; a <c>/</c>
/// elsewhere anchors the pattern to its .gitignore's folder, and without one it matches a name at any depth;
/// <c>*</c>, <c>?</c>, <c>**</c> and <c>[…]</c> as in git (<see cref="Glob"/>, so matching stays linear whatever
/// the patterns). A later line wins over an earlier one, a deeper file over a shallower one, and nothing inside an
/// ignored folder is looked at. A .gitignore that is a link, or larger than a settings file may be, is not read.
/// </summary>
internal sealed class IgnoreFiles
{
    private readonly IReadOnlyList<Rule> rules;

    private IgnoreFiles(IReadOnlyList<Rule> rules) => this.rules = rules;

    /// <summary>Gets the rules of no file.</summary>
    public static IgnoreFiles None { get; } = new([]);

    /// <summary>The rules in force inside a folder: these, then those of the folder's own .gitignore.</summary>
    /// <param name="root">The tree's root.</param>
    /// <param name="folder">The folder, relative to the root ("" for the root).</param>
    public IgnoreFiles Enter(string root, string folder)
    {
        var file = Path.Combine(root, folder, ".gitignore");
        if (PathKinds.Of(file) != PathKind.File)
        {
            return this;
        }

        string text;
        try
        {
            text = BoundedFile.ReadAllText(file, BoundedFile.SmallFileBytes);
        }
        catch (Exception e) when (FileAccessException.Covers(e) || e is FileTooLargeException)
        {
            return this;
        }

        var added = text.Split('\n').Select(line => Rule.Parse(line, folder.Length == 0 ? string.Empty : folder + "/")).OfType<Rule>().ToList();
        return added.Count == 0 ? this : new IgnoreFiles([.. rules, .. added]);
    }

    /// <summary>Tells whether a path (relative to the root) is ignored by the rules in force in its folder.</summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="isFolder">Whether it is a folder.</param>
    public bool IsIgnored(string path, bool isFolder)
    {
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Matches(path, isFolder))
            {
                return !rules[i].Negated;
            }
        }

        return false;
    }

    private sealed record Rule(string Folder, Glob Glob, bool Negated, bool FoldersOnly)
    {
        public static Rule? Parse(string line, string folder)
        {
            var text = line.TrimEnd('\r').TrimEnd(' ', '\t');
            if (text.Length == 0 || text[0] == '#')
            {
                return null;
            }

            var negated = text[0] == '!';
            text = negated ? text[1..] : text.StartsWith("\\#", StringComparison.Ordinal) || text.StartsWith("\\!", StringComparison.Ordinal) ? text[1..] : text;
            var foldersOnly = text.EndsWith('/');
            text = text.TrimEnd('/');
            if (text.Length == 0)
            {
                return null;
            }

            var anchored = text.Contains('/', StringComparison.Ordinal);
            return new Rule(folder, Glob.Parse(anchored ? text.TrimStart('/') : "**/" + text), negated, foldersOnly);
        }

        public bool Matches(string path, bool isFolder) =>
            (isFolder || !FoldersOnly) && path.StartsWith(Folder, StringComparison.Ordinal) && Glob.IsMatch(path[Folder.Length..]);
    }
}
