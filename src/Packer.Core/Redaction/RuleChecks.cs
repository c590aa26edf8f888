namespace Packer.Core.Redaction;

/// <summary>Checks of a match in its context, for the rules whose expression alone would find code or names.</summary>
internal static class RuleChecks
{
    private static readonly string[] KeyFileEndings = [".pem", ".key", ".pfx", ".p12", ".cer", ".crt", ".snk", ".json", ".txt"];

    private static readonly string[] PasswordKeyEndings = ["password", "passwd", "passphrase", "pwd", "secret"];

    /// <summary>
    /// A <c>Password=</c> is a connection string's when its line has another connection-string pair ended by
    /// <c>;</c> (<c>Server=…;</c>, <c>User Id=…;</c>); with blanks around <c>=</c> and a member name or call as
    /// its value (<c>Password = options.Password,</c>) it is code.
    /// </summary>
    public static bool IsConnectionStringPassword(Candidate candidate)
    {
        if (!ContextPatterns.ConnectionStringKey().IsMatch(candidate.Line))
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
