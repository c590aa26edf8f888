using Packer.Core.Ordering;
using Packer.Core.Output;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Budget;

/// <summary>
/// Decides what goes in and at what fidelity; <see cref="StabilityOrder"/> decides where. Targets first,
/// then every other file in rank order, in full if it fits, else as signatures if those fit, and the rest
/// listed by path while room remains. So that the session's own edits do not move files across the budget
/// boundary (and so break the cached prefix early), the targets' allotment and that of the volatile files
/// next to them are rounded up to steps of the cap, and the stable files are chosen again within what is
/// left: small changes to targets and their neighbours leave the stable choice as it was. Given the previous
/// bundle's layout, its files are kept first, in order, for as long as each would render the same bytes and
/// fits beside the new neighbours of the targets; fresh choices fill what they leave. Block costs are
/// estimated one by one; then the whole rendered text is counted and, while it is over the cap, the
/// last-added blocks go, so the cap holds on the final text exactly as the tokenizer counts it.
/// </summary>
internal sealed class BudgetPlanner(IBundleRenderer renderer, TokenCounter counter, FileTexts texts, GitHistory? git)
{
    // A block's text is at least this many characters per token; a longer text is not worth pricing
    // against a smaller remaining budget.
    private const int MaxCharsPerToken = 16;

    // Share of the cap kept for listing paths that found no room as content, so the bundle always names
    // the next most relevant files.
    private const double ListingShare = 0.05;

    // The targets' allotment grows in steps of a sixteenth of the cap, the volatile files' in steps of a
    // thirty-second: coarse enough that a typical edit stays within its step, fine enough to waste little.
    private const int TargetQuanta = 16;
    private const int VolatileQuanta = 32;

    private readonly Dictionary<(string Path, Fidelity Fidelity), Choice> prices = [];

    /// <summary>Chooses the files and their fidelity, and arranges them.</summary>
    /// <param name="header">The bundle's header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="maxTokens">The cap on the rendered text.</param>
    /// <param name="previous">The previous bundle's layout, to keep as a prefix (may be null).</param>
    /// <param name="room">Tokens a fresh selection leaves free for the edits later runs append (see <see cref="EditAppender"/>).</param>
    public Selection Plan(BundleHeader header, IReadOnlyList<RankedFile> ranked, int maxTokens, PreviousBundle? previous, int room)
    {
        // The room comes off the top, targets included: a project target can fill any cap.
        var remaining = maxTokens - Frame(header);
        room = Math.Clamp(room, 0, Math.Max(0, remaining));
        remaining -= room;
        var warnings = new List<string>();
        var chosen = PlanTargets(ranked.Where(f => f.IsTarget).ToList(), remaining, maxTokens, room, warnings);
        var targetTokens = chosen.Sum(c => c.Tokens);
        var targetAllotment = Allotment(targetTokens, maxTokens / TargetQuanta, remaining);
        remaining -= targetAllotment;
        var content = remaining - (int)(maxTokens * ListingShare);

        // The earlier bundle, repeated with this run's edits appended, when they fit.
        var arrivals = NewVolatile(previous, ranked, content);
        var why = string.Empty;
        if (previous?.Session is { } session)
        {
            (var appended, why) = new EditAppender(renderer, counter, texts)
                .Append(header, ranked, session, arrivals.Select(c => c.Entry).ToList(), room, maxTokens);
            if (appended is not null)
            {
                return appended;
            }
        }

        // Else the earlier files are kept in place while unchanged. They may use what rounding the targets'
        // allotment left over, as the files they were chosen with did, but not what the volatile files new
        // since the previous bundle need: a file the session's edit made the target use must not lose its
        // place to an older one.
        var kept = Keep(previous, ranked, content + (targetAllotment - targetTokens) - arrivals.Sum(c => c.Tokens));
        chosen.AddRange(kept.Select(k => k.Choice));
        content -= kept.Sum(k => k.Choice.Tokens);

        // First pass: every other file in rank order (the new volatile ones first, so that they get what was
        // kept free for them), to see which volatile files make it.
        var placed = kept.Select(k => k.Choice).Concat(arrivals).Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        var others = arrivals.Select(c => c.File).Concat(ranked.Where(f => !f.IsTarget && !placed.Contains(f.Path))).ToList();
        var volatileChoices = Choose(others, content).Where(c => StabilityOrder.IsVolatile(c.File, git)).ToList();
        chosen.AddRange(volatileChoices);
        var volatileTokens = volatileChoices.Sum(c => c.Tokens);
        var volatileAllotment = Allotment(volatileTokens, maxTokens / VolatileQuanta, content);
        content -= volatileAllotment;

        // Second pass: the stable files alone, within what the rounded allotments leave.
        var stableChoices = Choose(others.Where(f => !StabilityOrder.IsVolatile(f, git)), content);
        chosen.AddRange(stableChoices);
        content -= stableChoices.Sum(c => c.Tokens);

        // Third pass: what the rounding left over goes to the next files in rank order. (They are placed by
        // their own kind: once a previous bundle keeps them in place, their flicker no longer matters, and
        // as the least relevant files they are the least likely to change.)
        var taken = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        content += (targetAllotment - targetTokens) + (volatileAllotment - volatileTokens);
        var fill = Choose(others.Where(f => !taken.Contains(f.Path)), content);
        chosen.AddRange(fill);
        content -= fill.Sum(c => c.Tokens);

        remaining = content + (int)(maxTokens * ListingShare);
        var included = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in ranked.Where(f => !included.Contains(f.Path)))
        {
            var listing = Listing(file);
            if (listing.Tokens > remaining)
            {
                break;
            }

            chosen.Add(listing);
            remaining -= listing.Tokens;
        }

        var selection = Fit(header, ranked, chosen, kept.Select(k => k.Previous).ToList(), maxTokens, warnings);
        return previous is null ? selection : selection with { Reuse = $"{why}{(why.Length > 0 ? "; " : string.Empty)}kept {selection.KeptFiles} files in place" };
    }

    // The volatile files a fresh plan would choose that the previous bundle did not hold.
    private List<Choice> NewVolatile(PreviousBundle? previous, IReadOnlyList<RankedFile> ranked, int budget)
    {
        if (previous is null)
        {
            return [];
        }

        return Choose(ranked.Where(f => !f.IsTarget), budget)
            .Where(c => StabilityOrder.IsVolatile(c.File, git) && !previous.Held.Contains(c.File.Path))
            .ToList();
    }

    // The previous bundle's files, from its start, while each is still a ranked non-target file whose block
    // renders to the same bytes, and while they fit: the longest prefix the previous bundle can lend. A file
    // now in the lower half of the ranking and beyond twice the previous bundle's depth (its lowest-ranked
    // file then) ends it too, so that bundles handed on from session to session do not keep files the work
    // has moved away from. (A bound relative to each file's own earlier rank would end it at the very files
    // an edit stops using, which is what the prefix is kept for.)
    private List<(Choice Choice, PreviousBundle.Entry Previous)> Keep(PreviousBundle? previous, IReadOnlyList<RankedFile> ranked, int budget)
    {
        var kept = new List<(Choice, PreviousBundle.Entry)>();
        if (previous is null)
        {
            return kept;
        }

        var byPath = ranked.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var horizon = Math.Max(2 * previous.Depth, ranked.Count / 2);
        foreach (var entry in previous.Entries)
        {
            if (!byPath.TryGetValue(entry.Path, out var file) || file.IsTarget || file.Rank > horizon
                || (entry.Fidelity == Fidelity.Signatures && !IsCSharp(file)) || texts.Shown(file.Path, entry.Fidelity) is not { } text)
            {
                break;
            }

            var choice = Price(file, entry.Fidelity, text);
            if (PackedFiles.HashOf(choice.Entry) != entry.Hash || choice.Tokens > budget)
            {
                break;
            }

            kept.Add((choice, entry));
            budget -= choice.Tokens;
        }

        return kept;
    }

    // Everything but the file blocks: header, closing text, and what each segment adds (the JSON formats
    // measure segments at the end), found by rendering three segments of one listed path each.
    private int Frame(BundleHeader header)
    {
        var probe = new BundleEntry("x", string.Empty, Fidelity.Listed, string.Empty);
        var segments = new[] { SegmentKind.Stable, SegmentKind.Volatile, SegmentKind.Targets }.Select(k => new BundleSegment(k, [probe])).ToList();
        var text = BundleComposer.Compose(renderer, new BundleContent(header, segments), counter).Text;
        return counter.Count(text) - (segments.Count * counter.Count(renderer.File(probe, first: false)));
    }

    // Tokens rounded up to a whole number of steps, unless that would not fit.
    private static int Allotment(int tokens, int step, int remaining)
    {
        step = Math.Max(1, step);
        var rounded = (tokens + step - 1) / step * step;
        return rounded <= remaining ? rounded : tokens;
    }

    // Greedy in the given order: in full if it fits, else as signatures if those fit.
    private List<Choice> Choose(IEnumerable<RankedFile> files, int budget)
    {
        var chosen = new List<Choice>();
        foreach (var file in files)
        {
            if (ChooseContent(file, budget) is { } choice)
            {
                chosen.Add(choice);
                budget -= choice.Tokens;
            }
        }

        return chosen;
    }

    // All targets in full when they fit. Otherwise each target's listing line is reserved first, so none
    // goes missing; then every target goes in as signatures (in rank order, while they fit), and then
    // they are upgraded to full in rank order while the budget allows.
    private List<Choice> PlanTargets(List<RankedFile> targets, int budget, int maxTokens, int room, List<string> warnings)
    {
        var full = targets.Select(t => texts.Read(t.Path) is { } text ? Price(t, Fidelity.Full, text) : null).ToList();
        if (full.All(f => f is not null) && full.Sum(f => f!.Tokens) <= budget)
        {
            return full.Select(f => f!).ToList();
        }

        var chosen = targets.Select(Listing).ToArray();
        budget -= chosen.Sum(c => c.Tokens);
        for (var i = 0; i < targets.Count; i++)
        {
            if (full[i] is not { } whole)
            {
                continue;
            }

            var cheapest = IsCSharp(targets[i]) ? Price(targets[i], Fidelity.Signatures, texts.Shown(targets[i].Path, Fidelity.Signatures)!) : whole;
            if (cheapest.Tokens - chosen[i].Tokens <= budget)
            {
                budget -= cheapest.Tokens - chosen[i].Tokens;
                chosen[i] = cheapest;
            }
        }

        for (var i = 0; i < targets.Count; i++)
        {
            if (chosen[i].Entry.Fidelity == Fidelity.Signatures && full[i]!.Tokens - chosen[i].Tokens <= budget)
            {
                budget -= full[i]!.Tokens - chosen[i].Tokens;
                chosen[i] = full[i]!;
            }

            if (TargetWarning(targets[i].Path, chosen[i].Entry.Fidelity, maxTokens, room) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return [.. chosen];
    }

    /// <summary>The warning for a target that is not given in full, or null.</summary>
    public static string? TargetWarning(string path, Fidelity fidelity, int maxTokens, int room)
    {
        var within = room > 0 ? $"within {maxTokens} tokens less the {room} kept free for edits (--edit-room)" : $"within {maxTokens} tokens";
        return fidelity switch
        {
            Fidelity.Listed => $"target file {path} does not fit {within}, not even as signatures; it is only listed.",
            Fidelity.Signatures => $"target file {path} does not fit in full {within}; it is given as signatures.",
            _ => null,
        };
    }

    private Choice? ChooseContent(RankedFile file, int remaining)
    {
        var text = texts.Read(file.Path);
        if (text is null || text.Length > (long)remaining * MaxCharsPerToken)
        {
            return null;
        }

        var full = Price(file, Fidelity.Full, text);
        if (full.Tokens <= remaining)
        {
            return full;
        }

        if (!IsCSharp(file))
        {
            return null;
        }

        var signatures = Price(file, Fidelity.Signatures, texts.Shown(file.Path, Fidelity.Signatures)!);
        return signatures.Tokens <= remaining && signatures.Tokens < full.Tokens ? signatures : null;
    }

    private static bool IsCSharp(RankedFile file) => file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private Choice Listing(RankedFile file) => Price(file, Fidelity.Listed, string.Empty);

    private Choice Price(RankedFile file, Fidelity fidelity, string text)
    {
        if (!prices.TryGetValue((file.Path, fidelity), out var choice))
        {
            var entry = new BundleEntry(file.Path, file.Project, fidelity, text);
            prices[(file.Path, fidelity)] = choice = new Choice(file, entry, counter.Count(renderer.File(entry, first: false)));
        }

        return choice;
    }

    private Selection Fit(
        BundleHeader header,
        IReadOnlyList<RankedFile> ranked,
        List<Choice> chosen,
        IReadOnlyList<PreviousBundle.Entry> kept,
        int maxTokens,
        List<string> warnings)
    {
        while (true)
        {
            var content = new BundleContent(header, StabilityOrder.Arrange(chosen.Select(c => (c.File, c.Entry)).ToList(), git, kept));
            var rendered = BundleComposer.Compose(renderer, content, counter);
            var total = counter.Count(rendered.Text);
            if (total <= maxTokens)
            {
                var keptFiles = kept.Count(k => chosen.Exists(c => c.File.Path == k.Path));
                return new Selection(content, Decisions(ranked, chosen), rendered, total, warnings, keptFiles);
            }

            if (chosen.Count == 0)
            {
                throw new UsageException($"--max-tokens {maxTokens} cannot hold even the bundle's header ({total} tokens). Raise the cap.");
            }

            // Drop the last-added blocks until their estimated cost covers the excess.
            var excess = total - maxTokens;
            while (excess > 0 && chosen.Count > 0)
            {
                var last = chosen[^1];
                chosen.RemoveAt(chosen.Count - 1);
                excess -= last.Tokens;
                if (last.File.IsTarget)
                {
                    warnings.Add($"target file {last.File.Path} was dropped to keep the bundle within {maxTokens} tokens.");
                }
            }
        }
    }

    private static Dictionary<string, FileDecision> Decisions(IReadOnlyList<RankedFile> ranked, List<Choice> chosen)
    {
        var byPath = chosen.ToDictionary(c => c.File.Path, StringComparer.Ordinal);
        return ranked.ToDictionary(
            f => f.Path,
            f => byPath.TryGetValue(f.Path, out var c) ? new FileDecision(c.Entry.Fidelity, c.Tokens) : new FileDecision(Fidelity.Omitted, 0),
            StringComparer.Ordinal);
    }

    private sealed record Choice(RankedFile File, BundleEntry Entry, int Tokens);
}
