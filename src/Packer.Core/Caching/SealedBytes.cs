using System.Security.Cryptography;

namespace Packer.Core.Caching;

/// <summary>
/// The framing of the tool's own binary files (the analysis cache, the last run): the content, then a SHA-256 of it,
/// so that a truncated or altered file is told from a whole one before a byte of it is trusted.
/// </summary>
internal static class SealedBytes
{
    private const int HashLength = 32;

    /// <summary>The stream's content followed by its SHA-256.</summary>
    /// <param name="content">What was written.</param>
    public static byte[] Seal(MemoryStream content)
    {
        content.Write(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        return content.ToArray();
    }

    /// <summary>The content of sealed bytes, or null when they are not whole (shorter than <paramref name="least"/>, or the hash does not match).</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="least">The fewest bytes of content a whole file has.</param>
    public static MemoryStream? Open(byte[] bytes, int least) =>
        bytes.Length < least + HashLength
        || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength))
            ? null
            : new MemoryStream(bytes, 0, bytes.Length - HashLength);
}
