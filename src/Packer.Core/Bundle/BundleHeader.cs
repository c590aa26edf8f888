using Packer.Core.Loading;
using Packer.Core.Targeting;

namespace Packer.Core.Bundle;

/// <summary>What the bundle says about itself before the files.</summary>
/// <param name="Solution">Repository-relative path of the solution.</param>
/// <param name="Projects">The projects and their references, or empty when they would take too much of the budget.</param>
/// <param name="Targets">The targets, as given and resolved.</param>
public sealed record BundleHeader(string Solution, IReadOnlyList<ProjectNode> Projects, IReadOnlyList<ResolvedTarget> Targets);
