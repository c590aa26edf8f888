using Packer.Core.Budget;
using Packer.Core.Ranking;
using Packer.Core.Rendering;

namespace Packer.Core.Ordering;

/// <summary>
/// Decides where each chosen file goes, apart from what was chosen: from the least to the most likely to
/// change, so that a prompt cache keeps as long a prefix as possible after the session's own edits. The
/// files a session edits are the ones nearest its targets, so stable files come first: those reached
/// through the graph nearest first (two hops, then three and more), then the unreached ones (chosen on
/// weaker evidence, so least surely chosen again), each tier oldest change first; then the volatile ones
/// (next to a target, changed in the working tree, listed by path); the targets last, nearest to the
/// question. (Farthest first, and oldest change first without tiers, were measured and keep less.)
/// </summary>
internal static class StabilityOrder
{
    /// <summary>
    /// Whether a non-target file is likely to change with the targets: it is next to one, was committed
    /// together with one before, or is changed in the working tree.
    /// </summary>
    public static bool IsVolatile(RankedFile file, GitHistory? git) =>
        file.Distance == 1 || file.Signals.History > 0 || git?.Changed.Contains(file.Path) == true;

    /// <summary>Places the chosen files into segments.</summary>
    /// <param name="chosen">The chosen files with their entries.</param>
    /// <param name="git">The repository's history, if any.</param>
    /// <param name="fills">Files chosen only to fill what rounding the budget left over; they count as volatile.</param>
    public static IReadOnlyList<BundleSegment> Arrange(IReadOnlyList<(RankedFile File, BundleEntry Entry)> chosen, GitHistory? git, IReadOnlySet<string> fills)
    {
        bool IsVolatile(RankedFile f) => StabilityOrder.IsVolatile(f, git) || fills.Contains(f.Path);

        // Files git does not know (new, untracked) sort as the newest.
        long LastChange(string path) => git is null ? 0 : git.LastChange.GetValueOrDefault(path, long.MaxValue);
        // Stable files reached through the graph first, nearest first, and files chosen on weaker evidence
        // (unreached, so least surely chosen again after an edit) last; volatile ones least often changed
        // with the targets first.
        List<BundleEntry> ByAge(IEnumerable<(RankedFile File, BundleEntry Entry)> files) => files
            .OrderBy(c => c.File.Distance ?? int.MaxValue)
            .ThenBy(c => c.File.Signals.History)
            .ThenBy(c => LastChange(c.File.Path))
            .ThenBy(c => c.File.Path, StringComparer.Ordinal)
            .Select(c => c.Entry)
            .ToList();

        var others = chosen.Where(c => !c.File.IsTarget).ToList();
        var content = others.Where(c => c.Entry.Fidelity != Fidelity.Listed).ToList();
        var listed = others.Where(c => c.Entry.Fidelity == Fidelity.Listed).Select(c => c.Entry);
        return
        [
            new BundleSegment(SegmentKind.Stable, ByAge(content.Where(c => !IsVolatile(c.File)))),
            new BundleSegment(SegmentKind.Volatile, [.. ByAge(content.Where(c => IsVolatile(c.File))), .. listed]),
            new BundleSegment(SegmentKind.Targets, chosen.Where(c => c.File.IsTarget).OrderBy(c => c.File.Path, StringComparer.Ordinal).Select(c => c.Entry).ToList()),
        ];
    }
}
