using Packer.Core.Bundle;
using Packer.Core.Ranking;
using Packer.Core.Text;

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
internal sealed class EditAppender(BlockPricer pricer, BundleFitter fitter)
{
    /// <summary>The earlier bundle with this run's edits appended, or null and why not.</summary>
    /// <param name="header">This run's header; the earlier one must render the same.</param>
    /// <param name="headerText">This run's rendered header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="session">The earlier bundle's blocks.</param>
    /// <param name="arrivals">Files a fresh selection would now add next to the targets, most relevant first.</param>
    /// <param name="split">The split of the cap: its room is the most tokens the edits segment may hold, earlier edits included.</param>
    public AppendAttempt Append(
        BundleHeader header, string headerText, IReadOnlyList<RankedFile> ranked, PreviousBundle.State session, IReadOnlyList<Choice> arrivals, BudgetSplit split)
    {
        if (ContentHash.Of(headerText) != session.Header)
        {
            return new AppendAttempt(null, "the header changed (projects or their references)");
        }

        var byPath = ranked.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var views = new Dictionary<string, string?>(session.Views, StringComparer.Ordinal);
        var changes = new List<BundleEntry>();
        foreach (var block in session.Segments.SelectMany(s => s.Entries).Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures))
        {
            var now = byPath.ContainsKey(block.Path) ? pricer.Texts.Shown(block.Path, block.Fidelity) : null;
            if (views[block.Path] != now)
            {
                changes.Add(Change(block, views[block.Path], now));
                views[block.Path] = now;
            }
        }

        // The new neighbours go in too, whatever they cost: they are what the edit made the targets use.
        var newcomers = arrivals.Select(a => a.Entry).Where(a => !views.ContainsKey(a.Path)).Reverse().ToList();
        var appended = newcomers.Concat(changes).ToList();
        var segments = session.Segments.ToList();
        if (appended.Count > 0)
        {
            var earlier = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries : [];
            segments = [.. segments.Where(s => s.Kind != SegmentKind.Edits), new BundleSegment(SegmentKind.Edits, [.. earlier, .. appended])];
        }

        var edits = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries.Sum(pricer.Tokens) : 0;
        var content = new BundleContent(header, segments);
        var (rendered, total) = fitter.Render(content);
        if (edits > split.Room || total > split.MaxTokens)
        {
            return new AppendAttempt(null, $"its edits ({edits} tokens) outgrew the room kept for them ({split.Room}) or the cap; packed afresh");
        }

        var blocks = content.Entries.Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures)
            .DistinctBy(e => e.Path, StringComparer.Ordinal).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var warnings = ranked.Where(f => f.IsTarget)
            .Select(f => BudgetPlanner.TargetWarning(f.Path, blocks.TryGetValue(f.Path, out var b) ? b.Fidelity : Fidelity.Listed, split.MaxTokens, split.Room))
            .OfType<string>().ToList();
        var diffs = changes.Count(c => c.Fidelity == Fidelity.Diff);
        var selection = new Selection(content, fitter.Decisions(ranked, content), rendered, total, warnings, session.Views.Count)
        {
            Views = views.Where(v => v.Value != blocks[v.Key].Text).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            AppendedEdits = appended.Count,
        };
        return new AppendAttempt(selection, $"repeated the earlier bundle and appended {diffs} diffs, {changes.Count - diffs} changed files in full and {newcomers.Count} new files");
    }

    // A block's change as a diff from the text last shown, or as the new text when that is shorter (a file
    // mostly rewritten); a gone file is always a diff, to /dev/null.
    private BundleEntry Change(BundleEntry block, string? before, string? now)
    {
        var diff = block with { Fidelity = Fidelity.Diff, Text = UnifiedDiff.Of(block.Path, before, now) };
        return now is null || pricer.Tokens(diff) <= pricer.Tokens(block with { Text = now }) ? diff : block with { Text = now };
    }
}

/// <summary>An attempt to append a session's edits to the earlier bundle.</summary>
/// <param name="Selection">The earlier bundle with the edits appended, or null when they did not fit.</param>
/// <param name="Reason">What was appended, or why nothing was.</param>
internal sealed record AppendAttempt(Selection? Selection, string Reason);
