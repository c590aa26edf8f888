namespace Packer.Core.Tokenization;

/// <summary>
/// Token counts by text hash, kept in the analysis cache: a warm run renders the same blocks and bundle
/// as the run before, so it finds every count here and never loads a vocabulary. The counts a run used are
/// kept for the next, and, up to a bound, those of the runs before it: runs for other targets of the same
/// solution (each project of a build packs around itself) then stay warm in turn.
/// </summary>
public sealed class TokenCountMemo
{
    /// <summary>At most this many counts are kept beyond those a run used (about 100 bytes each in the cache).</summary>
    internal const int MaxEarlierCounts = 20_000;

    private readonly IReadOnlyDictionary<string, int> known;
    private readonly Dictionary<string, int> used = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Creates a memo that starts from earlier counts.</summary>
    public TokenCountMemo(IReadOnlyDictionary<string, int> known) => this.known = known;

    /// <summary>Gets the counts looked up or made in this run.</summary>
    public IReadOnlyDictionary<string, int> Used
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, int>(used, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Gets the counts to keep for later runs: this run's, then the earlier ones, most recently kept first.</summary>
    public IReadOnlyDictionary<string, int> Kept
    {
        get
        {
            lock (gate)
            {
                var kept = new Dictionary<string, int>(used, StringComparer.Ordinal);
                foreach (var (key, count) in known.Where(k => !used.ContainsKey(k.Key)).Take(MaxEarlierCounts))
                {
                    kept[key] = count;
                }

                return kept;
            }
        }
    }

    /// <summary>Gets a value indicating whether this run needed a count that was not known.</summary>
    public bool Learnt { get; private set; }

    internal bool TryGet(string key, out int count)
    {
        lock (gate)
        {
            return used.TryGetValue(key, out count) || known.TryGetValue(key, out count);
        }
    }

    internal void Record(string key, int count)
    {
        lock (gate)
        {
            Learnt |= !known.ContainsKey(key);
            used[key] = count;
        }
    }
}
