using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// Opens a solution or project with MSBuildWorkspace. Unrestored packages are normal: source from the
/// solution still binds. A project that fails to load, or is not C#, becomes a warning.
/// </summary>
public static class WorkspaceLoader
{
    /// <summary>Loads the solution or project file.</summary>
    /// <param name="solutionPath">Absolute path of a .sln, .slnx or .csproj.</param>
    /// <param name="filter">Which extra files to add and which files to leave out.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <param name="focus">The project files MSBuild evaluates (see <see cref="ProjectFocus"/>); the others are read from their files. Null: all.</param>
    public static Task<LoadedSolution> LoadAsync(string solutionPath, FileFilter filter, CancellationToken cancellationToken, IReadOnlySet<string>? focus = null)
    {
        var sdkWarning = MsBuildRegistration.EnsureRegistered(Path.GetDirectoryName(solutionPath)!);
        return OpenAsync(solutionPath, filter, sdkWarning, focus, cancellationToken);
    }

    // Kept apart from LoadAsync so that no workspace type is touched before MSBuild is registered.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<LoadedSolution> OpenAsync(
        string solutionPath, FileFilter filter, string? sdkWarning, IReadOnlySet<string>? focus, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.For(solutionPath);
        var warnings = new List<string>();
        if (sdkWarning is not null)
        {
            warnings.Add(sdkWarning);
        }

        var designTime = DesignTimeProperties.ForNewLoad();
        var cleanup = BuildOutputCleanup.Before(designTime, await ProjectFileReader.ProjectPathsAsync(solutionPath, cancellationToken).ConfigureAwait(false));
        Solution? solution;
        try
        {
            designTime.WriteArtifactsRedirect();
            solution = await OpenWithMsBuildAsync(solutionPath, root, designTime, warnings, focus, cancellationToken).ConfigureAwait(false);
            solution = solution is null ? null : cleanup.Keep(solution);
        }
        finally
        {
            cleanup.Remove(); // also when the load failed or was cancelled
        }

        if (solution is null)
        {
            (solution, var skipped) = await ProjectFileReader.ReadAsync(solutionPath, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(skipped);
        }
        else
        {
            solution = await AddUnloadedProjectsAsync(solution, solutionPath, root, warnings, focus, cancellationToken).ConfigureAwait(false);
        }

        NoteProjectJsonProjects(solution, root, warnings);

        (solution, var circles) = ReferenceCycles.Break(solution);
        warnings.AddRange(circles);
        solution = TransitiveReferences.Complete(solution);
        (solution, var patched) = FrameworkReferences.AddWhereMissing(solution);
        if (patched > 0)
        {
            warnings.Add($"{patched} project(s) had no framework references (not restored?); bound against the installed SDK's reference assemblies.");
        }

        solution = BindingOptions.ForBinding(solution);
        var projects = ProjectNodes(solution, root);
        var (files, skippedFiles) = SourceFiles(solution, root, filter);
        warnings.AddRange(skippedFiles);
        if (projects.Count == 0)
        {
            throw new LoadException(
                $"{RepoPath.Relative(root, solutionPath)}: no C# project could be loaded.{(warnings.Count > 0 ? " " + warnings[0] : string.Empty)}");
        }

        return new LoadedSolution(root, RepoPath.Relative(root, solutionPath) ?? Path.GetFileName(solutionPath), new Lazy<Solution>(solution), files, projects, warnings);
    }

    // Returns null when MSBuild cannot evaluate the solution at all; the caller then reads the project files directly.
    private static async Task<Solution?> OpenWithMsBuildAsync(
        string solutionPath, string root, DesignTimeProperties designTime, List<string> warnings, IReadOnlySet<string>? focus, CancellationToken cancellationToken)
    {
        var diagnostics = new List<WorkspaceDiagnostic>();

        // Roslyn's BuildHost inherits this process's environment: without dynamic PGO (as this tool runs,
        // see Packer.Cli.csproj) it evaluates a large solution about a quarter faster. A user's own setting wins.
        if (Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is null)
        {
            Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
        }

        using var workspace = MSBuildWorkspace.Create(designTime.All);
        using var subscription = workspace.RegisterWorkspaceFailedHandler(e => diagnostics.Add(e.Diagnostic));
        Solution solution;
        var focused = focus is null ? null : FocusedSolution(focus);
        try
        {
            solution = OpensOneProject(solutionPath)
                ? (await workspace.OpenProjectAsync(solutionPath, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution
                : await workspace.OpenSolutionAsync(focused ?? solutionPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            warnings.Add($"MSBuild could not evaluate {RepoPath.Relative(root, solutionPath) ?? solutionPath} ({FirstLine(e.Message)}); "
                + "its project files were read directly instead (default globs, Compile and ProjectReference items, no conditions).");
            return null;
        }
        finally
        {
            if (focused is not null)
            {
                Directory.Delete(Path.GetDirectoryName(focused)!, recursive: true);
            }
        }

        warnings.AddRange(LoadWarnings.Summarize(diagnostics, root));
        warnings.AddRange(solution.Projects
            .Where(p => p.Language != LanguageNames.CSharp)
            .Select(p => $"skipped {p.Language} project {ProjectNames.WithoutFramework(p.Name)}: only C# is analysed.")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        return solution;
    }

    // A solution of just the focus projects, in a temporary folder (paths absolute), for MSBuild to open.
    private static string FocusedSolution(IReadOnlySet<string> focus)
    {
        var folder = Directory.CreateTempSubdirectory("pack-context-").FullName;
        var path = Path.Combine(folder, "focus.slnx");
        var projects = focus.Order(StringComparer.Ordinal).Select(p => $"  <Project Path=\"{System.Security.SecurityElement.Escape(p)}\" />");
        File.WriteAllText(path, $"<Solution>\n{string.Join('\n', projects)}\n</Solution>\n");
        return path;
    }

    // C# projects that the solution lists but MSBuild did not evaluate (it could not, e.g. a custom MSBuild
    // SDK that cannot be resolved; or they are outside the focus) are read from their project files, and
    // project references to them restored.
    private static async Task<Solution> AddUnloadedProjectsAsync(
        Solution solution, string solutionPath, string root, List<string> warnings, IReadOnlySet<string>? focus, CancellationToken cancellationToken)
    {
        var listed = await ProjectFileReader.ProjectPathsAsync(solutionPath, cancellationToken).ConfigureAwait(false);
        var ids = ProjectFileReader.ProjectIdsByFile(solution);
        // MSBuildWorkspace keeps an empty shell for a project it failed to evaluate; fill it instead.
        var empty = ids.Where(p => ProjectFileReader.IsCSharpProjectFile(p.Key) && !solution.GetProject(p.Value)!.Documents.Any()
            && File.Exists(p.Key)).Select(p => p.Key).ToList();
        var missing = listed.Where(p => ProjectFileReader.IsCSharpProjectFile(p) && File.Exists(p) && !ids.ContainsKey(p)).ToList();
        if (missing.Count + empty.Count == 0)
        {
            return solution;
        }

        // A project file that cannot be read is a warning; the others are read (and may reference each other).
        foreach (var path in missing.Concat(empty).ToList())
        {
            if (!ProjectFileReader.IsReadable(path, out var problem))
            {
                warnings.Add(problem!);
                missing.Remove(path);
                empty.Remove(path);
            }
        }

        var loadedBefore = ids.Keys.ToList();
        missing.ForEach(p => ids[p] = ProjectId.CreateNewId());
        foreach (var path in missing)
        {
            solution = solution.AddProject(ReadProject(path, ids, warnings));
        }

        foreach (var path in empty)
        {
            var project = ReadProject(path, ids, warnings);
            solution = solution.AddDocuments([.. project.Documents]);
            solution = ReferenceCycles.Add(solution, ids[path], project.ProjectReferences, warnings);
        }

        missing.AddRange(empty);

        var read = missing.ToHashSet(StringComparer.Ordinal);
        foreach (var path in loadedBefore)
        {
            // The project file is read once, not once per target framework that shares it.
            var references = ProjectFileReader.ProjectReferencePaths(path).Where(read.Contains).Select(r => new ProjectReference(ids[r])).ToList();
            foreach (var project in solution.Projects.Where(p => p.FilePath == path).Select(p => p.Id).ToList())
            {
                solution = ReferenceCycles.Add(solution, project, references, warnings);
            }
        }

        // MSBuild evaluates no .xproj, focused or not: NoteProjectJsonProjects says how those were read.
        var evaluable = missing.Where(p => !ProjectFileReader.IsXproj(p)).ToList();
        var unfocused = evaluable.Where(p => focus is not null && !focus.Contains(p)).ToList();
        var failed = evaluable.Except(unfocused).ToList();
        if (failed.Count > 0)
        {
            warnings.Add($"{failed.Count} project(s) could not be evaluated by MSBuild ({string.Join(", ", failed.Select(p => RepoPath.Relative(root, p) ?? p))}); "
                + "they were read from their project files.");
        }

        if (unfocused.Count > 0)
        {
            warnings.Add($"{unfocused.Count} of the solution's projects are not needed to bind the targets (they neither reference "
                + "nor are referenced by the targets' projects, or only reference targets too large for the cap, whose callers are not bound); "
                + "to load this large solution faster they were read from their project files instead of being evaluated by MSBuild.");
        }

        return solution;
    }

    // A project file that was found readable: what of it could not be read (an .xproj's project.json) is a warning.
    private static ProjectInfo ReadProject(string path, IReadOnlyDictionary<string, ProjectId> ids, List<string> warnings)
    {
        var project = ProjectFileReader.TryReadProject(path, ids, out var problem)!;
        if (problem is not null)
        {
            warnings.Add(problem);
        }

        return project;
    }

    // Says which projects were read from their .xproj and project.json, in place of MSBuild's report that it
    // cannot open them (Roslyn knows no language for an .xproj).
    private static void NoteProjectJsonProjects(Solution solution, string root, List<string> warnings)
    {
        var xprojs = solution.Projects
            .Select(p => p.FilePath)
            .OfType<string>()
            .Where(ProjectFileReader.IsXproj)
            .Select(p => RepoPath.Relative(root, p) ?? p)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (xprojs.Count == 0)
        {
            return;
        }

        warnings.RemoveAll(w => xprojs.Any(x => w.StartsWith($"Cannot open project '{x}' because", StringComparison.Ordinal)));
        warnings.Add($"{xprojs.Count} project(s) use the project.json project system, which MSBuild no longer evaluates ({string.Join(", ", xprojs)}); "
            + "they were read from their .xproj folders and project.json files (default globs and project.json's compile patterns; its dependencies "
            + "on the solution's projects as project references; no target frameworks, defines or packages).");
    }

    private static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split("\n", StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? message;
        return line.Length > 200 ? line[..200] + "..." : line;
    }

    private static List<ProjectNode> ProjectNodes(Solution solution, string root)
    {
        return solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp)
            .GroupBy(p => ProjectNames.WithoutFramework(p.Name), StringComparer.Ordinal)
            .Select(g => new ProjectNode(
                g.Key,
                RepoPath.Relative(root, g.First().FilePath ?? string.Empty) ?? g.Key,
                g.SelectMany(p => p.ProjectReferences)
                    .Select(r => solution.GetProject(r.ProjectId)?.Name)
                    .OfType<string>()
                    .Select(ProjectNames.WithoutFramework)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList()))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    // The files a bundle can hold, and warnings for those it must not: a compiled file or an extra one that
    // is a symbolic link to outside the repository.
    private static (List<SourceFile> Files, List<string> Warnings) SourceFiles(Solution solution, string root, FileFilter filter)
    {
        // A path compiled by several projects (linked files, target frameworks) counts once; its owner is
        // the project whose folder holds it, else the first project by name.
        var realPaths = new RealPaths(root);
        var outside = new SortedSet<string>(StringComparer.Ordinal);
        var byPath = new Dictionary<string, List<(Project Project, Document Document)>>(StringComparer.Ordinal);
        foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp))
        {
            foreach (var document in project.Documents)
            {
                var path = document.FilePath is null ? null : RepoPath.Relative(root, document.FilePath);
                if (path is null || IsBuildOutput(path) || filter.IsExcluded(path))
                {
                    continue;
                }

                if (!byPath.ContainsKey(path) && realPaths.LeavesRoot(document.FilePath!))
                {
                    outside.Add(path);
                    continue;
                }

                if (!byPath.TryGetValue(path, out var owners))
                {
                    byPath[path] = owners = [];
                }

                owners.Add((project, document));
            }
        }

        var files = new List<SourceFile>();
        foreach (var (path, owners) in byPath)
        {
            var owner = owners
                .OrderBy(o => OwnsFolder(o.Project, root, path) ? 0 : 1)
                .ThenBy(o => o.Project.Name, StringComparer.Ordinal)
                .First();
            files.Add(new SourceFile(path, ProjectNames.WithoutFramework(owner.Project.Name), owner.Document.Id));
        }

        var (extra, skipped) = filter.ExtraFiles(root);
        files.AddRange(extra.Where(p => !byPath.ContainsKey(p)).Select(p => new SourceFile(p, string.Empty, null)));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return (files, [.. outside.Select(FileFilter.LinkWarning), .. skipped]);
    }

    private static bool OwnsFolder(Project project, string root, string path)
    {
        var folder = project.FilePath is null ? null : RepoPath.Relative(root, Path.GetDirectoryName(project.FilePath)!);
        return folder is not null && path.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    /// <summary>Tells whether a load of <paramref name="path"/> opens one project file (and what it references) rather than a solution.</summary>
    internal static bool OpensOneProject(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Tells whether a repository path lies in a build's output (an obj/ or bin/ folder), which no bundle holds.</summary>
    internal static bool IsBuildOutput(string path) =>
        path.Contains("/obj/", StringComparison.Ordinal) || path.StartsWith("obj/", StringComparison.Ordinal)
        || path.Contains("/bin/", StringComparison.Ordinal) || path.StartsWith("bin/", StringComparison.Ordinal);
}
