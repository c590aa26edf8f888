using Packer.Core.Bundle;

namespace Packer.Core.Budget;

/// <summary>The budget stage's output: what goes in, at what fidelity, and the rendered text that was counted.</summary>
/// <param name="Content">The bundle's content in output order.</param>
/// <param name="Decisions">The decision for every ranked file, by path.</param>
/// <param name="Rendered">The rendered bundle and its segments.</param>
/// <param name="TotalTokens">The tokens of the rendered text, never above the cap.</param>
/// <param name="Warnings">What the budget had to give up on targets.</param>
/// <param name="KeptFiles">How many files opening the previous bundle were kept in place.</param>
public sealed record Selection(
    BundleContent Content,
    IReadOnlyDictionary<string, FileDecision> Decisions,
    RenderedBundle Rendered,
    int TotalTokens,
    IReadOnlyList<string> Warnings,
    int KeptFiles)
{
    /// <summary>Gets, for files with diffs appended, the text the bundle now shows of them (null when gone).</summary>
    public IReadOnlyDictionary<string, string?> Views { get; init; } = new Dictionary<string, string?>();

    /// <summary>Gets how many diffs and files were appended to the earlier bundle in this run.</summary>
    public int AppendedEdits { get; init; }

    /// <summary>Gets what the bundle made of targets larger than the cap (their outline, their central files); null when they fit.</summary>
    public TargetSummary? Summary { get; init; }
}
