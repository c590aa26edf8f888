using Packer.Core.Bundle;
using Packer.Core.History;
using Packer.Core.Ordering;
using Packer.Core.Ranking;

namespace Packer.Core.Budget;

/// <summary>
/// Decides what goes in and at what fidelity; <see cref="StabilityOrder"/> decides where. First the cap is
/// split (<see cref="Split"/>): the room kept for later edits, then the targets (as signatures when they do
/// not fit in full), then every other file in rank order, in full if it fits, and the rest listed by path while room remains
/// (<see cref="Plan"/>). So that the session's own edits do not move files across the budget boundary (and so
/// break the cached prefix early), the targets' allotment and that of the volatile files next to them are
/// rounded up to steps of the cap, and the stable files are chosen again within what is left: small changes to
/// targets and their neighbours leave the stable choice as it was. Given the previous bundle's layout, its
/// files are kept first, in order, for as long as each would render the same bytes and fits beside the new
/// neighbours of the targets (<see cref="Arrivals"/>); fresh choices fill what they leave.
/// </summary>
internal sealed class BudgetPlanner(BlockPricer pricer, BundleFitter fitter, GitHistory? git)
{
    // Share of the cap kept for listing paths that found no room as content, so the bundle always names
    // the next most relevant files.
    private const double ListingShare = 0.05;

    // The targets' allotment grows in steps of a sixteenth of the cap, the volatile files' in steps of a
    // thirty-second: coarse enough that a typical edit stays within its step, fine enough to waste little.
    private const int TargetQuanta = 16;
    private const int VolatileQuanta = 32;

    /// <summary>Splits the cap: the room (off the top, targets included: a project target can fill any cap), the targets, the rest.</summary>
    /// <param name="header">The bundle's header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="maxTokens">The cap on the rendered text.</param>
    /// <param name="room">Tokens to leave free for the edits later runs append (see <see cref="EditAppender"/>).</param>
    public BudgetSplit Split(BundleHeader header, IReadOnlyList<RankedFile> ranked, int maxTokens, int room)
    {
        var remaining = maxTokens - fitter.Frame(header);
        room = Math.Clamp(room, 0, Math.Max(0, remaining));
        remaining -= room;
        var (targets, warnings) = PlanTargets(ranked.Where(f => f.IsTarget).ToList(), remaining, maxTokens, room);
        var allotment = Allotment(targets.Sum(c => c.Tokens), maxTokens / TargetQuanta, remaining);
        var content = remaining - allotment - (int)(maxTokens * ListingShare);
        return new BudgetSplit(maxTokens, room, targets, allotment, content, warnings);
    }

    /// <summary>
    /// The files a fresh plan would choose that are one edge from a target and were not in the previous run (its
    /// manifest's hops), most relevant first: what the session's edit made the targets use. Nothing else arrives
    /// on that account. A file committed together with a target is volatile from that commit on, so a session
    /// that commits its edit would otherwise bring in full every file the commit touched (14k tokens of tests on
    /// a spectre.console commit that changed 48 lines), files the session has just edited itself; and a
    /// neighbour the previous bundle only listed would come in whenever the commit's history lifted it over the
    /// budget boundary.
    /// </summary>
    public IReadOnlyList<Choice> Arrivals(BudgetSplit split, IReadOnlyList<RankedFile> ranked, PreviousBundle previous) =>
        pricer.Greedy(ranked.Where(f => !f.IsTarget), split.Content)
            .Where(c => c.File.Distance == 1 && !previous.Held.Contains(c.File.Path) && !previous.Neighbours.Contains(c.File.Path))
            .ToList();

    /// <summary>Chooses the other files within the split, keeping the previous bundle's opening files in place while unchanged.</summary>
    /// <param name="split">The split of the cap.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="previous">The previous bundle's layout (may be null).</param>
    /// <param name="arrivals">With a previous bundle, its <see cref="Arrivals"/>.</param>
    public Plan Plan(BudgetSplit split, IReadOnlyList<RankedFile> ranked, PreviousBundle? previous, IReadOnlyList<Choice> arrivals)
    {
        // The earlier files are kept in place while unchanged. They may use what rounding the targets'
        // allotment left over, as the files they were chosen with did, but not what the volatile files new
        // since the previous bundle need: a file the session's edit made the target use must not lose its
        // place to an older one.
        var chosen = split.Targets.ToList();
        var kept = Keep(previous, ranked, split.Content + split.TargetSlack - arrivals.Sum(c => c.Tokens));
        chosen.AddRange(kept.Select(k => k.Choice));
        var content = split.Content - kept.Sum(k => k.Choice.Tokens);

        // First pass: every other file in rank order (the new volatile ones first, so that they get what was
        // kept free for them), to see which volatile files make it.
        var placed = kept.Select(k => k.Choice).Concat(arrivals).Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        var others = arrivals.Select(c => c.File).Concat(ranked.Where(f => !f.IsTarget && !placed.Contains(f.Path))).ToList();
        var volatileChoices = pricer.Greedy(others, content).Where(c => StabilityOrder.IsVolatile(c.File, git)).ToList();
        chosen.AddRange(volatileChoices);
        var volatileTokens = volatileChoices.Sum(c => c.Tokens);
        var volatileAllotment = Allotment(volatileTokens, split.MaxTokens / VolatileQuanta, content);
        content -= volatileAllotment;

        // Second pass: the stable files alone, within what the rounded allotments leave.
        var stableChoices = pricer.Greedy(others.Where(f => !StabilityOrder.IsVolatile(f, git)), content);
        chosen.AddRange(stableChoices);
        content -= stableChoices.Sum(c => c.Tokens);

        // Third pass: what the rounding left over goes to the next files in rank order. (They are placed by
        // their own kind: once a previous bundle keeps them in place, their flicker no longer matters, and
        // as the least relevant files they are the least likely to change.)
        var taken = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        content += split.TargetSlack + (volatileAllotment - volatileTokens);
        var fill = pricer.Greedy(others.Where(f => !taken.Contains(f.Path)), content);
        chosen.AddRange(fill);
        content -= fill.Sum(c => c.Tokens);

        chosen.AddRange(Listings(ranked, chosen, content + (int)(split.MaxTokens * ListingShare)));
        return new Plan(chosen, kept.Select(k => k.Previous).ToList(), split.Warnings);
    }

    /// <summary>The warning for a target that is not given in full, or null.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="fidelity">How it is given.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <param name="room">The tokens kept free for edits.</param>
    /// <param name="skipped">Why the file cannot go in at all (binary, too large, unreadable), when that is why it is listed.</param>
    public static string? TargetWarning(string path, Fidelity fidelity, int maxTokens, int room, string? skipped)
    {
        var within = room > 0 ? $"within {maxTokens} tokens less the {room} kept free for edits (--edit-room)" : $"within {maxTokens} tokens";
        return fidelity switch
        {
            Fidelity.Listed when skipped is not null => $"target file {path} is only listed: {skipped}.",
            Fidelity.Listed => $"target file {path} does not fit {within}, not even as signatures; it is only listed.",
            Fidelity.Signatures => $"target file {path} does not fit in full {within}; it is given as signatures.",
            _ => null,
        };
    }

    // The files not chosen, listed by path in rank order while their lines fit.
    private List<Choice> Listings(IReadOnlyList<RankedFile> ranked, List<Choice> chosen, int remaining)
    {
        var included = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        var listed = new List<Choice>();
        foreach (var file in ranked.Where(f => !included.Contains(f.Path)))
        {
            var listing = pricer.Listing(file);
            if (listing.Tokens > remaining)
            {
                break;
            }

            listed.Add(listing);
            remaining -= listing.Tokens;
        }

        return listed;
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
                || (entry.Fidelity == Fidelity.Signatures && !BlockPricer.IsCSharp(file)) || pricer.Texts.Shown(file.Path, entry.Fidelity) is not { } text)
            {
                break;
            }

            var choice = pricer.Price(file, entry.Fidelity, text);
            if (choice.Entry.Hash != entry.Hash || choice.Tokens > budget)
            {
                break;
            }

            kept.Add((choice, entry));
            budget -= choice.Tokens;
        }

        return kept;
    }

    // Tokens rounded up to a whole number of steps, unless that would not fit.
    private static int Allotment(int tokens, int step, int remaining)
    {
        step = Math.Max(1, step);
        var rounded = (tokens + step - 1) / step * step;
        return rounded <= remaining ? rounded : tokens;
    }

    // All targets in full when they fit. Otherwise each target's listing line is reserved first, so none
    // goes missing; then every target goes in as signatures (in rank order, while they fit), and then
    // they are upgraded to full in rank order while the budget allows.
    private (List<Choice> Chosen, List<string> Warnings) PlanTargets(List<RankedFile> targets, int budget, int maxTokens, int room)
    {
        var full = targets.Select(t => pricer.Texts.Read(t.Path) is { } text ? pricer.Price(t, Fidelity.Full, text) : null).ToList();
        if (full.All(f => f is not null) && full.Sum(f => f!.Tokens) <= budget)
        {
            return (full.Select(f => f!).ToList(), []);
        }

        var chosen = targets.Select(pricer.Listing).ToArray();
        budget -= chosen.Sum(c => c.Tokens);
        for (var i = 0; i < targets.Count; i++)
        {
            if (full[i] is not { } whole)
            {
                continue;
            }

            var cheapest = BlockPricer.IsCSharp(targets[i]) ? pricer.Price(targets[i], Fidelity.Signatures, pricer.Texts.Shown(targets[i].Path, Fidelity.Signatures)!) : whole;
            if (cheapest.Tokens - chosen[i].Tokens <= budget)
            {
                budget -= cheapest.Tokens - chosen[i].Tokens;
                chosen[i] = cheapest;
            }
        }

        var warnings = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (chosen[i].Entry.Fidelity == Fidelity.Signatures && full[i]!.Tokens - chosen[i].Tokens <= budget)
            {
                budget -= full[i]!.Tokens - chosen[i].Tokens;
                chosen[i] = full[i]!;
            }

            if (TargetWarning(targets[i].Path, chosen[i].Entry.Fidelity, maxTokens, room, pricer.Texts.SkipReason(targets[i].Path)) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return ([.. chosen], warnings);
    }
}
