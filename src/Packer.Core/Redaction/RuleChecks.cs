using System.Buffers;

namespace Packer.Core.Redaction;

/// <summary>Checks of a match in its context, for the rules whose expression alone would find code or names.</summary>
internal static class RuleChecks
{
    private static readonly string[] KeyFileEndings = [".pem", ".key", ".pfx", ".p12", ".cer", ".crt", ".snk", ".json", ".txt"];

    private static readonly SearchValues<string> Stopwords = SearchValues.Create([.. GenericStopwords.All], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] PasswordKeyEndings = ["password", "passwd", "passphrase", "pwd", "secret"];

    /// <summary>
    /// A <c>Password=</c> is a connection string's when its line has another connection-string pair ended by
    /// <c>;</c> (<c>Server=…;</c>, <c>User Id=…;</c>), or when it opens its line and the line before or after has
    /// one (a multi-line verbatim string, <c>@"Server=…;\nPassword=…;"</c>); with blanks around <c>=</c> and a
    /// member name or call as its value (<c>Password = options.Password,</c>) it is code.
    /// </summary>
    public static bool IsConnectionStringPassword(Candidate candidate)
    {
        if (!ContextPatterns.ConnectionStringKey().IsMatch(candidate.Line)
            && !(OpensLine(candidate.Text, candidate.Match.Index) && NeighbourLineHasConnectionStringKey(candidate)))
        {
            return false;
        }

        var spaced = candidate.Match.Groups["sp"].Length > 0 || candidate.Text[candidate.Start - 1] is ' ' or '\t';
        return !spaced || !ContextPatterns.CodeExpression().IsMatch(candidate.Value);
    }

    /// <summary>
    /// A secret-named key's value in a configuration file is a secret unless the key names something public,
    /// or the value is a URL or a key file's path. Password-like keys (<c>…Password</c>, <c>…Secret</c>) take any
    /// value but a human's placeholder (<c>changeme</c>, <c>your-password</c>); token- and key-like keys (<c>…Token</c>, <c>ApiKey</c>) take values of eight or more characters,
    /// without blanks, that are not plain names (<c>X-Api-Key</c>, <c>access_token</c>).
    /// </summary>
    public static bool IsConfigSecret(Candidate candidate)
    {
        var key = candidate.Match.Groups["k"].ValueSpan;
        var value = candidate.Value;
        if (key.Contains("public", StringComparison.OrdinalIgnoreCase)
            || value.Contains("://", StringComparison.Ordinal)
            || EndsWithAny(value, KeyFileEndings))
        {
            return false;
        }

        if (EndsWithAny(key, PasswordKeyEndings))
        {
            return !Placeholders.IsPlaceholder(value, chosenByHuman: true);
        }

        return value.Length >= 8 && !value.ContainsAny(' ', '\t') && !IsName(value);
    }

    /// <summary>
    /// gitleaks generic-api-key's allow lists: a value of letters, <c>_</c>, <c>.</c> and <c>-</c> alone is a name, and
    /// (not in gitleaks) so is one of words with a digit or two after them (<see cref="GenericPatterns.WordsName"/>); a
    /// value holding a stop word (<see cref="GenericStopwords"/>) is a word; a key the rule's list names
    /// (<c>PublicKey</c>, <c>KeyId</c>, <c>SecretName</c>, <c>ApiVersion</c>, <c>UserSecretsId</c>, <c>author</c>…),
    /// checked on the identifier before the keyword, the match and the character after it as gitleaks checks its
    /// match, is not a secret's; nor is a line of a Docker build secret or a JavaScript import.
    /// </summary>
    public static bool IsGenericSecret(Candidate candidate)
    {
        var value = candidate.Value;
        if (IsName(value) || value.ContainsAny(Stopwords) || GenericPatterns.WordsName().IsMatch(value))
        {
            return false;
        }

        var text = candidate.Text;
        var match = candidate.Match;
        var keyStart = match.Index;
        while (keyStart > 0 && match.Index - keyStart < 50 && IsKeyCharacter(text[keyStart - 1]))
        {
            keyStart--;
        }

        var end = Math.Min(text.Length, match.Index + match.Length + 1);
        return !GenericPatterns.AllowedKey().IsMatch(text.AsSpan(keyStart, end - keyStart))
            && !GenericPatterns.AllowedLine().IsMatch(candidate.Line);
    }

    /// <summary>A token with no digit at all is a name (<c>xoxb-token-from-slack</c>); Slack's ids are numeric.</summary>
    public static bool HasDigit(Candidate candidate) => candidate.Value.ContainsAnyInRange('0', '9');

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (text.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether only blanks and a string's opening (<c>"</c>, <c>@"</c>, <c>'</c>, <c>+</c>) stand before an offset on its line.</summary>
    private static bool OpensLine(string text, int at)
    {
        for (var i = at - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (text[i] is not (' ' or '\t' or '"' or '\'' or '@' or '$' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the line before or after the value's (each cut to <see cref="Candidate.Reach"/>) has a connection-string pair.</summary>
    private static bool NeighbourLineHasConnectionStringKey(Candidate candidate)
    {
        var text = candidate.Text;

        // OpensLine has checked that only blanks and quotes stand between the line's start and the key.
        var lineStart = text.AsSpan(0, candidate.Match.Index).LastIndexOf('\n') + 1;
        if (lineStart > 0)
        {
            var previousStart = Math.Max(0, lineStart - 1 - Candidate.Reach);
            var previous = text.AsSpan(previousStart, lineStart - 1 - previousStart);
            if (ContextPatterns.ConnectionStringKey().IsMatch(previous[(previous.LastIndexOf('\n') + 1)..]))
            {
                return true;
            }
        }

        var lineEnd = text.AsSpan(candidate.Start, Math.Min(Candidate.Reach, text.Length - candidate.Start)).IndexOf('\n');
        if (lineEnd < 0)
        {
            return false;
        }

        lineEnd += candidate.Start;

        var next = text.AsSpan(lineEnd + 1, Math.Min(Candidate.Reach, text.Length - lineEnd - 1));
        var nextEnd = next.IndexOf('\n');
        return ContextPatterns.ConnectionStringKey().IsMatch(nextEnd < 0 ? next : next[..nextEnd]);
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static bool IsName(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsLetter(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
