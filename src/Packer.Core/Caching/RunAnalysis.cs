using Packer.Core.Budget;
using Packer.Core.Graph;
using Packer.Core.History;
using Packer.Core.Tokenization;

namespace Packer.Core.Caching;

/// <summary>What one run learnt that the cache keeps for the next.</summary>
/// <param name="Index">The syntax index of the current file contents.</param>
/// <param name="StillValid">The cached usage facts that were still true.</param>
/// <param name="Bound">The usage facts of the files bound in this run.</param>
/// <param name="TokenCounts">The token counts this run used.</param>
/// <param name="Signatures">The signatures this run used.</param>
/// <param name="History">The commit log this run read, if any.</param>
internal sealed record RunAnalysis(
    SyntaxIndex Index,
    IReadOnlyDictionary<string, IReadOnlyList<UsageFact>> StillValid,
    IReadOnlyDictionary<string, IReadOnlyList<UsageFact>> Bound,
    TokenCountMemo TokenCounts,
    SignatureMemo Signatures,
    GitLog? History);
