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
    /// <summary>Measures a decoded text.</summary>
    public static int Of(SourceText text) => Of(text.ToString());

    /// <summary>Measures a text: its length, less one for each CR LF, and one more unless it ends a line.</summary>
    public static int Of(ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0 : text.Length - text.Count("\r\n") + (IsLineEnd(text[^1]) ? 0 : 1);

    private static bool IsLineEnd(char c) => c is '\n' or '\r' or '\f' or '\u0085' or '\u2028' or '\u2029';
}
