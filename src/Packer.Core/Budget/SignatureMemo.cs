using Packer.Core.Text;

namespace Packer.Core.Budget;

/// <summary>
/// Signatures by the hash of the text they were extracted from, kept in the analysis cache: extracting means
/// parsing and rewriting the file, and a warm run shows the same files as signatures as the run before.
/// </summary>
public sealed class SignatureMemo(IReadOnlyDictionary<string, string> known) : TextMemo<string>(known, MaxEarlier)
{
    /// <summary>At most this many earlier signatures are kept beyond those a run used (a few kB each in the cache).</summary>
    internal const int MaxEarlier = 2_000;

    /// <summary>Creates a memo that knows nothing (a run without a cache).</summary>
    public SignatureMemo()
        : this(new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    /// <summary>Gets a text's signatures (<see cref="SignatureExtractor"/>), extracted only when not known.</summary>
    public string Extract(string text) => GetOrMake(ContentHash.Of(text), () => SignatureExtractor.Extract(text));
}
