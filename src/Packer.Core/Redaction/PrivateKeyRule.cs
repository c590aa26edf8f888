using System.Buffers;
using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// PEM private-key blocks (gitleaks private-key: <c>-----BEGIN … PRIVATE KEY-----[\s\S-]{64,}?KEY-----</c>;
/// secretlint privatekey). The body between the opening and closing lines is one value, blanks and
/// <c>\n</c> escapes around it kept, so the lines stay and only the key goes. A body with fewer than 64
/// base64 characters (<c>MIIE...</c> in documentation) is a placeholder, and one holding code (parentheses,
/// braces, semicolons: a generator that writes the opening and closing lines around computed text) is no key.
/// </summary>
/// <remarks>
/// Found by scanning, not by one lazy expression, so that a text of many unclosed openings stays linear.
/// </remarks>
internal sealed class PrivateKeyRule : SecretRule
{
    private const int MinBase64 = 64;

    /// <summary>Characters of code, never of a key body (which is base64, blanks, RFC 1421 headers, quotes and <c>+</c>).</summary>
    private static readonly SearchValues<char> CodeCharacters = SearchValues.Create("(){};<>[]");

    /// <summary>Creates the rule.</summary>
    public PrivateKeyRule()
        : base("private-key", ["-----BEGIN"])
    {
        KeywordComparison = StringComparison.Ordinal;
    }

    /// <inheritdoc/>
    public override void Find(string text, int rule, List<SecretSpan> spans)
    {
        var end = -1;
        Match next;
        for (var begin = ContextPatterns.PrivateKeyBegin().Match(text); begin.Success; begin = next)
        {
            next = begin.NextMatch();
            var bodyStart = begin.Index + begin.Length;
            if (end < bodyStart)
            {
                end = text.IndexOf("-----END", bodyStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    return;
                }
            }

            if ((next.Success && next.Index < end) || !ContextPatterns.PrivateKeyEnd().Match(text, end).Success)
            {
                continue;
            }

            var (start, length) = Trim(text, bodyStart, end);
            var body = text.AsSpan(start, length);
            if (CountBase64(body) >= MinBase64 && !body.ContainsAny(CodeCharacters))
            {
                spans.Add(new SecretSpan(start, length, rule));
            }
        }
    }

    private static (int Start, int Length) Trim(string text, int start, int end)
    {
        while (start < end && IsFiller(text, start, forward: true, out var width))
        {
            start += width;
        }

        while (end > start && IsFiller(text, end - 1, forward: false, out var width))
        {
            end -= width;
        }

        return (start, end - start);
    }

    private static bool IsFiller(string text, int at, bool forward, out int width)
    {
        width = 1;
        if (char.IsWhiteSpace(text[at]))
        {
            return true;
        }

        // A \n or \r escape inside a string literal or JSON value.
        width = 2;
        return forward
            ? text[at] == '\\' && at + 1 < text.Length && text[at + 1] is 'n' or 'r'
            : text[at] is 'n' or 'r' && at > 0 && text[at - 1] == '\\';
    }

    private static int CountBase64(ReadOnlySpan<char> body)
    {
        var count = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                count++;
            }
        }

        return count;
    }
}
