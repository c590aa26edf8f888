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
/// (<c>--edit-room</c>) and the cap. When they do not, and the earlier bundle was packed afresh (it has no
/// edits segment yet), the latest changed blocks are updated where they stand instead, as few as make the
/// rest fit, so the bundle still repeats everything before the first of them. Otherwise the run packs
/// afresh and the cycle starts again, so stale text never outweighs that room.
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

        // The blocks whose file the reader now sees otherwise, in bundle order (a file appended in full
        // earlier may come twice: each is compared with what the blocks before it showed), each with its
        // change from that view. A change does not depend on where the bundle is cut, so it is made once.
        var shown = new Dictionary<string, string?>(session.Views, StringComparer.Ordinal);
        var changed = new List<BlockChange>();
        foreach (var block in Blocks(session))
        {
            var now = byPath.ContainsKey(block.Path) ? pricer.Texts.Shown(block.Path, block.Fidelity) : null;
            if (shown[block.Path] != now)
            {
                changed.Add(new BlockChange(block, now, Change(block, shown[block.Path], now)));
                shown[block.Path] = now;
            }
        }

        // The new neighbours go in too, whatever they cost: they are what the edit made the targets use.
        var newcomers = arrivals.Select(a => a.Entry).Where(a => !session.Views.ContainsKey(a.Path)).Reverse().ToList();
        var attempt = Try(header, ranked, session, newcomers, changed, [], split);
        if (attempt.Selection is null && session.Segments[^1].Kind != SegmentKind.Edits)
        {
            // The latest changed blocks updated where they stand, fewer diffs appended: the prefix ends at the
            // first updated block, which is later than where a fresh pack would end it (the first change).
            for (var appended = changed.Count - 1; appended >= 1 && attempt.Selection is null; appended--)
            {
                var cut = Try(header, ranked, session, newcomers, changed[..appended], changed[appended..], split);
                attempt = cut.Selection is null ? attempt : cut;
            }
        }

        return attempt;
    }

    // The earlier bundle's content blocks, in order (listed paths carry no text to go stale).
    private static IEnumerable<BundleEntry> Blocks(PreviousBundle.State session) =>
        session.Segments.SelectMany(s => s.Entries).Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures);

    // The earlier bundle with the changes of `appended` as diffs in the edits segment and those of `updated`
    // (from a bundle without edits) as new text in their own blocks; null when the edits outgrow the room or
    // the whole the cap.
    private AppendAttempt Try(
        BundleHeader header, IReadOnlyList<RankedFile> ranked, PreviousBundle.State session, List<BundleEntry> newcomers,
        List<BlockChange> appended, List<BlockChange> updated, BudgetSplit split)
    {
        var views = new Dictionary<string, string?>(session.Views, StringComparer.Ordinal);
        var changes = new List<BundleEntry>();
        foreach (var change in appended)
        {
            changes.Add(change.Entry);
            views[change.Block.Path] = change.Now;
        }

        var inPlace = updated.ToDictionary(c => c.Block.Path, c => c.Now, StringComparer.Ordinal);
        foreach (var (path, text) in inPlace)
        {
            views[path] = text;
        }

        var segments = inPlace.Count == 0 ? session.Segments.ToList() : session.Segments
            .Select(s => s with { Entries = [.. s.Entries.Where(e => !inPlace.TryGetValue(e.Path, out var text) || text is not null)
                .Select(e => inPlace.TryGetValue(e.Path, out var text) ? e with { Text = text! } : e)] })
            .Where(s => s.Entries.Count > 0).ToList();
        var edits = newcomers.Concat(changes).ToList();
        if (edits.Count > 0)
        {
            var earlier = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries : [];
            segments = [.. segments.Where(s => s.Kind != SegmentKind.Edits), new BundleSegment(SegmentKind.Edits, [.. earlier, .. edits])];
        }

        var editTokens = segments[^1].Kind == SegmentKind.Edits ? segments[^1].Entries.Sum(pricer.Tokens) : 0;
        var content = new BundleContent(header, segments);
        var (rendered, total) = fitter.Render(content);
        if (editTokens > split.Room || total > split.MaxTokens)
        {
            return new AppendAttempt(null, $"its edits ({editTokens} tokens) outgrew the room kept for them ({split.Room}) or the cap; packed afresh");
        }

        var blocks = content.Entries.Where(e => e.Fidelity is Fidelity.Full or Fidelity.Signatures)
            .DistinctBy(e => e.Path, StringComparer.Ordinal).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var warnings = ranked.Where(f => f.IsTarget)
            .Select(f => BudgetPlanner.TargetWarning(f.Path, blocks.TryGetValue(f.Path, out var b) ? b.Fidelity : Fidelity.Listed, split.MaxTokens, split.Room, pricer.Texts.SkipReason(f.Path)))
            .OfType<string>().ToList();
        var diffs = changes.Count(c => c.Fidelity == Fidelity.Diff);
        var kept = updated.Count == 0 ? session.Views.Count : Blocks(session).TakeWhile(b => b != updated[0].Block).Count();
        var selection = new Selection(content, fitter.Decisions(ranked, content), rendered, total, warnings, kept)
        {
            Views = views.Where(v => blocks.TryGetValue(v.Key, out var b) && v.Value != b.Text).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            AppendedEdits = edits.Count,
        };
        var where = updated.Count == 0 ? "repeated the earlier bundle" : $"repeated the earlier bundle up to {updated[0].Block.Path}, updated {updated.Count} changed files where they stand";
        return new AppendAttempt(selection, $"{where} and appended {diffs} diffs, {changes.Count - diffs} changed files in full and {newcomers.Count} new files");
    }

    // A block's change as a diff from the text last shown, or as the new text when that is shorter (a file
    // mostly rewritten); a gone file is always a diff, to /dev/null.
    private BundleEntry Change(BundleEntry block, string? before, string? now)
    {
        var diff = block with { Fidelity = Fidelity.Diff, Text = UnifiedDiff.Of(block.Path, before, now) };
        return now is null || pricer.Tokens(diff) <= pricer.Tokens(block with { Text = now }) ? diff : block with { Text = now };
    }
}

/// <summary>A block of the earlier bundle whose file the reader now sees otherwise.</summary>
/// <param name="Block">The block as the earlier bundle rendered it.</param>
/// <param name="Now">Its text now, or null when the file is gone.</param>
/// <param name="Entry">The change as the edits segment would hold it: a diff from what the reader last saw, or the new text.</param>
internal sealed record BlockChange(BundleEntry Block, string? Now, BundleEntry Entry);

/// <summary>An attempt to append a session's edits to the earlier bundle.</summary>
/// <param name="Selection">The earlier bundle with the edits appended, or null when they did not fit.</param>
/// <param name="Reason">What was appended, or why nothing was.</param>
internal sealed record AppendAttempt(Selection? Selection, string Reason);
