using Packer.Core.Configuration;
using Packer.Core.Text;
using Packer.Core.Tokenization;

namespace Packer.Core.Loading;

/// <summary>
/// Which projects of a large solution can matter for the targets: the targets' own projects, what they
/// reference (to bind them) and what references them (their callers and tests), read from the project
/// files' ProjectReference items before anything is loaded. Only those are evaluated by MSBuild; the others
/// cannot use the targets, so they are read from their project files (fast, syntax enough for names and
/// folders). Null means "all of them": a small solution, or a target (a type, a namespace) whose project
/// is only known after loading. Targets whose files take more than <see cref="TokenCounter.MaxCharsPerToken"/>
/// bytes on disk per token of the cap cannot fit it (short of a file of multi-byte text) and are packed as a
/// module, which binds only their own central files and what those use, never their callers: then what
/// references them is read from the project files too. A wrong guess costs only precision: a target that fits
/// after all binds its callers against references read from their project files.
/// </summary>
public static class ProjectFocus
{
    /// <summary>A solution with more C# projects than this is large enough for focusing to pay.</summary>
    public const int LargeSolution = 40;

    /// <summary>Finds the project files (absolute) that can matter for the targets, or null for all.</summary>
    /// <param name="solutionPath">The absolute path of the .sln or .slnx.</param>
    /// <param name="specs">The target specs.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<IReadOnlySet<string>?> ForAsync(
        string solutionPath, IReadOnlyList<TargetSpec> specs, int maxTokens, string workingDirectory, CancellationToken cancellationToken)
    {
        if (WorkspaceLoader.OpensOneProject(solutionPath) || specs.Count == 0)
        {
            return null;
        }

        var projects = (await ProjectFileReader.ProjectPathsAsync(solutionPath, cancellationToken).ConfigureAwait(false))
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .ToList();
        if (projects.Count <= LargeSolution)
        {
            return null;
        }

        var root = RepositoryRoot.For(solutionPath);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var targetFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (TargetProject(spec, projects, root, workingDirectory) is not var (project, within))
            {
                return null;
            }

            targets.Add(project);
            targetFiles.UnionWith(ProjectFileReader.CompileFiles(project).Where(f => within is null || f == within || RepoPath.Relative(within, f) is not null));
        }

        var references = projects.ToDictionary(
            p => p, p => ProjectFileReader.ProjectReferencePaths(p).Where(File.Exists).ToList(), StringComparer.Ordinal);
        var referrers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (project, referenced) in references)
        {
            foreach (var reference in referenced)
            {
                if (!referrers.TryGetValue(reference, out var list))
                {
                    referrers[reference] = list = [];
                }

                list.Add(project);
            }
        }

        var focus = Closure(targets, p => references.GetValueOrDefault(p) ?? []);
        if (!CertainlyExceed(targetFiles, maxTokens))
        {
            focus.UnionWith(Closure(targets, p => referrers.GetValueOrDefault(p) ?? []));
        }

        return focus.Count(projects.Contains) < projects.Count ? focus : null;
    }

    // Whether the files are larger on disk than the cap's worth of text (unreadable files count nothing).
    private static bool CertainlyExceed(IEnumerable<string> files, int maxTokens)
    {
        var bytes = 0L;
        foreach (var file in files)
        {
            bytes += new FileInfo(file) is { Exists: true } info ? info.Length : 0;
            if (bytes > (long)maxTokens * TokenCounter.MaxCharsPerToken)
            {
                return true;
            }
        }

        return false;
    }

    // A file spec names the project whose folder holds the file (the deepest); a project spec names itself; so
    // does a folder spec the project whose folder holds it (a spec spelt with a slash, or "folder:": one without
    // could still be a namespace, whose files may lie anywhere). Within: the file or folder of the project that
    // the spec names, null for all of it.
    private static (string Project, string? Within)? TargetProject(TargetSpec spec, List<string> projects, string root, string workingDirectory)
    {
        var (kind, name) = spec;
        if (kind is TargetKind.Type or TargetKind.Namespace)
        {
            return null;
        }

        var byName = projects.Where(p => Path.GetFileNameWithoutExtension(p) == name).ToList();
        if (byName.Count == 1 && kind is not TargetKind.Folder)
        {
            return (byName[0], null);
        }

        // A folder stands for a path inside it, so that the project whose folder it is holds it too.
        var places = new[] { Path.GetFullPath(name, root), Path.GetFullPath(name, workingDirectory) };
        var folder = kind is TargetKind.Folder || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal);
        var within = places.FirstOrDefault(File.Exists) ?? (folder ? places.FirstOrDefault(Directory.Exists) : null);
        var inside = within is null || File.Exists(within) ? within : Path.Combine(within, "_");
        var project = inside is null
            ? null
            : projects
                .Where(p => RepoPath.Relative(Path.GetDirectoryName(p)!, inside) is not null)
                .OrderByDescending(p => p.Length)
                .FirstOrDefault();
        return project is null ? null : (project, within);
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            foreach (var project in next(queue.Dequeue()))
            {
                if (seen.Add(project))
                {
                    queue.Enqueue(project);
                }
            }
        }

        return seen;
    }
}
