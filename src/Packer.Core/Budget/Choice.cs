using Packer.Core.Bundle;
using Packer.Core.Ranking;

namespace Packer.Core.Budget;

/// <summary>A ranked file at one fidelity, priced.</summary>
/// <param name="File">The ranked file.</param>
/// <param name="Entry">Its block.</param>
/// <param name="Tokens">The tokens of its block rendered alone.</param>
internal sealed record Choice(RankedFile File, BundleEntry Entry, int Tokens);
