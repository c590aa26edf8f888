using Packer.Core.Budget;
using Packer.Core.Ranking;
using Packer.Core.Rendering;

namespace Packer.Core.Output;

/// <summary>The ranking and the budget's decisions on it, which the manifest reports side by side.</summary>
/// <param name="Ranked">Every ranked file, in rank order.</param>
/// <param name="Selection">The budgeted selection.</param>
internal sealed record PackedFiles(IReadOnlyList<RankedFile> Ranked, Selection Selection)
{
    private readonly Dictionary<string, SegmentKind> segments = Selection.Content.Segments
        .SelectMany(s => s.Entries.Select(e => (e.Path, s.Kind)))
        .ToDictionary(x => x.Path, x => x.Kind, StringComparer.Ordinal);

    /// <summary>The segment a file went into, or null when it was omitted.</summary>
    public SegmentKind? SegmentOf(string path) => segments.TryGetValue(path, out var kind) ? kind : null;
}
