using Packer.Core.Bundle;
using Packer.Core.History;
using Packer.Core.Ranking;

namespace Packer.Core.Ordering;

/// <summary>
/// Decides where each chosen file goes, apart from what was chosen: from the least to the most likely to
/// change, so that a prompt cache keeps as long a prefix as possible after the session's own edits. The
/// files a session edits are the ones nearest its targets. So the stable files come first, the least
/// relevant first; then the volatile ones (next to a target, committed with one before, or changed in the
/// working tree), again the least relevant first; the targets last, nearest to the question. Files kept
/// from the previous bundle (<see cref="PreviousBundle"/>) come before all of these, in their earlier order
/// and segments. Measured on real commits (issue 3's note): least relevant first keeps a prefix several
/// times longer than nearest first, or than the oldest change first, once the previous bundle is kept.
/// </summary>
internal static class StabilityOrder
{
    /// <summary>
    /// Whether a non-target file is likely to change with the targets: it is next to one, was committed
    /// together with one before, or is changed in the working tree. A file ranked for a task never is: a task's
    /// bundle is made for one job, the files it names are the ones that change, and splitting them by volatility
    /// would let the volatile files' rounded allotment push a better-ranked stable file out (spectre.console's
    /// task set at 8k: recall in full 0.39 with the split, 0.50 without).
    /// </summary>
    public static bool IsVolatile(RankedFile file, GitHistory? git) =>
        file.Task is null && (file.Distance == 1 || file.Signals.History > 0 || git?.Changed.Contains(file.Path) == true);

    /// <summary>Places the chosen files into segments.</summary>
    /// <param name="chosen">The chosen files with their entries.</param>
    /// <param name="git">The repository's history, if any.</param>
    /// <param name="kept">Files kept from the previous bundle, in their earlier order, with their earlier segments.</param>
    public static IReadOnlyList<BundleSegment> Arrange(
        IReadOnlyList<(RankedFile File, BundleEntry Entry)> chosen, GitHistory? git, IReadOnlyList<PreviousBundle.Entry> kept)
    {
        static List<BundleEntry> LeastRelevantFirst(IEnumerable<(RankedFile File, BundleEntry Entry)> files) => files
            .OrderBy(c => c.File.Score)
            .ThenBy(c => c.File.Path, StringComparer.Ordinal)
            .Select(c => c.Entry)
            .ToList();

        var byPath = chosen.ToDictionary(c => c.File.Path, c => c.Entry, StringComparer.Ordinal);
        var keptHere = kept.Where(k => byPath.ContainsKey(k.Path)).ToList();
        var keptPaths = keptHere.Select(k => k.Path).ToHashSet(StringComparer.Ordinal);
        List<BundleEntry> Kept(SegmentKind kind) => keptHere.Where(k => k.Segment == kind).Select(k => byPath[k.Path]).ToList();

        var others = chosen.Where(c => !c.File.IsTarget && !keptPaths.Contains(c.File.Path)).ToList();
        var content = others.Where(c => c.Entry.Fidelity != Fidelity.Listed).ToList();
        var stable = LeastRelevantFirst(content.Where(c => !IsVolatile(c.File, git)));
        var listed = others.Where(c => c.Entry.Fidelity == Fidelity.Listed).Select(c => c.Entry);

        // Fresh files come after every kept one; once the kept files reach into the volatile segment, the
        // fresh stable ones go there too.
        var stableIsClosed = keptHere.Any(k => k.Segment == SegmentKind.Volatile);
        return
        [
            new BundleSegment(SegmentKind.Stable, [.. Kept(SegmentKind.Stable), .. stableIsClosed ? [] : stable]),
            new BundleSegment(SegmentKind.Volatile, [.. Kept(SegmentKind.Volatile), .. stableIsClosed ? stable : [], .. LeastRelevantFirst(content.Where(c => IsVolatile(c.File, git))), .. listed]),
            new BundleSegment(SegmentKind.Targets, chosen.Where(c => c.File.IsTarget).OrderBy(c => c.File.Path, StringComparer.Ordinal).Select(c => c.Entry).ToList()),
        ];
    }
}
