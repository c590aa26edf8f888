using System.Text.Json;
using Packer.Core.Text;

namespace Packer.Core.Loading;

/// <summary>
/// What the project.json beside an .xproj (the 2015-2016 project system, which no installed SDK evaluates)
/// says about compiling: the dependencies that may name projects of the solution, and the compile patterns
/// it adds to or takes from the default <c>**/*.cs</c>. Includes only add (the project system's own rules
/// for when they replace the default changed between versions; reading more files costs less than missing
/// some), and target frameworks, configurations and defines are not read.
/// </summary>
/// <param name="Dependencies">The dependency names, top level and per framework, except those marked as packages; sorted.</param>
/// <param name="CompileIncludes">Compile patterns added to the default, relative to the project folder.</param>
/// <param name="CompileExcludes">Compile patterns taken out, relative to the project folder.</param>
internal sealed record ProjectJson(IReadOnlyList<string> Dependencies, IReadOnlyList<string> CompileIncludes, IReadOnlyList<string> CompileExcludes)
{
    /// <summary>The file's name.</summary>
    public const string FileName = "project.json";

    private static readonly ProjectJson Empty = new([], [], []);

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the project.json in a project folder: nothing when there is none, or when it cannot be read (then says why).</summary>
    /// <param name="folder">The .xproj's folder.</param>
    /// <param name="problem">Why the file could not be read (a warning), else null.</param>
    public static ProjectJson Read(string folder, out string? problem)
    {
        problem = null;
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes), Options);
            return json.RootElement.ValueKind == JsonValueKind.Object ? From(folder, json.RootElement) : Empty;
        }
        catch (Exception e) when (e is JsonException || FileAccessException.Covers(e))
        {
            problem = $"{FileName} of {Path.GetFileName(folder)} could not be read ({e.Message}); its project was read from the default globs, without project references.";
            return Empty;
        }
    }

    private static ProjectJson From(string folder, JsonElement root)
    {
        var dependencies = Names(Property(root, "dependencies"))
            .Concat(Objects(Property(root, "frameworks")).SelectMany(f => Names(Property(f, "dependencies"))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        // rc1 spells them at the top level; preview2 under buildOptions.compile, a pattern list or an object.
        var compile = Property(Property(root, "buildOptions"), "compile");
        var includes = Patterns(Property(root, "compile"))
            .Concat(compile.ValueKind == JsonValueKind.Object ? Patterns(Property(compile, "include")).Concat(Patterns(Property(compile, "includeFiles"))) : Patterns(compile));
        var excludes = Patterns(Property(root, "compileExclude"))
            .Concat(Patterns(Property(root, "exclude")))
            .Concat(Patterns(Property(compile, "exclude")))
            .Concat(Patterns(Property(compile, "excludeFiles")));
        return new ProjectJson(dependencies, [.. includes.Select(p => FolderToPattern(folder, p))], [.. excludes.Select(p => FolderToPattern(folder, p))]);
    }

    // "Name": "1.0.0", or "Name": { "version": ..., "target": "project" | "package" }.
    private static IEnumerable<string> Names(JsonElement dependencies) =>
        dependencies.ValueKind != JsonValueKind.Object
            ? []
            : dependencies.EnumerateObject().Where(d => !IsPackage(d.Value)).Select(d => d.Name);

    private static bool IsPackage(JsonElement dependency) =>
        Property(dependency, "target") is { ValueKind: JsonValueKind.String } target && string.Equals(target.GetString(), "package", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> Objects(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Object) : [];

    // A string (patterns separated by ';') or an array of them.
    private static IEnumerable<string> Patterns(JsonElement element)
    {
        var values = element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            _ => Enumerable.Empty<string>(),
        };
        return values
            .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.Replace('\\', '/'));
    }

    // A folder stands for everything below it, as the project system read it.
    private static string FolderToPattern(string folder, string pattern) =>
        !pattern.Contains('*', StringComparison.Ordinal) && (pattern.EndsWith('/') || Directory.Exists(Path.Combine(folder, pattern)))
            ? pattern.TrimEnd('/') + "/**/*"
            : pattern;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}
