using System.Security.Cryptography;
using System.Text;

namespace Packer.Core.Text;

/// <summary>
/// Reads a file whole, but never more than a limit: at most the limit and one byte more are read, whatever the file
/// says its length is. A device (<c>/dev/zero</c> has length 0 and no end), a named pipe or a file that grows while
/// it is read would otherwise be read until memory runs out; a repository can link any file it names to one.
/// </summary>
public static class BoundedFile
{
    /// <summary>The most read of a small settings file (global.json, Directory.Build.props, project files, session state).</summary>
    public const long SmallFileBytes = 16L * 1024 * 1024;

    private const int Chunk = 81920;

    /// <summary>Reads a file's bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limit">The most bytes it may hold (at most about 2 GiB, the most an array holds).</param>
    /// <exception cref="FileTooLargeException">It holds more.</exception>
    /// <exception cref="IOException">It cannot be read (as File.ReadAllBytes).</exception>
    public static byte[] ReadAllBytes(string path, long limit) =>
        TryReadAllBytes(path, limit) ?? throw new FileTooLargeException(path, limit);

    /// <summary>Reads a file's bytes, or returns null when it holds more than <paramref name="limit"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limit">The most bytes it may hold (at most about 2 GiB, the most an array holds).</param>
    /// <exception cref="IOException">It cannot be read (as File.ReadAllBytes).</exception>
    public static byte[]? TryReadAllBytes(string path, long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        limit = Math.Min(limit, Array.MaxLength - 1); // no array holds more; past that, a file is too large whatever the limit
        using var stream = Open(path);

        // The length a regular file states sizes the first buffer (never past the limit); it is not trusted further.
        // Past it, the bytes go into chunks, so that a device that never ends costs the limit in memory, once.
        var stated = stream.CanSeek ? stream.Length : 0;
        var first = new byte[(int)Math.Min(limit + 1, Math.Max(stated + 1, Chunk))];
        var total = Fill(stream, first);
        if (total < first.Length)
        {
            return first[..total];
        }

        var chunks = new List<byte[]> { first };
        while (total <= limit)
        {
            var chunk = new byte[(int)Math.Min(limit + 1 - total, Chunk * 16L)];
            var read = Fill(stream, chunk);
            total += read;
            chunks.Add(read == chunk.Length ? chunk : chunk[..read]);
            if (read < chunk.Length)
            {
                break;
            }
        }

        if (total > limit)
        {
            return null;
        }

        var bytes = new byte[total];
        var at = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(bytes, at);
            at += chunk.Length;
        }

        return bytes;
    }

    /// <summary>Reads a file's text as File.ReadAllText does: UTF-8, unless a byte order mark says otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limit">The most bytes it may hold (at most about 2 GiB, the most an array holds).</param>
    /// <exception cref="FileTooLargeException">It holds more.</exception>
    /// <exception cref="IOException">It cannot be read (as File.ReadAllText).</exception>
    public static string ReadAllText(string path, long limit) => Decode(ReadAllBytes(path, limit));

    /// <summary>Decodes bytes as File.ReadAllText does: UTF-8, unless a byte order mark (UTF-8, UTF-16, UTF-32) says otherwise.</summary>
    public static string Decode(byte[] bytes, Encoding? fallback = null)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), fallback ?? new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Hashes a file's bytes (SHA-256), or returns null when it holds more than <paramref name="limit"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limit">The most bytes hashed.</param>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static byte[]? TryHash(string path, long limit)
    {
        using var stream = Open(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Chunk];
        var total = 0L;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>A size for a message: in MiB or KiB when it is a whole number of them, else in bytes.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    // Reads until the buffer is full or the stream ends; returns how much was read.
    private static int Fill(Stream stream, byte[] buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
}
