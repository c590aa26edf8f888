namespace Packer.Core.Budget;

/// <summary>
/// How a cap divides before the context files are chosen: the room kept free for later edits, the targets'
/// blocks and their rounded allotment, and what is left for the other files' content (the listing's share
/// already taken off).
/// </summary>
/// <param name="MaxTokens">The cap on the rendered text.</param>
/// <param name="Room">Tokens kept free for the edits later runs append (0 without --previous).</param>
/// <param name="Targets">The targets' blocks, in rank order.</param>
/// <param name="TargetAllotment">The targets' tokens rounded up to a step of the cap, when that fits.</param>
/// <param name="Content">Tokens left for the other files' content.</param>
/// <param name="Warnings">Targets that are not given in full.</param>
internal sealed record BudgetSplit(int MaxTokens, int Room, IReadOnlyList<Choice> Targets, int TargetAllotment, int Content, IReadOnlyList<string> Warnings)
{
    /// <summary>Gets what rounding the targets' allotment up left unused.</summary>
    public int TargetSlack => TargetAllotment - Targets.Sum(c => c.Tokens);
}
