using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// A project that was never restored has no framework references at all, and then even extension
/// methods cannot bind (their attribute lives in the framework). Such projects get the reference
/// assemblies of the installed .NET SDK's targeting packs, so the semantic model works as if restored.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly string[] CoreLibraries = ["System.Runtime.dll", "mscorlib.dll", "netstandard.dll", "System.Private.CoreLib.dll"];
    private static readonly string[] Packs = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    /// <summary>Adds framework references to each C# project that has none; returns the solution and how many projects got them.</summary>
    public static (Solution Solution, int Patched) AddWhereMissing(Solution solution)
    {
        var patched = 0;
        IReadOnlyList<MetadataReference>? references = null;
        foreach (var projectId in solution.ProjectIds.OrderBy(id => solution.GetProject(id)!.Name, StringComparer.Ordinal))
        {
            var project = solution.GetProject(projectId)!;
            if (project.Language != LanguageNames.CSharp || HasCoreLibrary(project))
            {
                continue;
            }

            references ??= ReferenceAssemblies();
            if (references.Count == 0)
            {
                break;
            }

            solution = solution.AddMetadataReferences(projectId, references);
            patched++;
        }

        return (solution, patched);
    }

    private static bool HasCoreLibrary(Project project) =>
        project.MetadataReferences.OfType<PortableExecutableReference>()
            .Any(r => CoreLibraries.Contains(Path.GetFileName(r.FilePath ?? string.Empty), StringComparer.OrdinalIgnoreCase));

    /// <summary>The reference assemblies of the installed SDK's newest targeting packs.</summary>
    public static List<MetadataReference> ReferenceAssemblies()
    {
        // The running runtime sits at <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var references = new List<MetadataReference>();
        foreach (var pack in Packs)
        {
            var folder = Newest(Path.Combine(dotnetRoot, "packs", pack), "*");
            var refFolder = folder is null ? null : Newest(Path.Combine(folder, "ref"), "net*");
            if (refFolder is null)
            {
                continue;
            }

            references.AddRange(Directory.EnumerateFiles(refFolder, "*.dll")
                .Order(StringComparer.Ordinal)
                .Select(path => MetadataReferences.FromFile(path, [])));
        }

        return references;
    }

    private static string? Newest(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder, pattern)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).TrimStart('n', 'e', 't'), out var v) ? v : new Version(0, 0))
                .ThenByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
}
