using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Redaction;
using Packer.Core.Text;

namespace Packer.Core.Budget;

/// <summary>
/// Reads files as the bundle shows them: decoded (BOM-aware, UTF-8 default; invalid bytes become U+FFFD with a
/// warning), LF line endings, final newline, and secrets redacted. A file that cannot go in (binary, larger
/// than the size limit, unreadable) reads as null, and <see cref="SkipReason"/> says why. Every text a bundle
/// holds comes from here, so signatures, diffs and a session's blocks are made from redacted text.
/// </summary>
public sealed class FileTexts(string root, SecretRedactor redactor, long maxFileBytes, SignatureMemo? memo = null)
{
    private readonly Dictionary<string, Decoded> decoded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RedactionResult?> redacted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> signatures = new(StringComparer.Ordinal);

    /// <summary>Creates a reader that redacts nothing and takes files of any size (for tests of the budget alone).</summary>
    public FileTexts(string root)
        : this(root, new SecretRedactor(RedactionOptions.Default with { Enabled = false }), long.MaxValue)
    {
    }

    /// <summary>Gets a file's text as the bundle shows it, or null when it cannot go in.</summary>
    public string? Read(string path)
    {
        if (!redacted.TryGetValue(path, out var result))
        {
            redacted[path] = result = Decode(path).Text is { } text ? redactor.Redact(path, text) : null;
        }

        return result?.Text;
    }

    /// <summary>Gets the length of a file's text before redaction (its size in bytes when it cannot go in), for ranking.</summary>
    public long Length(string path) => Decode(path) is { Text: { } text } ? text.Length : Decode(path).Bytes;

    /// <summary>
    /// Gets the length of a file's text before redaction, given the length the syntax index recorded when it parsed
    /// the file (-1 when it did not). The file is not read again: a text of that length is at most three bytes a
    /// character (UTF-8), so only a file that could be larger than the size limit, or that parsed empty (it may be
    /// missing), is looked up, to say why it is left out.
    /// </summary>
    public long Length(string path, int parsed)
    {
        if (parsed < 0 || decoded.ContainsKey(path))
        {
            return Length(path);
        }

        if (parsed > 0 && (3L * parsed) + 3 <= maxFileBytes)
        {
            return parsed;
        }

        if (Stat(Path.Combine(root, path), maxFileBytes) is { } skipped)
        {
            decoded[path] = skipped;
            return skipped.Bytes;
        }

        return parsed;
    }

    /// <summary>Gets why a file cannot go in, or null when it can (or was not read).</summary>
    public string? SkipReason(string path) => decoded.GetValueOrDefault(path)?.Skipped;

    /// <summary>Gets what was redacted in the files read so far, by path.</summary>
    public IReadOnlyList<RedactionFinding> Findings(string path) => redacted.GetValueOrDefault(path)?.Findings ?? [];

    /// <summary>Gets the warnings of the files read so far (invalid UTF-8), sorted by path.</summary>
    public IEnumerable<string> Warnings => decoded
        .Where(d => d.Value.Warning is not null)
        .OrderBy(d => d.Key, StringComparer.Ordinal)
        .Select(d => d.Value.Warning!);

    /// <summary>Gets the text a file's block shows at a fidelity (full, or signatures), or null when it cannot go in.</summary>
    /// <remarks>Signatures are extracted once per file (planning, keeping and appending all ask for them), and once per text across runs with a memo.</remarks>
    public string? Shown(string path, Fidelity fidelity)
    {
        var text = Read(path);
        if (text is null || fidelity != Fidelity.Signatures)
        {
            return text;
        }

        if (!signatures.TryGetValue(path, out var extracted))
        {
            signatures[path] = extracted = memo is null ? SignatureExtractor.Extract(text) : memo.Extract(text);
        }

        return extracted;
    }

    private Decoded Decode(string path)
    {
        if (!decoded.TryGetValue(path, out var file))
        {
            decoded[path] = file = Load(path, Path.Combine(root, path), maxFileBytes);
        }

        return file;
    }

    // Why a file cannot go in, as far as its size tells (missing, unreadable, too large); null when it may.
    private static Decoded? Stat(string fullPath, long maxFileBytes)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            return length > maxFileBytes ? new Decoded(null, length, TooLarge(maxFileBytes), null) : null;
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return Unreadable(e, fullPath);
        }
    }

    private static string TooLarge(long maxFileBytes) => $"larger than maxFileBytes ({maxFileBytes} bytes): listed, not packed";

    // A link that leads to no file (a loop of links, or a target that is gone) says so, not "could not find file".
    private static Decoded Unreadable(Exception e, string fullPath) => new(
        null,
        0,
        e is IOException && PathKinds.Of(fullPath) == PathKind.Link
            ? "could not be read (a symbolic link that leads to no file: a loop of links, or a target that is gone)"
            : $"could not be read ({e.Message})",
        null);

    private static Decoded Load(string path, string fullPath, long maxFileBytes)
    {
        if (Stat(fullPath, maxFileBytes) is { } skipped)
        {
            return skipped;
        }

        byte[] bytes;
        try
        {
            // The stated length is a first check only: a file that grew since, or states none, stops at the limit.
            if (BoundedFile.TryReadAllBytes(fullPath, maxFileBytes) is not { } read)
            {
                return new Decoded(null, maxFileBytes + 1, TooLarge(maxFileBytes), null);
            }

            bytes = read;
        }
        catch (Exception e) when (FileAccessException.Covers(e))
        {
            return Unreadable(e, fullPath);
        }

        // UTF-16 and UTF-32 text is full of zero bytes: with a byte order mark it is text, and binary only if it holds U+0000.
        var wide = WideBom(bytes);
        if (!wide && bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            return new Decoded(null, bytes.Length, "binary (it holds NUL bytes): not packed", null);
        }

        string raw;
        string? warning = null;
        try
        {
            raw = Text(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            raw = Text(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
            warning = $"{path} is not valid UTF-8; its invalid bytes were packed as U+FFFD.";
        }

        if (wide && raw.Contains('\0', StringComparison.Ordinal))
        {
            return new Decoded(null, bytes.Length, "binary (it holds NUL characters): not packed", null);
        }

        var text = raw.ReplaceLineEndings("\n");
        return new Decoded(text.Length == 0 || text.EndsWith('\n') ? text : text + "\n", bytes.Length, null, warning);
    }

    // A UTF-16 (FF FE, FE FF) or UTF-32 (FF FE 00 00, 00 00 FE FF) byte order mark.
    private static bool WideBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF]) || bytes.AsSpan().StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]);

    // Decodes as File.ReadAllText does: a byte order mark (UTF-8, UTF-16, UTF-32) wins over the default.
    private static string Text(byte[] bytes, Encoding utf8)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), utf8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private sealed record Decoded(string? Text, long Bytes, string? Skipped, string? Warning);
}
