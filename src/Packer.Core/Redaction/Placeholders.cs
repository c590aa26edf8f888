using System.Buffers;

namespace Packer.Core.Redaction;

/// <summary>
/// Values that stand for a secret without being one. Every rule leaves alone templates and variables
/// (<c>${VAR}</c>, <c>$(Var)</c>, <c>%VAR%</c>, <c>{{x}}</c>, <c>{0}</c>, <c>&lt;password&gt;</c>, <c>$VAR</c>,
/// <c>%s</c>, an interpolation hole such as <c>{pwd}</c> anywhere in the value), masks (<c>****</c>, <c>xxxx</c>), elided samples (<c>abc...</c>), documented examples (holding
/// <c>EXAMPLE</c>, as AWS's <c>AKIAIOSFODNN7EXAMPLE</c>) and this engine's own markers, so redaction is idempotent.
/// Values a human chose (passwords) are also placeholders when they are words such as <c>changeme</c>,
/// <c>your-…</c>, <c>…-here</c> or <c>my-password</c> phrases, or hold <c>example</c>, <c>fake</c> or <c>password</c>.
/// </summary>
/// <remarks>
/// Adapted from gitleaks' global allowlist regexes (config/gitleaks.toml: <c>^\$(?:[A-Z_]+|[a-z_]+)$</c>,
/// <c>^\${…}$</c>, <c>^\{\{…}}$</c>, <c>^%…%$</c>, <c>^%[bcdeEfFgG…]$</c>, <c>^\{\d{0,2}}$</c>, <c>^@…@$</c>, repeated
/// characters) and secretlint-rule-basicauth's <c>isVariableLikeString</c> and <c>BUILTIN_IGNORED_PATTERNS</c>
/// (which skips any password that contains <c>password</c>). The word tests are kept from machine-made values
/// (tokens, keys): a random key body of 1,600 characters holds <c>fake</c> or <c>your</c>…<c>key</c> by chance
/// often enough (about one in 500) to leak real keys.
/// </remarks>
internal static class Placeholders
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "key", "apikey", "value",
        "changeme", "changeit", "example", "sample", "placeholder", "redacted", "removed", "hidden", "masked",
        "dummy", "none", "null", "nil", "undefined", "empty", "true", "false", "todo", "tbd", "test",
        "username", "user", "pw", "string", "guid",
    };

    private static readonly string[] Fragments =
    [
        "example", "placeholder", "changeme", "replaceme", "replacewith", "redacted", "password", "fake",
    ];

    private static readonly string[] Nouns = ["password", "passwd", "pass", "pwd", "secret", "key", "token"];

    private static readonly SearchValues<char> IdentifierCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");

    /// <summary>Tells whether a matched value is a placeholder rather than a secret.</summary>
    /// <param name="value">The value.</param>
    /// <param name="chosenByHuman">Whether the value is one a person typed (a password), so word tests apply.</param>
    public static bool IsPlaceholder(ReadOnlySpan<char> value, bool chosenByHuman)
    {
        value = value.Trim();
        if (value.IsEmpty || value.StartsWith(SecretRedactor.MarkerPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        // Elided samples: "boQtj0SCGz2GFGz[...]", "MIIE...".
        if (value.Contains("...", StringComparison.Ordinal) || value.Contains('…'))
        {
            return true;
        }

        return IsTemplate(value) || IsMask(value) || value.Contains("EXAMPLE", StringComparison.Ordinal)
            || (chosenByHuman && IsWord(value));
    }

    private static bool IsTemplate(ReadOnlySpan<char> value)
    {
        var first = value[0];
        var last = value[^1];
        if (value.Length >= 2 && ((first == '{' && last == '}') || (first == '<' && last == '>')
            || (first == '[' && last == ']') || (first == '%' && last == '%') || (first == '@' && last == '@')
            || (first == '(' && last == ')')))
        {
            return true;
        }

        if (value.Length > 4 && value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        // $VAR, $var, $1 and printf-style %s.
        if ((first == '$' && value.Length > 1 && IsIdentifier(value[1..]))
            || (first == '%' && value.Length == 2 && char.IsAsciiLetter(value[1])))
        {
            return true;
        }

        return Encloses(value, "${", '}') || Encloses(value, "$(", ')') || Encloses(value, "{{", '}')
            || Encloses(value, "#{", '}') || Encloses(value, "$[", ']') || HasInterpolationHole(value);
    }

    /// <summary>A C# interpolation or format hole anywhere, <c>{pwd}</c>, <c>{options.Password}</c>, <c>{0}</c>.</summary>
    private static bool HasInterpolationHole(ReadOnlySpan<char> value)
    {
        for (var open = value.IndexOf('{'); open >= 0; open = value.IndexOf('{'))
        {
            value = value[(open + 1)..];
            var length = value.IndexOfAnyExcept(IdentifierCharacters);
            if (length > 0 && value[length] == '}')
            {
                return true;
            }
        }

        return false;
    }

    private static bool Encloses(ReadOnlySpan<char> value, string open, char close)
    {
        var start = value.IndexOf(open, StringComparison.Ordinal);
        return start >= 0 && value[(start + open.Length)..].IndexOf(close) > 0;
    }

    private static bool IsIdentifier(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMask(ReadOnlySpan<char> value)
    {
        var same = true;
        var masked = true;
        foreach (var c in value)
        {
            same &= c == value[0];
            masked &= c is 'x' or 'X' or '*' or '.' or '-' or '_' or '#' or '•' or '?' or ' ';
        }

        return same || masked;
    }

    private static bool IsWord(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length, 256)];
        var length = 0;
        foreach (var c in value[..buffer.Length])
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var word = buffer[..length];
        if (length == 0 || Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        foreach (var fragment in Fragments)
        {
            if (word.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // your-password-here, myPassword, SecurePwdGoesHere, <YourStrong@Passw0rd>, SET_A_PWD_HERE_123.
        var phrase = word.StartsWith("my", StringComparison.Ordinal) || word.Contains("your", StringComparison.Ordinal)
            || word.EndsWith("here", StringComparison.Ordinal);
        foreach (var noun in Nouns)
        {
            var at = word.IndexOf(noun, StringComparison.Ordinal);
            if (at >= 0 && (phrase || word[(at + noun.Length)..].Contains("here", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
