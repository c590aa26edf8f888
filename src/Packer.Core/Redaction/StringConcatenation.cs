using System.Text;
using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Double-quoted string literals joined by <c>+</c>, as code splits a long value (<c>"ghp_…" + "…"</c>, or one part
/// per line): <see cref="SecretRedactor"/> runs the rules once more over the literals' contents joined, and a value
/// found there is replaced in the text from its first character to its last, the quotes and <c>+</c> between
/// going with it.
/// </summary>
/// <remarks>
/// Every quantifier is bounded (400 characters a literal, 40 blanks around a <c>+</c>, 32 joints a chain), so a
/// text of many quotes stays linear; a longer chain is taken as several.
/// </remarks>
internal static partial class StringConcatenation
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Gets the character that separates chains in the joined text (no rule's value spans a line break within a literal).</summary>
    public const char Separator = '\n';

    /// <summary>Two or more literals, each closed on its line, joined by <c>+</c>; the later ones may open with <c>@</c> or <c>$</c>.</summary>
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.){0,400}""(?:\s{0,40}\+\s{0,40}[@$]{0,2}""(?:[^""\\\n]|\\.){0,400}""){1,32}", Options)]
    private static partial Regex Chain();

    /// <summary>A literal's end, <c>+</c> and the next literal's start.</summary>
    [GeneratedRegex(@"""\s{0,40}\+\s{0,40}[@$]{0,2}""", Options)]
    private static partial Regex Joint();

    /// <summary>
    /// Joins the contents of every chain in a text, chains separated by <see cref="Separator"/>, and gives the
    /// offset in the text of each character of the joined text (-1 for a separator).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The joined text and the offsets, or null when the text has no chain.</returns>
    public static (string Text, int[] Offsets)? Join(string text)
    {
        if (text.IndexOf('+') < 0 || !Joint().IsMatch(text))
        {
            return null;
        }

        var joined = new StringBuilder();
        var map = new List<int>();
        for (var chain = Chain().Match(text); chain.Success; chain = chain.NextMatch())
        {
            var end = chain.Index + chain.Length;
            for (var i = chain.Index; i < end;)
            {
                // i is at a literal's opening quote.
                for (i++; text[i] != '"'; i++)
                {
                    joined.Append(text[i]);
                    map.Add(i);
                    if (text[i] == '\\')
                    {
                        i++;
                        joined.Append(text[i]);
                        map.Add(i);
                    }
                }

                // Past the closing quote, and the joint to the next literal's opening quote.
                for (i++; i < end && text[i] != '"'; i++)
                {
                }
            }

            joined.Append(Separator);
            map.Add(-1);
        }

        if (map.Count == 0)
        {
            return null;
        }

        return (joined.ToString(), [.. map]);
    }
}
