using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.History;
using Packer.Core.Ordering;
using Packer.Core.Ranking;
using Packer.Core.Tokenization;

namespace Packer.Core.Module;

/// <summary>
/// The fidelity ladder of targets larger than the cap. The outline comes first, at the richest level that fits a
/// quarter of what the cap leaves the targets. Then the central files, in the within-target ranking's order,
/// each as signatures (in full when that is no larger, or not C#) while they fit, so that the bundle shows as
/// many of the module's types as it can; then, when all that were tried fit with room to spare, the best of them
/// upgraded to full in rank order while that fits. Every other target file is only counted in the outline, never
/// listed by path. Only twice as many files as the candidates bound are tried, so pricing stays proportional to
/// what the bundle can hold. What the targets leave (a target of one huge file whose signatures are small, say)
/// goes to the other files in rank order, as it would around targets that fit, and then to the next files' paths
/// (target files' only when not even the outline fit); they are placed as ever (<see cref="StabilityOrder"/>).
/// </summary>
internal sealed class ModulePlanner(BlockPricer pricer, BundleFitter fitter, GitHistory? git)
{
    private const double OutlineShare = 0.25;
    private const int TriedPerCandidate = 2;

    /// <summary>Chooses the outline's level, the central files, and other files for what they leave.</summary>
    /// <param name="scope">The targets, measured.</param>
    /// <param name="outline">Their outline.</param>
    /// <param name="title">What the outline is of, e.g. "the target Core".</param>
    /// <param name="ranked">Every file, the targets first in their within-target order.</param>
    public ModulePlan Plan(ModuleScope scope, ModuleOutline outline, string title, IReadOnlyList<RankedFile> ranked)
    {
        var project = ranked.Where(f => f.IsTarget).Select(f => f.Project).Distinct(StringComparer.Ordinal).Take(2).ToList();
        BundleEntry? block = null;
        OutlineLevel? level = null;
        var outlineTokens = 0;
        foreach (var rung in outline.Levels)
        {
            var entry = new BundleEntry(outline.Path, project.Count == 1 ? project[0] : string.Empty, Fidelity.Outline, outline.Render(rung, title));
            var tokens = pricer.Tokens(entry);
            if (tokens <= scope.Room * OutlineShare)
            {
                (block, level, outlineTokens) = (entry, rung, tokens);
                break;
            }
        }

        var targets = ranked.Where(f => f.IsTarget).Take(TriedPerCandidate * Math.Max(1, scope.Candidates.Count)).ToList();
        var left = scope.Room - outlineTokens;
        var chosen = new List<Choice>();
        foreach (var file in targets)
        {
            if (Cheapest(file, left) is { } choice)
            {
                chosen.Add(choice);
                left -= choice.Tokens;
            }
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i].Entry.Fidelity == Fidelity.Signatures && pricer.Texts.Read(chosen[i].File.Path) is { } text
                && pricer.Price(chosen[i].File, Fidelity.Full, text) is var full && full.Tokens - chosen[i].Tokens <= left)
            {
                left -= full.Tokens - chosen[i].Tokens;
                chosen[i] = full;
            }
        }

        if (left > 0)
        {
            var others = pricer.Greedy(ranked.Where(f => !f.IsTarget), left);
            chosen.AddRange(others);
            left -= others.Sum(c => c.Tokens);
        }

        // Then the next files by path while they fit; target files only when no outline counts them.
        var shown = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in ranked.Where(f => !shown.Contains(f.Path) && (block is null || !f.IsTarget)))
        {
            var listing = pricer.Listing(file);
            if (listing.Tokens > left)
            {
                break;
            }

            chosen.Add(listing);
            left -= listing.Tokens;
        }

        return new ModulePlan(block, level, chosen);
    }

    /// <summary>Renders the plan, the outline first, dropping the last-chosen files (then the outline) until the text is within the cap.</summary>
    /// <param name="header">The bundle's header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <exception cref="UsageException">When the cap cannot hold even the header.</exception>
    public (Selection Selection, ModulePlan Fitted) Fit(BundleHeader header, IReadOnlyList<RankedFile> ranked, ModulePlan plan, int maxTokens)
    {
        var chosen = plan.Chosen.ToList();
        var outline = plan.Outline;
        while (true)
        {
            var content = Content(header, outline, chosen);
            var (rendered, total) = fitter.Render(content);
            if (total <= maxTokens)
            {
                var decisions = Outlined(fitter.Decisions(ranked, content), ranked, outline is not null);
                return (new Selection(content, decisions, rendered, total, [], 0), plan with { Outline = outline, Level = outline is null ? null : plan.Level, Chosen = chosen });
            }

            if (chosen.Count == 0 && outline is null)
            {
                throw new UsageException($"--max-tokens {maxTokens} cannot hold even the bundle's header ({total} tokens). Raise the cap.");
            }

            var excess = total - maxTokens;
            while (excess > 0 && chosen.Count > 0)
            {
                excess -= chosen[^1].Tokens;
                chosen.RemoveAt(chosen.Count - 1);
            }

            if (excess > 0 && chosen.Count == 0)
            {
                outline = null;
            }
        }
    }

    /// <summary>The decisions with the target files the bundle omits marked as counted in its outline, when it has one.</summary>
    public static Dictionary<string, FileDecision> Outlined(IReadOnlyDictionary<string, FileDecision> decisions, IReadOnlyList<RankedFile> ranked, bool outline)
    {
        var targets = ranked.Where(f => f.IsTarget).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return decisions.ToDictionary(
            d => d.Key,
            d => outline && d.Value.Fidelity == Fidelity.Omitted && targets.Contains(d.Key) ? new FileDecision(Fidelity.Outline, 0) : d.Value,
            StringComparer.Ordinal);
    }

    // The bundle's content: the outline's segment, then the files where they always go (the targets' by path, last).
    private BundleContent Content(BundleHeader header, BundleEntry? outline, IEnumerable<Choice> chosen) => new(
        header,
        [
            new BundleSegment(SegmentKind.Outline, outline is null ? [] : [outline]),
            .. StabilityOrder.Arrange(chosen.Select(c => (c.File, c.Entry)).ToList(), git, []),
        ]);

    // A file's cheapest block that fits: its signatures when smaller (C#), else its full text. A text longer than
    // the budget could hold at the most characters per token is not priced, and nothing is read or extracted when
    // the budget is below the file's listing line (a block holds its path and more): once the budget is spent, the
    // candidates left cost a lookup each, not a parse.
    private Choice? Cheapest(RankedFile file, int budget)
    {
        if (budget <= 0 || budget < pricer.Listing(file).Tokens || pricer.Texts.Read(file.Path) is not { } text)
        {
            return null;
        }

        var full = text.Length <= (long)budget * TokenCounter.MaxCharsPerToken ? pricer.Price(file, Fidelity.Full, text) : null;
        if (BlockPricer.IsCSharp(file) && pricer.Texts.Shown(file.Path, Fidelity.Signatures) is { } shown && shown.Length <= (long)budget * TokenCounter.MaxCharsPerToken)
        {
            var signatures = pricer.Price(file, Fidelity.Signatures, shown);
            if (full is null || signatures.Tokens < full.Tokens)
            {
                return signatures.Tokens <= budget ? signatures : null;
            }
        }

        return full is not null && full.Tokens <= budget ? full : null;
    }
}
