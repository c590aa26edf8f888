using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Packer.Core.Loading;

namespace Packer.Core.Caching;

/// <summary>
/// What a loaded solution is, written down so that a later run can rebuild it without MSBuild: each C#
/// project's documents, references and the compiler options that change binding, and the loader's own
/// findings (files, project graph, warnings). Rebuilding it costs no evaluation; the Roslyn solution is only
/// created when a file actually has to be parsed or bound.
/// </summary>
/// <param name="SolutionPath">Repository-relative path of the solution.</param>
/// <param name="Projects">The C# projects, in the loaded solution's order.</param>
/// <param name="Nodes">The project graph as the bundle header shows it.</param>
/// <param name="Files">The C# files a bundle can hold, sorted by path.</param>
/// <param name="Warnings">The load warnings.</param>
internal sealed record SolutionSnapshot(
    string SolutionPath,
    IReadOnlyList<ProjectSnapshot> Projects,
    IReadOnlyList<ProjectNode> Nodes,
    IReadOnlyList<FileSnapshot> Files,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Writes down a loaded solution (its C# files only; extra files are found again on each run).</summary>
    public static SolutionSnapshot Capture(LoadedSolution loaded)
    {
        var solution = loaded.Solution;
        var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
        var indexes = projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var documentIndexes = new Dictionary<DocumentId, (int Project, int Document)>();
        var snapshots = projects.Select((project, i) =>
        {
            var documents = project.Documents.Where(d => d.FilePath is not null).ToList();
            for (var d = 0; d < documents.Count; d++)
            {
                documentIndexes[documents[d].Id] = (i, d);
            }

            return ProjectSnapshot.Capture(project, documents, indexes);
        }).ToList();

        var files = loaded.Files
            .Where(f => f.IsCSharp)
            .Select(f => new FileSnapshot(f.Path, f.Project, documentIndexes[f.Document!].Project, documentIndexes[f.Document!].Document))
            .ToList();
        return new SolutionSnapshot(loaded.SolutionPath, snapshots, loaded.Projects, files, loaded.Warnings);
    }

    /// <summary>Gets the absolute paths of the project files.</summary>
    public IEnumerable<string> ProjectFiles => Projects.Select(p => p.FilePath).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Gets the absolute paths of compiled files that are not bundle files (generated sources in obj/).</summary>
    public IEnumerable<string> GeneratedSources(string root)
    {
        var bundled = Files.Select(f => Path.GetFullPath(f.Path, root)).ToHashSet(StringComparer.Ordinal);
        return Projects.SelectMany(p => p.Documents).Where(d => !bundled.Contains(d)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Rebuilds the loaded solution; the Roslyn solution itself is built on first use.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="filter">Finds the extra (non-C#) files, as a load would.</param>
    public LoadedSolution Restore(string root, FileFilter filter)
    {
        var projectIds = Projects.Select(_ => ProjectId.CreateNewId()).ToList();
        var documentIds = Projects.Select((p, i) => p.Documents.Select(_ => DocumentId.CreateNewId(projectIds[i])).ToList()).ToList();
        var files = Files.Select(f => new SourceFile(f.Path, f.Project, documentIds[f.ProjectIndex][f.DocumentIndex])).ToList();
        var csharp = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var (extra, skipped) = filter.ExtraFiles(root);
        files.AddRange(extra.Where(p => !csharp.Contains(p)).Select(p => new SourceFile(p, string.Empty, null)));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var solution = new Lazy<Solution>(() => Build(projectIds, documentIds));
        var places = documentIds.SelectMany((ids, p) => ids.Select((id, d) => (id, p, d))).ToDictionary(x => x.id, x => (Project: x.p, Document: x.d));
        return new LoadedSolution(root, SolutionPath, solution, files, Nodes, [.. Warnings, .. skipped])
        {
            ReadDocument = (id, cancellationToken) => places.TryGetValue(id, out var place)
                ? ReadAsync(Projects[place.Project], place.Document, cancellationToken)
                : Task.FromResult<DocumentSource?>(null),
        };
    }

    // A document's text as Build's solution would load it, and the options it would parse it with; null when the
    // file cannot be read, which the solution reports (as an empty document) the way it always has.
    private static async Task<DocumentSource?> ReadAsync(ProjectSnapshot project, int document, CancellationToken cancellationToken)
    {
        var path = project.Documents[document];
        try
        {
            var loaded = await Loader(project, path).LoadTextAndVersionAsync(new LoadTextOptions(SourceHashAlgorithm.Sha256), cancellationToken).ConfigureAwait(false);
            return new DocumentSource(loaded.Text, project.ParseOptions(), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private Solution Build(List<ProjectId> projectIds, List<List<DocumentId>> documentIds)
    {
        using var workspace = new AdhocWorkspace();
        var infos = Projects.Select((p, i) => ProjectInfo.Create(
            projectIds[i], VersionStamp.Default, p.Name, p.AssemblyName, LanguageNames.CSharp, filePath: p.FilePath,
            compilationOptions: p.CompilationOptions(),
            parseOptions: p.ParseOptions(),
            documents: p.Documents.Select((path, d) => DocumentInfo.Create(
                documentIds[i][d], Path.GetFileName(path), loader: Loader(p, path), filePath: path)),
            projectReferences: p.ProjectReferences.Select(r => new ProjectReference(projectIds[r.Project], [.. r.Aliases])),
            metadataReferences: p.MetadataReferences.Where(r => File.Exists(r.Path)).Select(r => MetadataReferences.FromFile(r.Path, r.Aliases))));
        var solution = workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Default, projects: infos));

        // A load removes circles of references before a snapshot is taken; a cache file written otherwise must not bring one back.
        return ReferenceCycles.Break(solution).Solution;
    }

    // A file's text from disk, or, for a generated file the load removed, from the snapshot.
    private static TextLoader Loader(ProjectSnapshot project, string path) =>
        project.Generated.FirstOrDefault(g => g.Path == path) is { } generated
            ? TextLoader.From(TextAndVersion.Create(SourceText.From(generated.Text, System.Text.Encoding.UTF8), VersionStamp.Default, path))
            : new FileTextLoader(path, defaultEncoding: null);
}

/// <summary>One C# project of a <see cref="SolutionSnapshot"/>.</summary>
/// <param name="Name">The workspace's project name (with its target framework when there are several).</param>
/// <param name="AssemblyName">The assembly name.</param>
/// <param name="FilePath">The absolute project file path.</param>
/// <param name="OutputKind">The output kind.</param>
/// <param name="AllowUnsafe">Whether unsafe code is allowed.</param>
/// <param name="Nullable">The nullable context.</param>
/// <param name="LanguageVersion">The language version.</param>
/// <param name="DocumentationMode">How documentation comments are parsed.</param>
/// <param name="StrongName">The assembly's strong-name settings, which decide whether InternalsVisibleTo lets other projects see its internals.</param>
/// <param name="Symbols">The preprocessor symbols.</param>
/// <param name="Documents">Absolute paths of the compiled files.</param>
/// <param name="MetadataReferences">The referenced assembly files.</param>
/// <param name="ProjectReferences">The referenced projects, by index in the snapshot.</param>
/// <param name="Generated">The text of compiled files that MSBuild generated during the load and that the load removed again (see <see cref="BuildOutputCleanup"/>).</param>
internal sealed record ProjectSnapshot(
    string Name,
    string AssemblyName,
    string? FilePath,
    OutputKind OutputKind,
    bool AllowUnsafe,
    NullableContextOptions Nullable,
    LanguageVersion LanguageVersion,
    DocumentationMode DocumentationMode,
    StrongNameSnapshot StrongName,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> Documents,
    IReadOnlyList<ReferenceSnapshot> MetadataReferences,
    IReadOnlyList<ProjectReferenceSnapshot> ProjectReferences,
    IReadOnlyList<GeneratedText> Generated)
{
    public static ProjectSnapshot Capture(Project project, IReadOnlyList<Document> documents, IReadOnlyDictionary<ProjectId, int> indexes)
    {
        var compilation = project.CompilationOptions as CSharpCompilationOptions;
        var parse = project.ParseOptions as CSharpParseOptions ?? CSharpParseOptions.Default;
        return new ProjectSnapshot(
            project.Name,
            project.AssemblyName,
            project.FilePath,
            compilation?.OutputKind ?? OutputKind.DynamicallyLinkedLibrary,
            compilation?.AllowUnsafe ?? false,
            compilation?.NullableContextOptions ?? NullableContextOptions.Disable,
            parse.SpecifiedLanguageVersion,
            parse.DocumentationMode,
            new StrongNameSnapshot(
                compilation?.CryptoKeyFile, compilation is { CryptoPublicKey.IsDefaultOrEmpty: false } ? [.. compilation.CryptoPublicKey] : [],
                compilation?.PublicSign ?? false, compilation?.DelaySign),
            [.. parse.PreprocessorSymbolNames],
            [.. documents.Select(d => d.FilePath!)],
            [.. project.MetadataReferences.OfType<PortableExecutableReference>().Where(r => r.FilePath is not null)
                .Select(r => new ReferenceSnapshot(r.FilePath!, [.. r.Properties.Aliases]))],
            [.. project.ProjectReferences.Where(r => indexes.ContainsKey(r.ProjectId))
                .Select(r => new ProjectReferenceSnapshot(indexes[r.ProjectId], [.. r.Aliases]))],
            [.. documents.Where(d => !File.Exists(d.FilePath) && d.TryGetText(out _))
                .Select(d => new GeneratedText(d.FilePath!, d.TryGetText(out var text) ? text.ToString() : string.Empty))]);
    }

    /// <summary>The options its files are parsed with (as MSBuild gave them, made fit for binding).</summary>
    public CSharpParseOptions ParseOptions() => new CSharpParseOptions(LanguageVersion, DocumentationMode, preprocessorSymbols: Symbols).ForBinding();

    /// <summary>The options MSBuild would give the compiler for this project.</summary>
    public CSharpCompilationOptions CompilationOptions()
    {
        var options = new CSharpCompilationOptions(OutputKind, allowUnsafe: AllowUnsafe, nullableContextOptions: Nullable)
            .WithPublicSign(StrongName.PublicSign)
            .WithDelaySign(StrongName.DelaySign);
        if (StrongName.PublicKey.Count > 0)
        {
            options = options.WithCryptoPublicKey([.. StrongName.PublicKey]);
        }

        return StrongName.KeyFile is null
            ? options
            : options.WithCryptoKeyFile(StrongName.KeyFile).WithStrongNameProvider(new DesktopStrongNameProvider());
    }
}

/// <summary>A project's strong-name settings.</summary>
/// <param name="KeyFile">The key file, if any.</param>
/// <param name="PublicKey">The public key given directly, if any.</param>
/// <param name="PublicSign">Whether the assembly is public-signed.</param>
/// <param name="DelaySign">Whether it is delay-signed (null: as the attributes say).</param>
internal sealed record StrongNameSnapshot(string? KeyFile, IReadOnlyList<byte> PublicKey, bool PublicSign, bool? DelaySign);

/// <summary>The text of a compiled file that is no longer on disk.</summary>
/// <param name="Path">Its absolute path.</param>
/// <param name="Text">Its text.</param>
internal sealed record GeneratedText(string Path, string Text);

/// <summary>A referenced assembly file.</summary>
/// <param name="Path">Its absolute path.</param>
/// <param name="Aliases">Its extern aliases.</param>
internal sealed record ReferenceSnapshot(string Path, IReadOnlyList<string> Aliases);

/// <summary>A reference to another project of the snapshot.</summary>
/// <param name="Project">The referenced project's index.</param>
/// <param name="Aliases">Its extern aliases.</param>
internal sealed record ProjectReferenceSnapshot(int Project, IReadOnlyList<string> Aliases);

/// <summary>A C# file of the bundle, and which project document it is.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Project">The owning project's name.</param>
/// <param name="ProjectIndex">The index of the project that compiles it.</param>
/// <param name="DocumentIndex">The index of the document in that project.</param>
internal sealed record FileSnapshot(string Path, string Project, int ProjectIndex, int DocumentIndex);
