using Packer.Core.Budget;
using Packer.Core.Bundle;

namespace Packer.Core.Module;

/// <summary>What the ladder chose for targets larger than the cap, before it is rendered and fitted.</summary>
/// <param name="Outline">The outline's block, or null when not even its first line fit.</param>
/// <param name="Level">The outline's level (null without one).</param>
/// <param name="Chosen">The central target files' blocks, then the other files', in the order chosen (the fitter drops from the end).</param>
internal sealed record ModulePlan(BundleEntry? Outline, OutlineLevel? Level, IReadOnlyList<Choice> Chosen);
