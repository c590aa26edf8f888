namespace Packer.Core.Redaction;

/// <summary>
/// Every rule, in priority order: when two rules find one value, the earlier one names it. Whole blocks come
/// first, then tokens known by their shape (most specific prefix first), then values known by their context.
/// Sources: gitleaks <c>config/gitleaks.toml</c> (rule ids, keywords, entropy thresholds) and the secretlint rule
/// packages; see <see cref="TokenPatterns"/>, <see cref="ContextPatterns"/> and <see cref="ConfigPatterns"/>.
/// </summary>
internal static class RuleCatalog
{
    /// <summary>Gets the rules, in priority order.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new PrivateKeyRule(),
        new PatternRule("aws-access-key-id", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], TokenPatterns.AwsAccessKeyId()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("aws-secret-access-key", ["secret"], TokenPatterns.AwsSecretAccessKey()) { MinEntropy = 3 },
        new PatternRule("aws-secret-access-key", ["AKIA", "ASIA"], TokenPatterns.AwsKeyPair()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], TokenPatterns.GitHubToken()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("github-fine-grained-pat", ["github_pat_"], TokenPatterns.GitHubFineGrainedPat()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("anthropic-api-key", ["sk-ant-"], TokenPatterns.AnthropicApiKey()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("openai-api-key", ["sk-"], TokenPatterns.OpenAiApiKey()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("slack-token", ["xox", "xapp-"], TokenPatterns.SlackToken())
        {
            KeywordComparison = StringComparison.Ordinal,
            MinEntropy = 3,
            MinLength = 20,
            Accept = RuleChecks.HasDigit,
        },
        new PatternRule("slack-webhook-url", ["hooks.slack.com"], TokenPatterns.SlackWebhook()) { MinEntropy = 3 },
        new PatternRule("stripe-api-key", ["k_live_", "k_test_", "k_prod_"], TokenPatterns.StripeKey())
        {
            KeywordComparison = StringComparison.Ordinal,
            MinEntropy = 2,
        },
        new PatternRule("jwt", ["eyJ", "eyA"], TokenPatterns.Jwt()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("gcp-api-key", ["AIza"], TokenPatterns.GcpApiKey()) { MinEntropy = 4, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("nuget-api-key", ["oy2"], TokenPatterns.NuGetApiKey()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("azure-ad-client-secret", ["Q~"], TokenPatterns.AzureAdClientSecret()) { MinEntropy = 3, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("azure-storage-account-key", ["accountkey"], ContextPatterns.AzureAccountKey()) { MinEntropy = 3.5 },
        new PatternRule("azure-shared-access-key", ["sharedaccesskey"], ContextPatterns.AzureSharedAccessKey()) { MinEntropy = 3.5 },
        new PatternRule("azure-sas-signature", ["sig="], ContextPatterns.AzureSasSignature()) { MinEntropy = 3.5, KeywordComparison = StringComparison.Ordinal },
        new PatternRule("nuget-cleartext-password", ["cleartextpassword"], ContextPatterns.NuGetClearTextPassword()),
        new PatternRule("connection-string-password", ["password", "pwd"], ContextPatterns.ConnectionStringPassword())
        {
            Accept = RuleChecks.IsConnectionStringPassword,
        },
        new PatternRule("connection-string-password", ["password="], ContextPatterns.RedisPassword()),
        new PatternRule("url-credentials", ["://"], ContextPatterns.UrlCredentials()) { KeywordComparison = StringComparison.Ordinal },
        new PatternRule("config-secret", ConfigKeywords, ConfigPatterns.Json()) { Files = ConfigFiles.IsJson, MinLength = 3, Accept = RuleChecks.IsConfigSecret },
        new PatternRule("config-secret", ConfigKeywords, ConfigPatterns.KeyValue())
        {
            Files = ConfigFiles.IsKeyValue,
            MinLength = 3,
            Accept = RuleChecks.IsConfigSecret,
        },
        new PatternRule("config-secret", ConfigKeywords, ConfigPatterns.XmlElement(), ConfigPatterns.XmlAttribute())
        {
            Files = ConfigFiles.IsXml,
            MinLength = 3,
            Accept = RuleChecks.IsConfigSecret,
        },
    ];

    /// <summary>Gets the distinct rule ids, sorted ordinally.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal)];

    private static string[] ConfigKeywords => ["pass", "pwd", "secret", "token", "key"];
}
