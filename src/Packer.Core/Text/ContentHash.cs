using System.Security.Cryptography;
using System.Text;

namespace Packer.Core.Text;

/// <summary>Short content hashes (the first 128 bits of SHA-256, in hex) of files and strings.</summary>
public static class ContentHash
{
    /// <summary>The hash recorded for a file that does not exist, so that creating it is a change too.</summary>
    public const string Absent = "-";

    /// <summary>The hash recorded for a file larger than <see cref="MaxFileBytes"/> (a device or pipe that does not end, say).</summary>
    public const string TooLarge = "+";

    /// <summary>The most bytes of a file hashed; past that, only "too large" is recorded.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Hashes a file's bytes; <see cref="Absent"/> when there is no such file, <see cref="TooLarge"/> when it holds more than <see cref="MaxFileBytes"/>.</summary>
    public static string OfFile(string path)
    {
        try
        {
            return BoundedFile.TryHash(path, MaxFileBytes) is { } hash ? Hex(hash) : TooLarge;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Absent;
        }
    }

    /// <summary>Hashes a text (UTF-8).</summary>
    public static string Of(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash, 0, 16);

    /// <summary>
    /// Hashes a text appended piece by piece, to the hash <see cref="Of"/> gives the pieces joined, without joining
    /// them: the index hashes every file's tokens, and a builder, its string and the string's UTF-8 bytes were three
    /// copies of each file, the large ones on the large-object heap. A builder is reused after <see cref="Builder.Finish"/>
    /// (making one costs as much as hashing a small file).
    /// </summary>
    public sealed class Builder : IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Keeps the high half of a surrogate pair split between two pieces until the low half comes, as encoding
        // the joined text would.
        private readonly Encoder encoder = Encoding.UTF8.GetEncoder();
        private readonly byte[] buffer = new byte[4096];
        private int used;

        /// <summary>Appends a piece of the text.</summary>
        public Builder Append(ReadOnlySpan<char> text)
        {
            do
            {
                if (buffer.Length - used < 8)
                {
                    Flush();
                }

                encoder.Convert(text, buffer.AsSpan(used), flush: false, out var chars, out var bytes, out _);
                used += bytes;
                text = text[chars..];
            }
            while (!text.IsEmpty);

            return this;
        }

        /// <summary>Appends one character.</summary>
        public Builder Append(char c) => Append(new ReadOnlySpan<char>(in c));

        /// <summary>The hash of everything appended since the builder was made or last finished; it then starts again, empty.</summary>
        public string Finish()
        {
            Flush();
            encoder.Convert([], buffer, flush: true, out _, out used, out _);
            Flush();
            return Hex(hash.GetHashAndReset());
        }

        /// <inheritdoc />
        public void Dispose() => hash.Dispose();

        private void Flush()
        {
            hash.AppendData(buffer, 0, used);
            used = 0;
        }
    }
}
