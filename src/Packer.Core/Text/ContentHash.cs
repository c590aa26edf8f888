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
}
