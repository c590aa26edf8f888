using Packer.Core.Budget;
using Packer.Core.Ranking;

namespace Packer.Core.Output;

/// <summary>The ranking and the budget's decisions on it, which the manifest reports side by side.</summary>
/// <param name="Ranked">Every ranked file, in rank order.</param>
/// <param name="Selection">The budgeted selection.</param>
internal sealed record PackedFiles(IReadOnlyList<RankedFile> Ranked, Selection Selection);
