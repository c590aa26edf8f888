using Packer.Core.Configuration;

namespace Packer.Core.Targeting;

/// <summary>A target spec and the files it stands for.</summary>
/// <param name="Spec">The spec as given.</param>
/// <param name="Kind">What it named.</param>
/// <param name="Files">Its files, repository-relative and sorted.</param>
public sealed record ResolvedTarget(string Spec, TargetKind Kind, IReadOnlyList<string> Files);
