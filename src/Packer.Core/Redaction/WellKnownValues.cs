using System.Security.Cryptography;
using System.Text;

namespace Packer.Core.Redaction;

/// <summary>
/// Credentials that are published on purpose and grant nothing, left alone like placeholders. They are kept as
/// SHA-256 hashes so that this source does not itself hold a credential-shaped string for scanners to flag.
/// AWS's documented examples (<c>AKIAIOSFODNN7EXAMPLE</c>, <c>…EXAMPLEKEY</c>) need no entry: every value holding
/// <c>EXAMPLE</c> is a placeholder (<see cref="Placeholders"/>), as in gitleaks (<c>.+EXAMPLE$</c>) and secretlint.
/// </summary>
internal static class WellKnownValues
{
    private static readonly HashSet<string> Hashes = new(StringComparer.Ordinal)
    {
        // The Azurite / Azure Storage Emulator account key of devstoreaccount1, published at
        // https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key
        "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059",

        // The example JWT of RFC 7519 section 3.1 (and RFC 7515 appendix A.1), which JWT libraries test with.
        "8d4ef6536dc8895f256c1e0d95dcd19763036732d64a095e44a90ed444267ad3",

        // The consumer key and secret, access token and token secret of Twitter's OAuth 1.0a documentation
        // ("Creating a signature"), which OAuth 1 libraries test their signatures with.
        "8e0628300c16fe3834b3b87d23e352618a27b0ca9973abd52cfc92abfc7667e3",
        "00b3dc640c9c99fcdbdab6f63d785248e4613fbaa65d63c56d97e54f987c3bab",
        "0e04efa6bc7d2d512fc108c5ba4215c42a7d4674301511c5d18f2e2885d45f35",
        "5aac38e542b76b97b3518c0293214d0b8aa11344e38518437f7dd44da0b521c3",
    };

    /// <summary>The longest value looked up (longer ones are never well known).</summary>
    private const int MaxLength = 512;

    /// <summary>Tells whether a value is a well-known, published credential.</summary>
    public static bool Contains(ReadOnlySpan<char> value)
    {
        if (value.Length is < 16 or > MaxLength || !Ascii.IsValid(value))
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[value.Length];
        Span<byte> hash = stackalloc byte[32];
        Ascii.FromUtf16(value, utf8, out _);
        SHA256.HashData(utf8, hash);
        return Hashes.Contains(Convert.ToHexStringLower(hash));
    }
}
