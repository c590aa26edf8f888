using Packer.Core.Loading;
using Packer.Core.Targeting;

namespace Packer.Core.Bundle;

/// <summary>What the bundle says about itself before the files.</summary>
/// <param name="Solution">Repository-relative path of the solution.</param>
/// <param name="Projects">The projects and their references, or empty when they would take too much of the budget.</param>
/// <param name="Targets">The targets, as given and resolved.</param>
public sealed record BundleHeader(string Solution, IReadOnlyList<ProjectNode> Projects, IReadOnlyList<ResolvedTarget> Targets)
{
    /// <summary>
    /// Gets a value indicating whether the targets are given with their file counts only, as the json format
    /// otherwise lists their files: for targets larger than the cap, whose thousands of paths the outline shows as a tree.
    /// </summary>
    public bool TargetFileCounts { get; init; }
}
