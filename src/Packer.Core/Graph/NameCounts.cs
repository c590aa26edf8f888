using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Packer.Core.Graph;

/// <summary>
/// How often a file spells each identifier, kept sorted by name (ordinal): it enumerates in that order, so
/// that sums over it come out bit for bit the same however the counts were made (parsed or read from the
/// cache), and it takes two arrays rather than a hash table for each of thousands of files.
/// </summary>
internal sealed class NameCounts : IReadOnlyDictionary<string, int>
{
    private readonly string[] names;
    private readonly int[] counts;

    private NameCounts(string[] names, int[] counts)
    {
        this.names = names;
        this.counts = counts;
    }

    /// <summary>Gets counts of no name.</summary>
    public static NameCounts Empty { get; } = new([], []);

    /// <inheritdoc/>
    public int Count => names.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => names;

    /// <inheritdoc/>
    public IEnumerable<int> Values => counts;

    /// <inheritdoc/>
    public int this[string key] => TryGetValue(key, out var count) ? count : throw new KeyNotFoundException(key);

    /// <summary>Makes the counts from pairs of distinct names, in any order.</summary>
    public static NameCounts From(IEnumerable<KeyValuePair<string, int>> pairs)
    {
        var sorted = pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        return new NameCounts(sorted.Select(p => p.Key).ToArray(), sorted.Select(p => p.Value).ToArray());
    }

    /// <summary>Takes arrays already sorted by name (ordinal) and distinct, as the cache wrote them; throws otherwise.</summary>
    public static NameCounts FromSorted(string[] names, int[] counts)
    {
        if (names.Length != counts.Length)
        {
            throw new ArgumentException("as many counts as names are needed", nameof(counts));
        }

        for (var i = 1; i < names.Length; i++)
        {
            if (string.CompareOrdinal(names[i - 1], names[i]) >= 0)
            {
                throw new ArgumentException($"names are not sorted and distinct at {i}", nameof(names));
            }
        }

        return new NameCounts(names, counts);
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => Array.BinarySearch(names, key, StringComparer.Ordinal) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var at = Array.BinarySearch(names, key, StringComparer.Ordinal);
        value = at >= 0 ? counts[at] : 0;
        return at >= 0;
    }

    /// <summary>Enumerates the names with their counts, sorted by name (ordinal).</summary>
    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < names.Length; i++)
        {
            yield return new KeyValuePair<string, int>(names[i], counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
