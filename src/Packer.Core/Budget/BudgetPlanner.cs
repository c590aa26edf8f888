using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Budget;

/// <summary>
/// Fills the token budget in rank order (targets first): each file in full if it fits, else as signatures
/// if those fit, and the rest listed by path while room remains. Block costs are estimated one by one;
/// then the whole rendered text is counted and, while it is over the cap, the last-added blocks go, so
/// the cap holds on the final text exactly as the tokenizer counts it.
/// </summary>
internal sealed class BudgetPlanner(IBundleRenderer renderer, TokenCounter counter, FileTexts texts)
{
    // A block's text is at least this many characters per token; a longer text is not worth pricing
    // against a smaller remaining budget.
    private const int MaxCharsPerToken = 16;

    // Share of the cap kept for listing paths that found no room as content, so the bundle always names
    // the next most relevant files.
    private const double ListingShare = 0.05;

    public Selection Plan(BundleHeader header, IReadOnlyList<RankedFile> ranked, int maxTokens)
    {
        var frame = counter.Count(renderer.Begin(header) + renderer.BeginListing(1) + renderer.EndListing(1) + renderer.End());
        var remaining = maxTokens - frame;
        var warnings = new List<string>();
        var chosen = PlanTargets(ranked.Where(f => f.IsTarget).ToList(), remaining, maxTokens, warnings);
        remaining -= chosen.Sum(c => c.Tokens);

        var reserve = (int)(maxTokens * ListingShare);
        var content = remaining - reserve;
        foreach (var file in ranked.Where(f => !f.IsTarget))
        {
            var choice = ChooseContent(file, content);
            if (choice is not null)
            {
                chosen.Add(choice);
                content -= choice.Tokens;
            }
        }

        remaining = content + reserve;
        var included = chosen.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in ranked.Where(f => !included.Contains(f.Path)))
        {
            var tokens = counter.Count(renderer.Listed(file.Path, first: false));
            if (tokens > remaining)
            {
                break;
            }

            chosen.Add(new Choice(file, null, tokens));
            remaining -= tokens;
        }

        return Fit(header, ranked, chosen, maxTokens, warnings);
    }

    // All targets in full when they fit. Otherwise each target's listing line is reserved first, so none
    // goes missing; then every target goes in as signatures (in rank order, while they fit), and then
    // they are upgraded to full in rank order while the budget allows.
    private List<Choice> PlanTargets(List<RankedFile> targets, int budget, int maxTokens, List<string> warnings)
    {
        var full = targets.Select(t => texts.Read(t.Path) is { } text ? Price(new BundleEntry(t.Path, t.Project, Fidelity.Full, text)) : default).ToList();
        if (full.All(f => f.Entry is not null) && full.Sum(f => f.Tokens) <= budget)
        {
            return targets.Select((t, i) => new Choice(t, full[i].Entry, full[i].Tokens)).ToList();
        }

        var chosen = targets.Select(t => new Choice(t, null, counter.Count(renderer.Listed(t.Path, first: false)))).ToArray();
        budget -= chosen.Sum(c => c.Tokens);
        for (var i = 0; i < targets.Count; i++)
        {
            if (full[i].Entry is not { } entry)
            {
                continue;
            }

            var cheapest = entry.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                ? Price(entry with { Fidelity = Fidelity.Signatures, Text = SignatureExtractor.Extract(entry.Text) })
                : full[i];
            if (cheapest.Tokens - chosen[i].Tokens <= budget)
            {
                budget -= cheapest.Tokens - chosen[i].Tokens;
                chosen[i] = new Choice(targets[i], cheapest.Entry, cheapest.Tokens);
            }
        }

        for (var i = 0; i < targets.Count; i++)
        {
            if (chosen[i].Entry?.Fidelity == Fidelity.Signatures && full[i].Tokens - chosen[i].Tokens <= budget)
            {
                budget -= full[i].Tokens - chosen[i].Tokens;
                chosen[i] = new Choice(targets[i], full[i].Entry, full[i].Tokens);
            }

            if (chosen[i].Entry is null)
            {
                warnings.Add($"target file {targets[i].Path} does not fit within {maxTokens} tokens, not even as signatures; it is only listed.");
            }
            else if (chosen[i].Entry!.Fidelity == Fidelity.Signatures)
            {
                warnings.Add($"target file {targets[i].Path} does not fit in full within {maxTokens} tokens; it is given as signatures.");
            }
        }

        return [.. chosen];
    }

    private Choice? ChooseContent(RankedFile file, int remaining)
    {
        var text = texts.Read(file.Path);
        if (text is null || text.Length > (long)remaining * MaxCharsPerToken)
        {
            return null;
        }

        var full = Price(new BundleEntry(file.Path, file.Project, Fidelity.Full, text));
        if (full.Tokens <= remaining)
        {
            return new Choice(file, full.Entry, full.Tokens);
        }

        if (!file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var signatures = Price(new BundleEntry(file.Path, file.Project, Fidelity.Signatures, SignatureExtractor.Extract(text)));
        return signatures.Tokens <= remaining && signatures.Tokens < full.Tokens ? new Choice(file, signatures.Entry, signatures.Tokens) : null;
    }

    private (BundleEntry Entry, int Tokens) Price(BundleEntry entry) => (entry, counter.Count(renderer.File(entry, first: false)));

    private Selection Fit(BundleHeader header, IReadOnlyList<RankedFile> ranked, List<Choice> chosen, int maxTokens, List<string> warnings)
    {
        while (true)
        {
            var content = new BundleContent(
                header,
                chosen.Where(c => c.Entry is not null).Select(c => c.Entry!).ToList(),
                chosen.Where(c => c.Entry is null).Select(c => c.File.Path).ToList());
            var text = BundleComposer.Compose(renderer, content);
            var total = counter.Count(text);
            if (total <= maxTokens)
            {
                return new Selection(content, Decisions(ranked, chosen), text, total, warnings);
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
            f => byPath.TryGetValue(f.Path, out var c)
                ? new FileDecision(c.Entry?.Fidelity ?? Fidelity.Listed, c.Tokens)
                : new FileDecision(Fidelity.Omitted, 0),
            StringComparer.Ordinal);
    }

    private sealed record Choice(RankedFile File, BundleEntry? Entry, int Tokens);
}
