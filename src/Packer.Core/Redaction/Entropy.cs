namespace Packer.Core.Redaction;

/// <summary>
/// Shannon entropy in bits per character, as gitleaks' rules use it (<c>entropy = 3</c>): random tokens score
/// 4 to 6, masks and test strings such as <c>AAAA…</c> below 2.
/// </summary>
internal static class Entropy
{
    /// <summary>Computes the entropy of a value.</summary>
    public static double Of(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[256];
        foreach (var c in value)
        {
            counts[c < 128 ? c : 128 + (c % 128)]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }
}
