using System.Buffers;
using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// PEM private-key blocks (gitleaks private-key: <c>-----BEGIN … PRIVATE KEY-----[\s\S-]{64,}?KEY-----</c>;
/// secretlint privatekey). The body between the opening and closing lines is one value, blanks and
/// <c>\n</c> escapes around it kept, so the lines stay and only the key goes. Any body of 16 base64 characters
/// or more is a key, however short (a raw Ed25519 or X25519 key is 44; gitleaks' 64 characters, which count the
/// line breaks and the closing line, let such a key through); a placeholder (<c>MIIE...</c> in documentation,
/// <c>xxxx</c>; a short body also <c>your-key-here</c>) is not, and neither is a body holding code (parentheses,
/// braces, semicolons: a generator that writes the opening and closing lines around computed text).
/// </summary>
/// <remarks>
/// Found by scanning, not by one lazy expression, so that a text of many unclosed openings stays linear.
/// </remarks>
internal sealed class PrivateKeyRule : SecretRule
{
    private const int MinBase64 = 16;

    /// <summary>Below this many base64 characters a body is as short as a word, so word placeholders apply to it.</summary>
    private const int ShortBase64 = 64;

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
            var base64 = CountBase64(body);
            if (base64 >= MinBase64 && !body.ContainsAny(CodeCharacters) && !Placeholders.IsPlaceholder(body, chosenByHuman: base64 < ShortBase64))
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
