using System.Security.Cryptography;
using System.Text;

namespace Packer.Core.Text;

/// <summary>Short content hashes (the first 128 bits of SHA-256, in hex) of files and strings.</summary>
internal static class ContentHash
{
    /// <summary>The hash recorded for a file that does not exist, so that creating it is a change too.</summary>
    public const string Absent = "-";

    /// <summary>Hashes a file's bytes; <see cref="Absent"/> when there is no such file.</summary>
    public static string OfFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            return Hex(SHA256.HashData(stream));
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
