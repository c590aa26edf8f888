using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Packer.Core.Configuration;
using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// A target may be a C# file that no loaded project compiles (a sample, a docs site, a script). When a
/// project file above it compiles it, that project is read from its file and added, with all its files;
/// otherwise the file is analysed in an ad-hoc project that references every loaded project. Either way
/// its uses of the solution's types bind as if it belonged to the solution.
/// </summary>
internal static class LooseFiles
{
    public const string ProjectName = "(loose files)";

    /// <summary>The C# files of the repository that the targets name and that are not among <paramref name="known"/>, sorted.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="known">The solution's files, by repository-relative path.</param>
    /// <param name="specs">The targets.</param>
    /// <param name="workingDirectory">Where relative target paths are also looked up.</param>
    public static List<string> Named(string root, IReadOnlySet<string> known, IReadOnlyList<TargetSpec> specs, string workingDirectory) =>
        specs
            .Where(s => s.MayBeFile && s.Name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .SelectMany(s => new[] { Path.GetFullPath(s, root), Path.GetFullPath(s, workingDirectory) })
            .Where(File.Exists)
            .Select(full => RepoPath.Relative(root, full))
            .OfType<string>()
            .Where(path => !known.Contains(path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static LoadedSolution AddTargets(LoadedSolution loaded, IReadOnlyList<TargetSpec> specs, string workingDirectory)
    {
        var loose = Named(loaded.Root, loaded.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal), specs, workingDirectory);
        var realPaths = new RealPaths(loaded.Root);
        var outside = loose.Where(path => realPaths.LeavesRoot(Path.Combine(loaded.Root, path))).ToList();
        if (outside.Count > 0)
        {
            loose = loose.Except(outside).ToList();
            loaded = loaded with { Warnings = [.. loaded.Warnings, .. outside.Select(FileFilter.LinkWarning)] };
        }

        if (loose.Count == 0)
        {
            return loaded;
        }

        (loaded, loose) = AddOwningProjects(loaded, loose);
        if (loose.Count == 0)
        {
            return loaded;
        }

        // One project per name (the first target framework by name), so that no type is declared twice.
        var references = loaded.Solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp)
            .GroupBy(p => ProjectNames.WithoutFramework(p.Name), StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ProjectReference(p.Id));
        var projectId = ProjectId.CreateNewId();
        var documents = loose
            .Select(path => DocumentInfo.Create(
                DocumentId.CreateNewId(projectId), Path.GetFileName(path), loader: new FileTextLoader(Path.Combine(loaded.Root, path), defaultEncoding: null), filePath: Path.Combine(loaded.Root, path)))
            .Append(ProjectFileReader.GlobalUsings(projectId, ProjectFileReader.ImplicitUsings))
            .ToList();
        var solution = loaded.Solution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, ProjectName, "LooseFiles", LanguageNames.CSharp,
            documents: documents,
            projectReferences: references,
            metadataReferences: FrameworkReferences.ReferenceAssemblies(),
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview).ForBinding()));

        var added = documents.Take(loose.Count).Select((d, i) => new SourceFile(loose[i], ProjectName, d.Id));
        var warnings = loose.Select(p => $"{p} is not compiled by any loaded project; it was analysed in an ad-hoc project that references all of them.");
        return loaded.WithSolution(solution) with
        {
            Files = [.. loaded.Files.Concat(added).OrderBy(f => f.Path, StringComparer.Ordinal)],
            Warnings = [.. loaded.Warnings, .. warnings],
        };
    }

    // Adds the projects (outside the solution) whose folders hold loose targets and that compile them;
    // returns the loose targets that no such project compiles.
    private static (LoadedSolution Loaded, List<string> Remaining) AddOwningProjects(LoadedSolution loaded, List<string> loose)
    {
        var loadedProjects = ProjectFileReader.ProjectIdsByFile(loaded.Solution);
        var owners = loose
            .Select(path => (Path: path, Owner: OwningProjectFile(loaded.Root, path)))
            .Where(x => x.Owner is not null && !loadedProjects.ContainsKey(x.Owner))
            .GroupBy(x => x.Owner!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var solution = loaded.Solution;
        var files = loaded.Files.ToList();
        var warnings = loaded.Warnings.ToList();
        var remaining = loose.ToList();
        foreach (var owner in owners)
        {
            var ids = new Dictionary<string, ProjectId>(loadedProjects, StringComparer.Ordinal) { [owner.Key] = ProjectId.CreateNewId() };
            if (ProjectFileReader.TryReadProject(owner.Key, ids, out var problem) is not { } project)
            {
                warnings.Add(problem!);
                continue;
            }

            var known = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var documents = project.Documents
                .Select(d => (Document: d, Path: d.FilePath is null ? null : RepoPath.Relative(loaded.Root, d.FilePath)))
                .Where(d => d.Path is not null && !known.Contains(d.Path))
                .ToList();
            if (!owner.Any(x => documents.Any(d => d.Path == x.Path)))
            {
                continue;
            }

            solution = solution.AddProject(project);
            files.AddRange(documents.Select(d => new SourceFile(d.Path!, project.Name, d.Document.Id)));
            remaining.RemoveAll(path => documents.Any(d => d.Path == path));
            warnings.Add($"{RepoPath.Relative(loaded.Root, owner.Key)} compiles a target but is not in {loaded.SolutionPath}; it was read from its project file and added.");
        }

        solution = TransitiveReferences.Complete(solution);
        (solution, _) = FrameworkReferences.AddWhereMissing(solution);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return (loaded.WithSolution(solution) with { Files = files, Warnings = warnings }, remaining);
    }

    private static string? OwningProjectFile(string root, string path)
    {
        for (var folder = Path.GetDirectoryName(Path.Combine(root, path)); folder is not null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            var projects = Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).ToList();
            if (projects.Count > 0)
            {
                return projects[0];
            }
        }

        return null;
    }
}
