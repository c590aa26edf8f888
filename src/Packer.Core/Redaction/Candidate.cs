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

    /// <summary>
    /// Gets the line the value starts on, without its line break, and at most <see cref="Reach"/> characters either
    /// side of the value's start, so that checking many matches on one huge line stays linear.
    /// </summary>
    public ReadOnlySpan<char> Line
    {
        get
        {
            var from = Math.Max(0, Start - Reach);
            var to = Math.Min(Text.Length, Start + Reach);
            var lineStart = from + Text.AsSpan(from, Start - from).LastIndexOf('\n') + 1;
            var lineEnd = Text.AsSpan(Start, to - Start).IndexOf('\n');
            return Text.AsSpan(lineStart, (lineEnd < 0 ? to : Start + lineEnd) - lineStart);
        }
    }

    /// <summary>Gets how far <see cref="Line"/> reaches either side of the value.</summary>
    public static int Reach => 1000;
}
