using Packer.Core.Bundle;

namespace Packer.Core.Budget;

/// <summary>A fresh plan: the blocks chosen, before they are arranged, rendered and fitted to the cap.</summary>
/// <param name="Chosen">Every block chosen, in the order added (the fitter drops from the end).</param>
/// <param name="Kept">The previous bundle's files kept in place, in their earlier order.</param>
/// <param name="Warnings">Targets that are not given in full.</param>
internal sealed record Plan(IReadOnlyList<Choice> Chosen, IReadOnlyList<PreviousBundle.Entry> Kept, IReadOnlyList<string> Warnings);
