using Packer.Core.Bundle;

namespace Packer.Core.Budget;

/// <summary>What the budget decided for one ranked file.</summary>
/// <param name="Fidelity">How much of it the bundle holds.</param>
/// <param name="Tokens">The tokens of its block (its file block, or its listing line) rendered alone.</param>
public sealed record FileDecision(Fidelity Fidelity, int Tokens);
