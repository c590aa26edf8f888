using System.Text.RegularExpressions;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Architecture;

/// <summary>
/// The core's folders (one per stage, and the shared ones) depend on each other one way only: a cycle between
/// two folders means a type sits in the wrong one. Dependencies are read from the sources: each file's
/// <c>using Packer.Core.X</c> directives and qualified <c>Packer.Core.X.</c> names.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string Core = Path.Combine(Fixtures.RepositoryRoot, "src", "Packer.Core");

    [Fact]
    public void The_core_folders_depend_on_each_other_without_a_cycle()
    {
        // Given
        var graph = Dependencies();

        // When
        var cycle = FindCycle(graph);

        // Then
        Assert.True(graph.Count >= 10, $"only {graph.Count} folders found under {Core}");
        Assert.True(cycle is null, $"the core's folders depend on each other in a circle: {string.Join(" -> ", cycle ?? [])}");
    }

    private static Dictionary<string, SortedSet<string>> Dependencies()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Core, file).Replace('\\', '/');
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

        return graph;
    }

    private static List<string>? FindCycle(Dictionary<string, SortedSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(n => state.GetValueOrDefault(n) == 0 ? Visit(n) : null).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"\bPacker\.Core\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();
}
