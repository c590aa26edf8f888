using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>A match a pattern rule has yet to accept: the text, the match and the value's span in it.</summary>
/// <param name="Text">The whole text.</param>
/// <param name="Match">The match (its group <c>s</c>, when present, is the value).</param>
/// <param name="Start">The offset of the value.</param>
/// <param name="Length">The value's length, trailing blanks left out.</param>
internal readonly record struct Candidate(string Text, Match Match, int Start, int Length)
{
    /// <summary>Gets the value.</summary>
    public ReadOnlySpan<char> Value => Text.AsSpan(Start, Length);

    /// <summary>Gets the whole line the value starts on, without its line break.</summary>
    public ReadOnlySpan<char> Line
    {
        get
        {
            var lineStart = Text.AsSpan(0, Start).LastIndexOf('\n') + 1;
            var lineEnd = Text.AsSpan(Start).IndexOf('\n');
            return Text.AsSpan(lineStart, (lineEnd < 0 ? Text.Length : Start + lineEnd) - lineStart);
        }
    }
}
