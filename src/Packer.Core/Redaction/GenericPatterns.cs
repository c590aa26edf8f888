using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// gitleaks' generic-api-key (<c>config/gitleaks.toml</c> at commit b58d3f1): a value of ten or more token
/// characters assigned to a key that names a secret (<c>access</c>, <c>auth</c>, <c>api</c>, <c>credential</c>,
/// <c>creds</c>, <c>key</c>, <c>passw(or)d</c>, <c>secret</c>, <c>token</c>), kept when its entropy exceeds 3.5 and
/// neither it nor the key is on the rule's allow lists (<see cref="RuleChecks.IsGenericSecret"/>).
/// </summary>
/// <remarks>
/// Differences from gitleaks, each for .NET code: the match starts at the keyword (the identifier before it, which
/// gitleaks matches with a lazy <c>[\w.-]{0,50}?</c>, is read back by the check, so the engine does not try fifty
/// prefixes at every letter); <c>(</c> also assigns, so an attribute's or a call's first argument counts
/// (<c>[ApiKey("…")]</c>), while <c>,</c> assigns only after a quoted key (<c>Add("X-Api-Key", "…")</c>, not
/// <c>InlineData(OAuthType.AccessToken, "…")</c>); the allow list of keys also takes a blank between its words
/// (<c>&lt;key id="…"&gt;</c> as <c>key_id</c>); the value may open with C#'s <c>@"</c> or <c>$"</c> and sit
/// in a decoding call (<c>Convert.FromBase64String("…")</c>, <c>Encoding.UTF8.GetBytes("…")</c>); the base64
/// alternative is bounded (1,000) and the end is a lookahead, so matches stay linear and do not eat the quote.
/// </remarks>
internal static partial class GenericPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>The keywords, one of which starts every match (see <see cref="PatternRule.Anchors"/>).</summary>
    public static readonly string[] Keywords = ["key", "token", "api", "auth", "access", "secret", "password", "passwd", "credential", "creds"];

    /// <summary>
    /// The key from its keyword on, an assignment, and the value (group <c>s</c>); tried only where a keyword
    /// stands (<c>\G</c>): the engine's own search for a first character would stop at every a, c, k, p, s and t.
    /// </summary>
    [GeneratedRegex(
        @"\G(?:(?i:access|auth|credential|creds|key|passw(?:or)?d|secret|token)|[Aa]pi|API)[ \tA-Za-z0-9_.-]{0,20}"
        + @"(?:[\s'""]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|\()|['""][\s'""]{0,2},)[`'""\s=@$]{0,5}"
        + @"(?:(?:Convert\.From(?:Base64|Hex)String|Encoding\.[A-Za-z0-9]{2,10}\.GetBytes)\([ \t]*[@$]?[""'])?"
        + @"(?<s>[A-Za-z0-9_.=-]{10,150}|[A-Za-z0-9][A-Za-z0-9+/]{11,1000}={0,3})"
        + @"(?=[`'""\s;]|\\[nr]|$)",
        Options)]
    public static partial Regex GenericApiKey();

    /// <summary>
    /// Tells whether a match could start at a keyword: the first character past the key's own characters, blanks
    /// and quotes (at most 33 of them: a keyword, 20 more, 3 quotes or blanks) must be an assignment's. Most
    /// keywords in code are no key (<c>cancellationToken)</c>), and this costs less than trying the expression.
    /// </summary>
    public static bool CouldAssign(string text, int at)
    {
        var end = Math.Min(text.Length, at + 34);
        for (var i = at; i < end; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-' or '\'' or '"') && !char.IsWhiteSpace(c))
            {
                return c is '=' or '>' or ':' or '|' or '?' or '(' or ',';
            }
        }

        return false;
    }

    /// <summary>
    /// The rule's allow list of keys, matched against the key and the whole match (gitleaks' <c>regexTarget =
    /// "match"</c>), and Application Insights' <c>InstrumentationKey</c>.
    /// </summary>
    [GeneratedRegex(
        @"(?i)(?:access(?:ibility|or)|access[ _.-]?id|random[ _.-]?access|api[ _.-]?(?:id|name|version)|rapid|capital"
        + @"|[a-z0-9-]{0,100}?api[a-z0-9-]{0,100}?:jar:|author|X-MS-Exchange-Organization-Auth|Authentication-Results"
        + @"|(?:credentials?[ _.-]?id|withCredentials)|(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|schema|sequence)[ _.-]?key"
        + @"|(?:turkey)|key[ _.-]?(?:alias|board|code|frame|id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|storetype|word|up|down|left|right)"
        + @"|key[ _.-]?vault[ _.-]?(?:id|name)|keyVaultToStoreSecrets|key(?:store|tab)[ _.-]?(?:file|path)|issuerkeyhash"
        + @"|(?-i:[DdMm]onkey|[DM]ONKEY)|keying|(?:secret)[ _.-]?(?:length|name|size)|UserSecretsId|(?:csrf)[ _.-]?token"
        + @"|(?:io\.jsonwebtoken[ \t]?:[ \t]?[\w-]+)|(?:api|credentials|token)[ _.-]?(?:endpoint|ur[il])|public[ _.-]?token"
        + @"|(?:key|token)[ _.-]?file"
        + @"|instrumentation[ _.-]?key" // .NET: Application Insights' key, which Microsoft documents as no secret.
        + @"|(?-i:(?:[A-Z_]+=\n[A-Z_]+=|[a-z_]+=\n[a-z_]+=)(?:\n|\z))|(?-i:(?:[A-Z.]+=\n[A-Z.]+=|[a-z.]+=\n[a-z.]+=)(?:\n|\z)))",
        Options)]
    public static partial Regex AllowedKey();

    /// <summary>
    /// A name of words, not a key: two or more parts joined by <c>-</c>, <c>_</c> or <c>.</c>, each a lower-case,
    /// upper-case or capitalized word with at most two digits after it (<c>between2-and4-paucal</c>,
    /// <c>orders-db-v2</c>), or a number of up to four digits, one part at least a word of three letters. A random
    /// value has its digits anywhere and its letters in mixed case, so it is almost never one.
    /// </summary>
    [GeneratedRegex(@"^(?=.*[A-Za-z]{3})(?:(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)[0-9]{0,2}|[0-9]{1,4})(?:[-_.](?:(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)[0-9]{0,2}|[0-9]{1,4}))+[-_.]?$", Options)]
    public static partial Regex WordsName();

    /// <summary>The rule's allow list of lines: Docker build secrets and JavaScript imports.</summary>
    [GeneratedRegex(@"--mount=type=secret,|import[ \t]+\{[ \t\w,]+\}[ \t]+from[ \t]+['""][^'""]+['""]", Options)]
    public static partial Regex AllowedLine();
}
