using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;
using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// The fallback when MSBuild cannot evaluate a solution at all (e.g. global.json pins an SDK that is not
/// installed, or a custom MSBuild SDK is missing): reads the solution file and each C# project file as
/// plain XML — SDK default compile globs, Compile items, ProjectReference items, implicit usings — into an
/// ad-hoc workspace. Conditions and imports are not evaluated, so this is an approximation, and it says so.
/// An .xproj (the project.json project system, which MSBuild no longer evaluates) is read as C# too: the
/// default globs below its folder, with its project.json's compile patterns and, as project references,
/// its dependencies that name projects of the solution (see <see cref="ProjectJson"/>).
/// </summary>
public static class ProjectFileReader
{
    /// <summary>The largest solution file read.</summary>
    public const long MaxSolutionBytes = BoundedFile.SmallFileBytes;

    /// <summary>The namespaces the .NET SDK imports globally when ImplicitUsings is enabled.</summary>
    public static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Reads a solution's C# projects from their files alone (no MSBuild evaluation).</summary>
    /// <param name="solutionPath">The .sln, .slnx or .csproj.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The projects read, and a line for each project left out.</returns>
    public static async Task<(Solution Solution, IReadOnlyList<string> Skipped)> ReadAsync(string solutionPath, CancellationToken cancellationToken)
    {
        var projectPaths = await ProjectPathsAsync(solutionPath, cancellationToken).ConfigureAwait(false);
        var csharp = projectPaths.Where(p => IsCSharpProjectFile(p) && File.Exists(p)).ToList();
        var skipped = projectPaths.Except(csharp, StringComparer.Ordinal).Select(p => $"skipped project {Path.GetFileName(p)}: only C# is analysed.").ToList();

        var ids = csharp.ToDictionary(p => p, _ => ProjectId.CreateNewId(), StringComparer.Ordinal);
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        foreach (var path in csharp)
        {
            if (TryReadProject(path, ids, out var problem) is { } project)
            {
                solution = solution.AddProject(project);
            }

            if (problem is not null)
            {
                skipped.Add(problem);
            }
        }

        return (solution, skipped);
    }

    /// <summary>Tells whether a project file is one this reader reads as C#: a .csproj or an .xproj.</summary>
    public static bool IsCSharpProjectFile(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || IsXproj(path);

    /// <summary>Tells whether a project file is an .xproj, whose project.json says what it compiles and references.</summary>
    public static bool IsXproj(string path) => path.EndsWith(".xproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the options a project read from its file parses with: the newest language, for binding.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Preview).ForBinding();

    /// <summary>The project files a solution lists (or the project itself), absolute and sorted.</summary>
    public static async Task<List<string>> ProjectPathsAsync(string solutionPath, CancellationToken cancellationToken)
    {
        if (WorkspaceLoader.OpensOneProject(solutionPath))
        {
            return [solutionPath];
        }

        var model = await OpenSolutionAsync(solutionPath, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(solutionPath)!;
        return model.SolutionProjects
            .Select(p => Path.GetFullPath(Path.Combine(folder, p.FilePath.Replace('\\', '/'))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // A solution file comes from the repository: read at most MaxSolutionBytes of it, and whatever the serializer
    // cannot make of it (not a solution, unclosed XML, a project listed twice, a project path with no known type)
    // is one line naming the file, not a stack trace.
    private static async Task<SolutionModel> OpenSolutionAsync(string solutionPath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(solutionPath);
        try
        {
            using var stream = new MemoryStream(BoundedFile.ReadAllBytes(solutionPath, MaxSolutionBytes));
            var opening = solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
                ? SolutionSerializers.SlnXml.OpenAsync(stream, cancellationToken)
                : solutionPath.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
                    ? SolutionSerializers.SlnFileV12.OpenAsync(stream, cancellationToken)
                    : throw new LoadException($"{name}: not a solution file this tool can read.");
            return await opening.ConfigureAwait(false);
        }
        catch (FileTooLargeException e)
        {
            throw new LoadException($"{e.Message}; a solution file lists projects, it is not that large.");
        }
        catch (Exception e) when (e is SolutionException or XmlException or FormatException or ArgumentException or InvalidDataException)
        {
            var reason = e.Message.ReplaceLineEndings("\n").Split('\n')[0].TrimEnd('.');
            throw new LoadException($"{name}: not a solution file this tool can read ({(reason.Length > 200 ? reason[..200] + "…" : reason)}).");
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            throw FileAccessException.From(e, solutionPath);
        }
    }

    /// <summary>Each loaded project file's project (the first by name when several target frameworks share the file).</summary>
    public static Dictionary<string, ProjectId> ProjectIdsByFile(Solution solution) =>
        solution.Projects
            .Where(p => p.FilePath is not null)
            .GroupBy(p => p.FilePath!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First().Id, StringComparer.Ordinal);

    /// <summary>The absolute paths of a project file's ProjectReference items, each once (none when the file cannot be read).</summary>
    public static IEnumerable<string> ProjectReferencePaths(string path) =>
        TryLoad(path, out _) is { } xml ? ReferencePaths(Path.GetDirectoryName(path)!, Items(xml)) : [];

    /// <summary>Reads a project from its file, or says why it cannot be read (a warning: the rest of the solution loads).</summary>
    /// <param name="path">The project file's absolute path.</param>
    /// <param name="ids">The ids of the solution's projects by file, this one's included.</param>
    /// <param name="problem">
    /// Why it could not be read, when it returns null; else what of it could not be read (an .xproj's
    /// project.json), or null. Either is a warning.
    /// </param>
    public static ProjectInfo? TryReadProject(string path, IReadOnlyDictionary<string, ProjectId> ids, out string? problem)
    {
        var xml = TryLoad(path, out problem);
        if (xml is null)
        {
            return null;
        }

        return IsXproj(path) ? ReadXproj(path, ids, out problem) : ReadProject(path, xml, ids);
    }

    /// <summary>Tells whether a project file can be read, and if not, why (as a warning).</summary>
    public static bool IsReadable(string path, out string? problem) => TryLoad(path, out problem) is not null;

    private static XDocument? TryLoad(string path, out string? problem)
    {
        try
        {
            problem = null;
            using var bytes = new MemoryStream(BoundedFile.ReadAllBytes(path, BoundedFile.SmallFileBytes));
            return XDocument.Load(bytes, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is System.Xml.XmlException || FileAccessException.Covers(e))
        {
            problem = $"skipped project {Path.GetFileName(path)}: its project file could not be read ({e.Message}).";
            return null;
        }
    }

    private static ProjectInfo ReadProject(string path, XDocument xml, IReadOnlyDictionary<string, ProjectId> ids)
    {
        var folder = Path.GetDirectoryName(path)!;
        var items = Items(xml);
        var files = CompileFiles(folder, xml, items);
        var id = ids[path];
        var documents = files.Select(f => Document(id, f)).ToList();
        var usings = Attributes(items, "Using", "Include").ToList();
        if (string.Equals(Property(xml, "ImplicitUsings"), "enable", StringComparison.OrdinalIgnoreCase) || UpTreeEnablesImplicitUsings(folder))
        {
            usings.AddRange(ImplicitUsings);
        }

        if (usings.Count > 0)
        {
            documents.Add(GlobalUsings(id, usings));
        }

        // A reference to itself is left out, as ReferenceCycles does for a loaded solution: Roslyn would wait forever binding it.
        var references = ReferencePaths(folder, items).Where(r => r != path && ids.ContainsKey(r)).Select(r => new ProjectReference(ids[r]));
        return Create(path, id, documents, references);
    }

    // An .xproj holds nothing to compile by: its project.json does, and its dependencies on the solution's
    // projects are matched by project name (the file name without extension), as the project system did.
    private static ProjectInfo ReadXproj(string path, IReadOnlyDictionary<string, ProjectId> ids, out string? problem)
    {
        var folder = Path.GetDirectoryName(path)!;
        var json = ProjectJson.Read(folder, out problem);
        var id = ids[path];
        var documents = XprojFiles(folder, json).Select(f => Document(id, f)).ToList();
        var byName = ids.Keys
            .Where(IsCSharpProjectFile)
            .Order(StringComparer.Ordinal)
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var references = json.Dependencies
            .Select(d => byName.GetValueOrDefault(d))
            .OfType<string>()
            .Where(r => r != path)
            .Select(r => new ProjectReference(ids[r]));
        return Create(path, id, documents, references);
    }

    private static ProjectInfo Create(string path, ProjectId id, IEnumerable<DocumentInfo> documents, IEnumerable<ProjectReference> references)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return ProjectInfo.Create(id, VersionStamp.Default, name, name, LanguageNames.CSharp, filePath: path, documents: documents,
            projectReferences: references,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: ParseOptions);
    }

    private static DocumentInfo Document(ProjectId id, string file) =>
        DocumentInfo.Create(DocumentId.CreateNewId(id), Path.GetFileName(file), loader: new FileTextLoader(file, defaultEncoding: null), filePath: file);

    /// <summary>Lists the C# files a project compiles, as read from its file (absolute, sorted); empty when it cannot be read.</summary>
    /// <param name="path">The project file's absolute path.</param>
    public static IReadOnlyCollection<string> CompileFiles(string path)
    {
        if (TryLoad(path, out _) is not { } xml)
        {
            return [];
        }

        var folder = Path.GetDirectoryName(path)!;
        return IsXproj(path) ? XprojFiles(folder, ProjectJson.Read(folder, out _)) : CompileFiles(folder, xml, Items(xml));
    }

    private static List<XElement> Items(XDocument xml) =>
        xml.Descendants().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()).ToList();

    private static string Property(XDocument xml, string name) =>
        xml.Descendants().LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? string.Empty;

    private static IEnumerable<string> Attributes(List<XElement> items, string item, string attribute) => items
        .Where(e => e.Name.LocalName == item)
        .Select(e => e.Attribute(attribute)?.Value)
        .OfType<string>()
        .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(v => v.Replace('\\', '/'));

    // A project may reference another once per target framework, in conditional item groups: each is listed once.
    private static IEnumerable<string> ReferencePaths(string folder, List<XElement> items) =>
        Attributes(items, "ProjectReference", "Include").Select(r => Path.GetFullPath(Path.Combine(folder, r))).Distinct(StringComparer.Ordinal);

    private static SortedSet<string> CompileFiles(string folder, XDocument xml, List<XElement> items)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (!string.Equals(Property(xml, "EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase))
        {
            files.UnionWith(DefaultCompileItems(folder));
        }

        files.UnionWith(Expand(folder, Attributes(items, "Compile", "Include")));
        files.ExceptWith(Expand(folder, Attributes(items, "Compile", "Remove")));
        return files;
    }

    private static SortedSet<string> XprojFiles(string folder, ProjectJson json)
    {
        var files = new SortedSet<string>(DefaultCompileItems(folder), StringComparer.Ordinal);
        files.UnionWith(Expand(folder, json.CompileIncludes));
        files.ExceptWith(Expand(folder, json.CompileExcludes));
        return files;
    }

    /// <summary>A generated document of global usings, as the SDK writes for implicit usings and Using items.</summary>
    public static DocumentInfo GlobalUsings(ProjectId projectId, IEnumerable<string> namespaces)
    {
        var text = string.Concat(namespaces.Distinct(StringComparer.Ordinal).Select(u => $"global using global::{u};\n"));
        return DocumentInfo.Create(
            DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default)));
    }

    // The SDK compiles **/*.cs below the project folder, except build output; folders of other projects
    // (a .csproj or an .xproj of their own) are left out here as well, which is what such repositories intend.
    private static IEnumerable<string> DefaultCompileItems(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj" || name.StartsWith('.') || HoldsProject(child))
            {
                continue;
            }

            foreach (var file in DefaultCompileItems(child))
            {
                yield return file;
            }
        }
    }

    // One listing of the folder, not one per extension: on a large solution read from its project files this
    // runs for every folder.
    private static bool HoldsProject(string folder) =>
        Directory.EnumerateFiles(folder, "*proj").Any(IsCSharpProjectFile);

    // A wildcard pattern's files are listed from the folder its leading plain segments name, so that
    // "../Shared/*.cs" reaches outside the project folder.
    private static IEnumerable<string> Expand(string folder, IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
            {
                var full = Path.GetFullPath(Path.Combine(folder, pattern));
                if (File.Exists(full))
                {
                    yield return full;
                }

                continue;
            }

            var segments = pattern.Split('/');
            var plain = segments.TakeWhile(s => !s.Contains('*', StringComparison.Ordinal) && !s.Contains('?', StringComparison.Ordinal)).Count();
            var from = Path.GetFullPath(Path.Combine([folder, .. segments[..plain]]));
            if (!Directory.Exists(from))
            {
                continue;
            }

            var glob = Glob.Parse(string.Join('/', segments[plain..]));
            foreach (var file in DefaultCompileItems(from))
            {
                if (glob.IsMatch(Path.GetRelativePath(from, file).Replace('\\', '/')))
                {
                    yield return file;
                }
            }
        }
    }

    // A Directory.Build.props that cannot be read enables nothing (MSBuild, when it evaluates, says why).
    private static string ReadOrEmpty(string path)
    {
        try
        {
            return BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes);
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return string.Empty;
        }
    }

    private static bool UpTreeEnablesImplicitUsings(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var props = Path.Combine(dir.FullName, "Directory.Build.props");
            if (File.Exists(props) && ReadOrEmpty(props).Contains("<ImplicitUsings>enable</ImplicitUsings>", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
