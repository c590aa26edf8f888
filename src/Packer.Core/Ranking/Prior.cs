using Packer.Core.Loading;
using Packer.Core.Text;

namespace Packer.Core.Ranking;

/// <summary>
/// What is known about a file before any binding: whether it is the targets' test by name, whether its
/// project is a target's or adjacent to one, and how near its folder is. Each part lies in [0, 1].
/// One instance serves one thread (it remembers folder distances).
/// </summary>
internal sealed class Prior
{
    private static readonly string[] TestSuffixes = ["Tests", "Test", "Specs", "Spec", "Fixture"];

    private readonly HashSet<string> targetProjects;
    private readonly HashSet<string> adjacentProjects;
    private readonly HashSet<string> targetStems;
    private readonly IReadOnlyList<string[]> targetFolders;
    private readonly Dictionary<string, int> nearestByFolder = new(StringComparer.Ordinal);
    private readonly AnchorNames names;

    public Prior(LoadedSolution loaded, IReadOnlyList<string> targets, AnchorNames names)
    {
        this.names = names;
        var byPath = loaded.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        targetProjects = targets.Select(t => byPath[t].Project).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        var referencedByTargets = loaded.Projects.Where(p => targetProjects.Contains(p.Name)).SelectMany(p => p.References).ToHashSet(StringComparer.Ordinal);
        adjacentProjects = loaded.Projects
            .Where(p => !targetProjects.Contains(p.Name) && (p.References.Any(targetProjects.Contains) || referencedByTargets.Contains(p.Name)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        targetStems = targets.Select(RepoPath.Stem).ToHashSet(StringComparer.Ordinal);
        // One target per folder is enough to measure folder distance against.
        targetFolders = targets.Select(RepoPath.Directory).Distinct(StringComparer.Ordinal).Select(Steps).ToList();
    }

    /// <summary>1 in a target's project, 0.5 in a project next to one in the project graph, else 0.</summary>
    public double Project(SourceFile file) =>
        targetProjects.Contains(file.Project) ? 1.0 : adjacentProjects.Contains(file.Project) ? 0.5 : 0.0;

    /// <summary>1 in a target's folder, falling with each folder step away.</summary>
    public double Folder(SourceFile file) => 1.0 / (1 + NearestFolder(file.Path));

    /// <summary>1 when the file is named as a target's test (FooTests for Foo) or subject; 0.5 when it has a target's file name.</summary>
    public double FileName(SourceFile file) =>
        IsTestByName(file.Path) ? 1.0 : targetStems.Contains(RepoPath.Stem(file.Path)) ? 0.5 : 0.0;

    public string Reason(SourceFile file)
    {
        if (IsTestByName(file.Path))
        {
            return $"named after {names.One} (its test or subject)";
        }

        if (targetStems.Contains(RepoPath.Stem(file.Path)))
        {
            return $"has {names.Ones} file name";
        }

        if (targetProjects.Contains(file.Project))
        {
            return $"same project as {names.One} ({file.Project}), no dependency found";
        }

        if (adjacentProjects.Contains(file.Project))
        {
            return $"project {file.Project} references or is referenced by {names.Ones} project";
        }

        return NearestFolder(file.Path) <= 2 ? $"near {names.Ones} folder" : $"no dependency on {names.All}";
    }

    // Folder steps to the nearest target's folder, measured once per folder: a target of
    // hundreds of folders is measured against each of the solution's folders, not against each of its files.
    private int NearestFolder(string path)
    {
        var folder = RepoPath.Directory(path);
        if (!nearestByFolder.TryGetValue(folder, out var nearest))
        {
            var steps = Steps(folder);
            nearestByFolder[folder] = nearest = targetFolders.Min(target => Distance(steps, target));
        }

        return nearest;
    }

    private static string[] Steps(string folder) => folder.Split('/', StringSplitOptions.RemoveEmptyEntries);

    // Steps up from one folder to the folders' common ancestor, then down to the other.
    private static int Distance(string[] a, string[] b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        return a.Length - common + b.Length - common;
    }

    private bool IsTestByName(string path)
    {
        var stem = RepoPath.Stem(path);
        foreach (var suffix in TestSuffixes)
        {
            if ((stem.EndsWith(suffix, StringComparison.Ordinal) && targetStems.Contains(stem[..^suffix.Length]))
                || targetStems.Contains(stem + suffix))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// What the reasons call the files a ranking is made around: the targets, or, when a task chose files to walk from
/// too (or alone), the files it matched, which are no targets of the user's.
/// </summary>
/// <param name="One">One of them ("a target").</param>
/// <param name="Ones">Its possessive ("a target's").</param>
/// <param name="All">All of them ("the targets").</param>
internal sealed record AnchorNames(string One, string Ones, string All)
{
    /// <summary>Gets the names of targets alone.</summary>
    public static AnchorNames Targets { get; } = new("a target", "a target's", "the targets");

    /// <summary>Gets the names of the files a task matched, with the run's targets when it has any.</summary>
    public static AnchorNames ForTask(bool withTargets) => withTargets
        ? new("a target or a file the task matched", "a target's or matched file's", "the targets and the files the task matched")
        : new("a file the task matched", "a matched file's", "the files the task matched");
}
