using Packer.Core.Bundle;
using Packer.Core.History;
using Packer.Core.Ordering;
using Packer.Core.Ranking;
using Packer.Core.Rendering;
using Packer.Core.Tokenization;

namespace Packer.Core.Budget;

/// <summary>
/// The one place where a bundle is rendered and counted. A plan is arranged (<see cref="StabilityOrder"/>),
/// rendered, and the whole text counted; while it is over the cap, the last-added blocks go, so the cap holds
/// on the final text exactly as the tokenizer counts it. Block costs are estimates (tokens may join across a
/// block boundary); the final count is not.
/// </summary>
internal sealed class BundleFitter(IBundleRenderer renderer, TokenCounter counter, BlockPricer pricer, GitHistory? git)
{
    /// <summary>
    /// Everything but the file blocks: header, closing text, and what each segment adds (the JSON formats
    /// measure segments at the end), found by rendering three segments of one listed path each.
    /// </summary>
    public int Frame(BundleHeader header)
    {
        var probe = new BundleEntry("x", string.Empty, Fidelity.Listed, string.Empty);
        var segments = new[] { SegmentKind.Stable, SegmentKind.Volatile, SegmentKind.Targets }.Select(k => new BundleSegment(k, [probe])).ToList();
        var text = BundleComposer.Compose(renderer, new BundleContent(header, segments), counter).Text;
        return counter.Count(text) - (segments.Count * pricer.Tokens(probe));
    }

    /// <summary>Renders content and counts the whole text.</summary>
    public (RenderedBundle Rendered, int Total) Render(BundleContent content)
    {
        var rendered = BundleComposer.Compose(renderer, content, counter);
        return (rendered, counter.Count(rendered.Text));
    }

    /// <summary>Arranges and renders a plan, dropping its last-added blocks until the text is within the cap.</summary>
    /// <param name="header">The bundle's header.</param>
    /// <param name="ranked">Every file, in rank order.</param>
    /// <param name="plan">The chosen blocks.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <exception cref="UsageException">When the cap cannot hold even the header.</exception>
    public Selection Fit(BundleHeader header, IReadOnlyList<RankedFile> ranked, Plan plan, int maxTokens)
    {
        var chosen = plan.Chosen.ToList();
        var warnings = plan.Warnings.ToList();
        while (true)
        {
            var content = new BundleContent(header, StabilityOrder.Arrange(chosen.Select(c => (c.File, c.Entry)).ToList(), git, plan.Kept));
            var (rendered, total) = Render(content);
            if (total <= maxTokens)
            {
                var keptFiles = plan.Kept.Count(k => chosen.Exists(c => c.File.Path == k.Path));
                return new Selection(content, Decisions(ranked, content), rendered, total, warnings, keptFiles);
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

    /// <summary>Each ranked file at the fidelity of its first block, its tokens those of all its blocks; omitted when it has none.</summary>
    public Dictionary<string, FileDecision> Decisions(IReadOnlyList<RankedFile> ranked, BundleContent content)
    {
        var blocks = content.Entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return ranked.ToDictionary(
            f => f.Path,
            f => blocks.TryGetValue(f.Path, out var mine) ? new FileDecision(mine[0].Fidelity, mine.Sum(pricer.Tokens)) : new FileDecision(Fidelity.Omitted, 0),
            StringComparer.Ordinal);
    }
}
