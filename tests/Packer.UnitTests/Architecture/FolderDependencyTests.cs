using System.Text.RegularExpressions;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Architecture;

/// <summary>
/// The folders of the core (one per stage, and the shared ones below them) and of the agent integrations above it
/// are layered in the pipeline's order: a folder uses only folders before it in <see cref="Layers"/>, so no arrow
/// runs against the pipeline and there is no cycle. Dependencies are read from the sources: each file's
/// <c>using Packer.Core.X</c> directives and qualified <c>Packer.Core.X.</c> names (and the same for Packer.Agents).
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>
    /// Every folder, lowest first. Text, Diagnostics, Git and Redaction are services any stage may use (they need
    /// nothing of the pipeline); Configuration holds the options every stage reads; then the stages in the order
    /// a run passes through them (docs/architecture.md); Caching keeps what the stages computed, so it sits above
    /// them; Pipeline runs them; the agent integrations (Packer.Agents) use the pipeline.
    /// </summary>
    private static readonly string[] Layers =
    [
        "Text", "Diagnostics", "Git", "Redaction",
        "Configuration",
        "Tokenization", "Loading", "Graph", "Targeting", "History", "Ranking",
        "Bundle", "Rendering", "Ordering", "Budget", "Module", "Localization", "Manifest", "Slicing", "Output",
        "Caching", "Pipeline",
        "Session", "Server", "Setup",
    ];

    private static readonly string[] Projects = ["Packer.Core", "Packer.Agents"];

    [Fact]
    public void Every_folder_uses_only_folders_below_it_in_the_pipeline()
    {
        // Given
        var graph = Dependencies();

        // When
        var against = graph
            .SelectMany(folder => folder.Value.Select(used => (From: folder.Key, To: used)))
            .Where(arrow => Array.IndexOf(Layers, arrow.To) >= Array.IndexOf(Layers, arrow.From))
            .Select(arrow => $"{arrow.From} -> {arrow.To}")
            .ToList();

        // Then
        Assert.True(graph.Count >= 20, $"only {graph.Count} folders found under src/{string.Join(", src/", Projects)}");
        Assert.Empty(graph.Keys.Except(Layers));
        Assert.True(against.Count == 0, $"folders that use folders above them (move the type, or the folder in Layers if the order is wrong): {string.Join(", ", against)}");
    }

    [Fact]
    public void The_command_line_uses_the_core_and_the_agents_through_their_public_face_only()
    {
        // Given
        var projectFiles = Projects.Select(p => Path.Combine(Fixtures.RepositoryRoot, "src", p, p + ".csproj"));

        // When
        var visibleTo = projectFiles
            .SelectMany(f => InternalsVisibleTo().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Groups[1].Value}"))
            .ToList();

        // Then
        Assert.All(visibleTo, v => Assert.Contains("Tests", v, StringComparison.Ordinal));
        Assert.DoesNotContain(
            "Packer.Agents",
            File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "src", "Packer.Core", "Packer.Core.csproj")),
            StringComparison.Ordinal);
    }

    private static Dictionary<string, SortedSet<string>> Dependencies()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var project in Projects.Select(p => Path.Combine(Fixtures.RepositoryRoot, "src", p)))
        {
            foreach (var file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
                if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || !relative.Contains('/', StringComparison.Ordinal))
                {
                    continue; // files at the root (exceptions, exit codes) are shared by all
                }

                var folder = relative[..relative.IndexOf('/', StringComparison.Ordinal)];
                var edges = graph.TryGetValue(folder, out var found) ? found : graph[folder] = new SortedSet<string>(StringComparer.Ordinal);
                foreach (Match match in Reference().Matches(File.ReadAllText(file)))
                {
                    if (match.Groups[1].Value != folder)
                    {
                        edges.Add(match.Groups[1].Value);
                    }
                }
            }
        }

        return graph;
    }

    [GeneratedRegex(@"\bPacker\.(?:Core|Agents)\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();

    [GeneratedRegex(@"<InternalsVisibleTo Include=""([^""]+)""")]
    private static partial Regex InternalsVisibleTo();
}
