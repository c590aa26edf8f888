using Packer.Core.Budget;
using Packer.Core.Caching;
using Packer.Core.Ranking;
using Packer.Core.Rendering;

namespace Packer.Core.Output;

/// <summary>The ranking and the budget's decisions on it, which the manifest reports side by side.</summary>
/// <param name="Ranked">Every ranked file, in rank order.</param>
/// <param name="Selection">The budgeted selection.</param>
internal sealed record PackedFiles(IReadOnlyList<RankedFile> Ranked, Selection Selection)
{
    private readonly Dictionary<string, Placement> placements = Selection.Content.Segments
        .SelectMany(s => s.Entries.Select(e => (Entry: e, s.Kind)))
        .Select((x, i) => (x.Entry.Path, Placement: new Placement(x.Kind, i + 1, x.Entry.Fidelity == Fidelity.Listed ? null : HashOf(x.Entry))))
        .DistinctBy(x => x.Path, StringComparer.Ordinal) // a file with diffs appended is placed where its text is
        .ToDictionary(x => x.Path, x => x.Placement, StringComparer.Ordinal);

    /// <summary>
    /// The hash the manifest records of a file's packed text (path, project, fidelity and text), so that a
    /// later run can tell whether the same block would render the same bytes.
    /// </summary>
    public static string HashOf(BundleEntry entry) => ContentHash.Of($"{entry.Path}\n{entry.Project}\n{entry.Fidelity}\n{entry.Text}");

    /// <summary>Where a file went: its segment, its 1-based position in the bundle, and its hash (none for a listed path); null when omitted.</summary>
    public Placement? PlacementOf(string path) => placements.GetValueOrDefault(path);

    /// <summary>A file's place in the bundle.</summary>
    internal sealed record Placement(SegmentKind Segment, int Position, string? Hash);
}
