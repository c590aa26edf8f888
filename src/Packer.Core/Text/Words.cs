namespace Packer.Core.Text;

/// <summary>
/// Splits text into the lower-case words a task and a file are matched by: runs of letters and digits, each cut
/// at camelCase and PascalCase humps and at digits (<c>HttpClientFactory2</c> → http, client, factory, 2), with a
/// compound also kept whole (httpclientfactory2), so that a reporter who writes the name and one who writes its
/// words both match. One-letter words, numbers and the commonest English and C# words are dropped. Ordinal and
/// culture-free, so the same text gives the same words on any machine.
/// </summary>
public static class Words
{
    private static readonly HashSet<string> Stop = new(
        ("the a an and or of to in is it be for on with this that as are was not but if by at from can when should would "
        + "will we you my our have has use get set new value return var public private static void class string int bool "
        + "true false null do does did so no yes there here what which how why also just like than then these those its "
        + "into out up me your they them their been being were any all some one two me am see").Split(' '),
        StringComparer.Ordinal);

    /// <summary>Tells whether a lower-case word is too common to say anything (numbers alone say nothing either: sizes, dates, line numbers).</summary>
    public static bool IsStop(string word) => word.Length < 2 || Stop.Contains(word) || word.All(char.IsAsciiDigit);

    /// <summary>Calls <paramref name="add"/> with each word of <paramref name="text"/>, in order (stop words left out).</summary>
    public static void Each(ReadOnlySpan<char> text, Action<string> add)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            Token(text[start..i], add);
        }
    }

    /// <summary>The words of <paramref name="text"/>, in order, stop words left out.</summary>
    public static List<string> Of(string text)
    {
        var words = new List<string>();
        Each(text, words.Add);
        return words;
    }

    /// <summary>Splits one identifier-like token (letters and digits) into its humps.</summary>
    public static void Token(ReadOnlySpan<char> token, Action<string> add)
    {
        var parts = 0;
        var start = 0;
        for (var i = 1; i <= token.Length; i++)
        {
            if (i == token.Length || Boundary(token, i))
            {
                parts++;
                var part = token[start..i].ToString().ToLowerInvariant();
                if (!IsStop(part))
                {
                    add(part);
                }

                start = i;
            }
        }

        if (parts > 1)
        {
            add(token.ToString().ToLowerInvariant());
        }
    }

    // A hump starts at an upper-case letter after a lower-case one (fooBar), at the last capital of a run before a
    // lower-case one (HTTPServer → HTTP, Server), and where letters and digits meet.
    private static bool Boundary(ReadOnlySpan<char> s, int i)
    {
        var (before, here) = (s[i - 1], s[i]);
        if (char.IsAsciiDigit(before) != char.IsAsciiDigit(here))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(here)
            && (char.IsAsciiLetterLower(before) || (char.IsAsciiLetterUpper(before) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1])));
    }
}
