using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.Targeting;

namespace Packer.Core.Module;

/// <summary>
/// Suggests narrower targets inside targets too large for the cap: for a project or a namespace, the namespaces
/// one level below the one all its files share; for a folder (or a project whose files share one namespace), its
/// subfolders. Largest first, with their sizes, so the manifest and the warning can say where to look closer.
/// </summary>
internal static class Narrowing
{
    /// <summary>The largest parts of the targets, as specs.</summary>
    /// <param name="targets">The targets, as given.</param>
    /// <param name="index">The syntax index (the namespaces each file declares).</param>
    /// <param name="centrality">Each target file's measures (its size).</param>
    /// <param name="count">How many to suggest at most.</param>
    public static IReadOnlyList<NarrowerTarget> Suggest(
        IReadOnlyList<ResolvedTarget> targets, SyntaxIndex index, IReadOnlyDictionary<string, FileCentrality> centrality, int count) => targets
        .Where(t => t.Kind is TargetKind.Project or TargetKind.Namespace or TargetKind.Folder)
        .SelectMany(t => t.Kind == TargetKind.Folder ? Folders(t.Files) : Namespaces(t.Files, index) is { Count: > 0 } parts ? parts : Folders(t.Files))
        .Select(part => new NarrowerTarget(part.Spec, part.Files.Count, part.Files.Sum(f => centrality.GetValueOrDefault(f)?.ApproxTokens ?? 0)))
        .DistinctBy(n => n.Spec, StringComparer.Ordinal)
        .OrderByDescending(n => n.ApproxTokens)
        .ThenByDescending(n => n.Files)
        .ThenBy(n => n.Spec, StringComparer.Ordinal)
        .Take(count)
        .ToList();

    // The namespaces one level below the one most of the files share.
    private static List<(string Spec, List<string> Files)> Namespaces(IReadOnlyList<string> files, SyntaxIndex index) => Parts(
        files.Select(f => (File: f, Namespace: index[f]?.Namespaces.FirstOrDefault(n => n.Length > 0)))
            .Where(f => f.Namespace is not null)
            .Select(f => (f.File, f.Namespace!.Split('.')))
            .ToList(),
        ".",
        "namespace:");

    // The folders one level below the one most of the files share.
    private static List<(string Spec, List<string> Files)> Folders(IReadOnlyList<string> files) =>
        Parts(files.Select(f => (f, f.Split('/')[..^1])).ToList(), "/", "folder:");

    // Splits the largest part into the parts one level below it while it holds more than half the files, so a
    // trunk that holds them all (Bit, Bit.Core) gives way to its branches, and a branch holding most of them to
    // its own, its siblings kept. Files directly in a part that is split are not in any suggestion.
    private static List<(string Spec, List<string> Files)> Parts(List<(string File, string[] Segments)> files, string separator, string kind)
    {
        var parts = new List<(string Spec, int Depth, List<(string File, string[] Segments)> Files)> { (string.Empty, 0, files) };
        while (true)
        {
            var largest = parts.OrderByDescending(p => p.Files.Count).ThenBy(p => p.Spec, StringComparer.Ordinal).First();
            var below = largest.Files
                .Where(f => f.Segments.Length > largest.Depth)
                .GroupBy(f => string.Join(separator, f.Segments[..(largest.Depth + 1)]), StringComparer.Ordinal)
                .Select(g => (Spec: kind + g.Key, Depth: largest.Depth + 1, Files: g.ToList()))
                .ToList();
            if (largest.Files.Count * 2 <= files.Count || below.Count == 0)
            {
                return parts.Where(p => p.Depth > 0).Select(p => (p.Spec, p.Files.Select(f => f.File).ToList())).ToList();
            }

            parts.Remove(largest);
            parts.AddRange(below);
        }
    }
}
