namespace Packer.Core.Graph;

/// <summary>How far the graph is expanded around the targets.</summary>
internal sealed record GraphOptions
{
    /// <summary>Gets how many hops from the targets are expanded (their uses and users bound).</summary>
    public int ExpandedHops { get; init; } = 2;

    /// <summary>
    /// Gets how many possible referrers a non-target file may have for them all to be bound. A file that
    /// very many files mention (a hub, like a base interface) says little about any one of them.
    /// </summary>
    public int ReferrerLimit { get; init; } = 60;

    /// <summary>
    /// Gets how many files may be bound, in all, to expand the files beyond the targets (their uses and
    /// their callers). On a large solution two hops reach thousands of files; the files most strongly tied
    /// to the targets are expanded first, and the budget stops the rest. Small and mid-sized solutions
    /// stay under it.
    /// </summary>
    public int BindingBudget { get; init; } = 500;

    /// <summary>
    /// Gets how many implementations an interface or base type may have for them to count as one unit with it
    /// (expanded at the same hop), as an interface and its single implementation are in most DI-style code.
    /// </summary>
    public int TwinImplementationLimit { get; init; } = 3;

    /// <summary>Gets the weight of an edge between parts of one partial type.</summary>
    public double PartialWeight { get; init; } = 8.0;
}
