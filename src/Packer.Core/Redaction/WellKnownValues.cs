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
    };

    /// <summary>Tells whether a value is a well-known, published credential.</summary>
    public static bool Contains(ReadOnlySpan<char> value)
    {
        if (value.Length != 88 || !Ascii.IsValid(value))
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[88];
        Span<byte> hash = stackalloc byte[32];
        Ascii.FromUtf16(value, utf8, out _);
        SHA256.HashData(utf8, hash);
        return Hashes.Contains(Convert.ToHexStringLower(hash));
    }
}
