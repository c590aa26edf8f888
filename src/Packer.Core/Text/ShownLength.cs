using Microsoft.CodeAnalysis.Text;

namespace Packer.Core.Text;

/// <summary>
/// The length of a text as a bundle shows it, without making that text: every line end (CR LF, CR, LF, NEL, LS,
/// PS, FF, as <see cref="string.ReplaceLineEndings(string)"/> knows them) one character, and a final newline.
/// The syntax index records it while it parses, so that ranking, which weighs every file by its size, need not
/// read and decode every file of the solution again on a warm run.
/// </summary>
internal static class ShownLength
{
    /// <summary>Measures a decoded text, a chunk at a time (a large text, an EF migration's, is not copied whole).</summary>
    public static int Of(SourceText text)
    {
        var length = text.Length;
        if (length == 0)
        {
            return 0;
        }

        var buffer = new char[Math.Min(length, 4096)];
        var crlf = 0;
        var previous = '\0';
        for (var start = 0; start < length; start += buffer.Length)
        {
            var chunk = buffer.AsSpan(0, Math.Min(buffer.Length, length - start));
            text.CopyTo(start, buffer, 0, chunk.Length);
            crlf += chunk.Count("\r\n") + (previous == '\r' && chunk[0] == '\n' ? 1 : 0); // a CR LF across two chunks too
            previous = chunk[^1];
        }

        return length - crlf + (IsLineEnd(previous) ? 0 : 1);
    }

    /// <summary>Measures a text: its length, less one for each CR LF, and one more unless it ends a line.</summary>
    public static int Of(ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0 : text.Length - text.Count("\r\n") + (IsLineEnd(text[^1]) ? 0 : 1);

    private static bool IsLineEnd(char c) => c is '\n' or '\r' or '\f' or '\u0085' or '\u2028' or '\u2029';
}
