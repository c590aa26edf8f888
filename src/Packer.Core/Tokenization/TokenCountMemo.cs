using Packer.Core.Text;

namespace Packer.Core.Tokenization;

/// <summary>
/// Token counts by text hash, kept in the analysis cache: a warm run renders the same blocks and bundle
/// as the run before, so it finds every count here and never loads a vocabulary. The counts a run used are
/// kept for the next, and, up to a bound, those of the runs before it: runs for other targets of the same
/// solution (each project of a build packs around itself) then stay warm in turn.
/// </summary>
public sealed class TokenCountMemo(IReadOnlyDictionary<string, int> known) : TextMemo<int>(known, MaxEarlierCounts)
{
    /// <summary>At most this many counts are kept beyond those a run used (about 100 bytes each in the cache).</summary>
    internal const int MaxEarlierCounts = 20_000;
}
