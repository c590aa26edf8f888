namespace Packer.Core.Text;

/// <summary>
/// Values computed from texts, by a key that hashes the text, kept in the analysis cache so that a warm run
/// finds what the run before computed. The values a run used are kept for the next, and, up to a bound, those
/// of the runs before it: runs for other targets of the same solution then stay warm in turn. Thread-safe.
/// </summary>
/// <typeparam name="TValue">What is remembered.</typeparam>
public class TextMemo<TValue>
{
    private readonly IReadOnlyDictionary<string, TValue> known;
    private readonly int maxEarlier;
    private readonly Dictionary<string, TValue> used = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Creates a memo that starts from earlier values.</summary>
    /// <param name="known">The values earlier runs kept.</param>
    /// <param name="maxEarlier">At most this many earlier values are kept beyond those this run used.</param>
    protected TextMemo(IReadOnlyDictionary<string, TValue> known, int maxEarlier)
    {
        this.known = known;
        this.maxEarlier = maxEarlier;
    }

    /// <summary>Gets the values looked up or made in this run.</summary>
    public IReadOnlyDictionary<string, TValue> Used
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, TValue>(used, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Gets the values to keep for later runs: this run's, then the earlier ones, most recently kept first.</summary>
    public IReadOnlyDictionary<string, TValue> Kept
    {
        get
        {
            lock (gate)
            {
                var kept = new Dictionary<string, TValue>(used, StringComparer.Ordinal);
                foreach (var (key, value) in known.Where(k => !used.ContainsKey(k.Key)).Take(maxEarlier))
                {
                    kept[key] = value;
                }

                return kept;
            }
        }
    }

    /// <summary>Gets a value indicating whether this run needed a value that was not known.</summary>
    public bool Learnt { get; private set; }

    /// <summary>Gets the value of a key, made by <paramref name="make"/> (outside the lock) when not known, and keeps it.</summary>
    internal TValue GetOrMake(string key, Func<TValue> make)
    {
        bool found;
        TValue? value;
        lock (gate)
        {
            found = used.TryGetValue(key, out value) || known.TryGetValue(key, out value);
        }

        if (!found)
        {
            value = make();
        }

        lock (gate)
        {
            Learnt |= !known.ContainsKey(key);
            used[key] = value!;
        }

        return value!;
    }
}
