using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Expressions for secrets known by where they stand: a key block, a connection-string key, a URL's user
/// information, a nuget.config entry. The value is group <c>s</c>; sources are named beside each.
/// </summary>
internal static partial class ContextPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>G private-key's opening line (any <c>… PRIVATE KEY</c> and PGP's <c>… KEY BLOCK</c>); S privatekey.</summary>
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", Options)]
    public static partial Regex PrivateKeyBegin();

    /// <summary>The closing line of a private key, anchored where the search starts.</summary>
    [GeneratedRegex(@"\G-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", Options)]
    public static partial Regex PrivateKeyEnd();

    /// <summary>
    /// Azure Storage and Cosmos DB <c>AccountKey=</c>: Yelp detect-secrets' AzureStorageKeyDetector and SonarSource's
    /// S6338 (<c>AccountKey=([a-zA-Z0-9/+]{86}==)</c>), with any base64 length from 20.
    /// </summary>
    [GeneratedRegex(@"(?i:AccountKey)[ \t]*=[ \t]*(?<s>[A-Za-z0-9+/]{20,200}={0,2})(?![A-Za-z0-9+/=])", Options)]
    public static partial Regex AzureAccountKey();

    /// <summary>Service Bus, Event Hubs and IoT Hub <c>SharedAccessKey=</c> (detect-secrets' Azure plugin family).</summary>
    [GeneratedRegex(@"(?i:SharedAccessKey)[ \t]*=[ \t]*(?<s>[A-Za-z0-9+/]{20,200}={0,2})(?![A-Za-z0-9+/=])", Options)]
    public static partial Regex AzureSharedAccessKey();

    /// <summary>
    /// A SAS token's <c>sig=</c>: a base64 HMAC-SHA256 (44 characters, often URL-encoded), per Microsoft Purview's
    /// "Azure Storage account shared access signature" definition.
    /// </summary>
    [GeneratedRegex(@"(?<=[?&;""'\s]|^)sig=(?<s>(?:[A-Za-z0-9+/]|%[0-9A-Fa-f]{2}){40,200}(?:=|%3[dD]){0,2})(?![A-Za-z0-9+/=%])", Options)]
    public static partial Regex AzureSasSignature();

    /// <summary>
    /// An ASP.NET Core Data Protection key file's master key (<c>key-{guid}.xml</c>: <c>&lt;masterKey …&gt;</c>, the
    /// comment "the key below is in an unencrypted form", <c>&lt;value&gt;base64&lt;/value&gt;</c>), which decrypts the
    /// application's cookies and tokens; neither gitleaks nor secretlint has it.
    /// </summary>
    [GeneratedRegex(@"<masterKey[ \t\n][^>]{0,500}>\s{0,200}(?:<!--[^>]{0,300}-->\s{0,200})?<value>(?<s>[A-Za-z0-9+/]{20,1000}={0,2})</value>", Options)]
    public static partial Regex DataProtectionMasterKey();

    /// <summary>nuget.config's <c>&lt;add key="ClearTextPassword" value="…" /&gt;</c>, either attribute first.</summary>
    [GeneratedRegex(@"(?i:key)[ \t]*=[ \t]*[""'](?i:ClearTextPassword)[""'][ \t\n]+(?i:value)[ \t]*=[ \t]*(?:""(?<s>[^""\n]*)""|'(?<s>[^'\n]*)')|(?i:value)[ \t]*=[ \t]*(?:""(?<s>[^""\n]*)""|'(?<s>[^'\n]*)')[ \t\n]+(?i:key)[ \t]*=[ \t]*[""'](?i:ClearTextPassword)[""']", Options)]
    public static partial Regex NuGetClearTextPassword();

    /// <summary>
    /// ADO.NET <c>Password=</c> / <c>Pwd=</c> (secretlint database-connection-string covers URL forms only): the
    /// value runs to <c>;</c>, a quote or the line's end; single-quoted values are taken inside the quotes.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?i:password|pwd)(?<sp>[ \t]*)=[ \t]*(?:'(?<s>[^'""\n]*)'|(?<s>[^;""'\n]*))", Options)]
    public static partial Regex ConnectionStringPassword();

    /// <summary>
    /// StackExchange.Redis configuration strings, whose options are separated by commas:
    /// <c>host:6379,ssl=true,password=…</c>.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{1,253}:[0-9]{2,5},(?:[^,""'\n]{0,200},){0,20}?(?i:password)=(?<s>[^,""'\s]{1,500})", Options)]
    public static partial Regex RedisPassword();

    /// <summary>Another key of a connection string on the line, so <c>Password=</c> is taken as one.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:server|data source|datasource|host|hostname|user id|userid|uid|user|username|database|initial catalog|dbname|addr|address|network address|dsn|provider|port|integrated security|trusted_connection|sslmode|encrypt)[ \t]*=[^;\n]*;", Options | RegexOptions.IgnoreCase)]
    public static partial Regex ConnectionStringKey();

    /// <summary>
    /// <c>scheme://user:password@host</c>: S basicauth (URL_PATTERN) and database-connection-string (mongodb,
    /// mysql, postgres), for any scheme. The password may hold <c>@</c>; the last one before the host ends it.
    /// The expression starts with the literal <c>://</c> (the scheme is a lookbehind), so it is searched for first.
    /// </summary>
    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30})://[^\s:/?#@""'<>\\\[\]`]{1,128}:(?<s>[^\s/?#""'<>\\\[\]`]{3,256})@(?=[^\s@/?#""'<>\\`])", Options)]
    public static partial Regex UrlCredentials();

    /// <summary>A member name or member access, possibly called: code, not a password.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\(.*\))?[,;)]*$", Options)]
    public static partial Regex CodeExpression();
}
