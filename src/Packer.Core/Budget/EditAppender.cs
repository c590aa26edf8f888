using Packer.Core.Caching;
using Packer.Core.Ordering;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Text;
using Packer.Core.Tokenization;

namespace Packer.Core.Budget;

/// <summary>
/// Repeats an earlier bundle byte for byte and appends what changed since, so that a prompt cache reuses
/// all of it. Keeping the earlier bundle's files in place (<see cref="BudgetPlanner"/>) still breaks the
/// prefix at the first file the session edited, and a session edits the files next to its targets, which
/// sit late but not last. Here every earlier block stays as it was, stale text included, and an edits
/// segment at the end holds the targets' new neighbours in full, then, for each file whose
/// text changed, a unified diff from the text the bundle last showed of it (or its new text, if shorter).
/// This holds while the changes fit within the room a session bundle keeps free for them
/// (<c>--edit-room</c>) and the cap; then the run packs afresh and the cycle starts again, so stale text
/// never outweighs that room.
/// </summary>
internal sealed class EditAppender(IBundleRenderer renderer, TokenCounter counter, FileTexts texts)
{
    /// <summary>The earlier bundle with this run's edits appended, or null and why not.</summary>
    /// <param name="header">This run's header; the earlier one must render the same.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="session">The earlier bundle's blocks.</param>
    /// <param name="arrivals">Files a fresh selection would now add next to the targets, most relevant first.</param>
    /// <param name="room">The most tokens the edits segment may hold, earlier edits included.</param>
    /// <param name="maxTokens">The cap on the rendered text.</param>
    public (Selection? Selection, string Why) Append(
        BundleHeader header, IReadOnlyList<RankedFile> ranked, PreviousBundle.State session, IReadOnlyList<BundleEntry> arrivals, int room, int maxTokens)
    {
        if (ContentHash.Of(renderer.Begin(header)) != session.Header)
        {
            return (null, "the header changed (projects or their references)");
        }

        var byPath = ranked.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var views = new Dictionary<string, string?>(session.Views, StringComparer.Ordinal);
        var changes = new List<BundleEntry>();
        foreach (var block in session.Segments.SelectMany(s => s.Entries).Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures))
        {
            var now = byPath.ContainsKey(block.Path) ? texts.Shown(block.Path, block.Fidelity) : null;
            if (views[block.Path] != now)
            {
                changes.Add(Change(block, views[block.Path], now));
                views[block.Path] = now;
            }
        }

        // The new neighbours go in too, whatever they cost: they are what the edit made the targets use.
        var newcomers = arrivals.Where(a => !views.ContainsKey(a.Path)).Reverse().ToList();
        var appended = newcomers.Concat(changes).ToList();
        var segments = session.Segments.ToList();
        if (appended.Count > 0)
        {
            var earlier = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries : [];
            segments = [.. segments.Where(s => s.Kind != SegmentKind.Edits), new BundleSegment(SegmentKind.Edits, [.. earlier, .. appended])];
        }

        var edits = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries.Sum(Tokens) : 0;
        var content = new BundleContent(header, segments);
        var rendered = BundleComposer.Compose(renderer, content, counter);
        var total = counter.Count(rendered.Text);
        if (edits > room || total > maxTokens)
        {
            return (null, $"its edits ({edits} tokens) outgrew the room kept for them ({room}) or the cap; packed afresh");
        }

        var blocks = content.Entries.Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures)
            .DistinctBy(e => e.Path, StringComparer.Ordinal).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var warnings = ranked.Where(f => f.IsTarget)
            .Select(f => BudgetPlanner.TargetWarning(f.Path, blocks.TryGetValue(f.Path, out var b) ? b.Fidelity : Fidelity.Listed, maxTokens, room))
            .OfType<string>().ToList();
        var diffs = changes.Count(c => c.Fidelity == Fidelity.Diff);
        var selection = new Selection(content, Decisions(ranked, content), rendered, total, warnings, session.Views.Count)
        {
            Views = views.Where(v => v.Value != blocks[v.Key].Text).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            AppendedEdits = appended.Count,
            Reuse = $"repeated the earlier bundle and appended {diffs} diffs, {changes.Count - diffs} changed files in full and {newcomers.Count} new files",
        };
        return (selection, string.Empty);
    }

    // A block's change as a diff from the text last shown, or as the new text when that is shorter (a file
    // mostly rewritten); a gone file is always a diff, to /dev/null.
    private BundleEntry Change(BundleEntry block, string? before, string? now)
    {
        var diff = block with { Fidelity = Fidelity.Diff, Text = UnifiedDiff.Of(block.Path, before, now) };
        return now is null || Tokens(diff) <= Tokens(block with { Text = now }) ? diff : block with { Text = now };
    }

    private int Tokens(BundleEntry entry) => counter.Count(renderer.File(entry, first: false));

    // Each ranked file at the fidelity of its first block, its tokens those of all its blocks.
    private Dictionary<string, FileDecision> Decisions(IReadOnlyList<RankedFile> ranked, BundleContent content)
    {
        var blocks = content.Entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return ranked.ToDictionary(
            f => f.Path,
            f => blocks.TryGetValue(f.Path, out var mine) ? new FileDecision(mine[0].Fidelity, mine.Sum(Tokens)) : new FileDecision(Fidelity.Omitted, 0),
            StringComparer.Ordinal);
    }
}
