using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Every rule, in priority order: when two rules find one value, the earlier one names it. Whole blocks come
/// first, then tokens known by their shape (most specific prefix first), then values known by their context.
/// Sources: gitleaks <c>config/gitleaks.toml</c> (rule ids, keywords, entropy thresholds) and the secretlint rule
/// packages; see <see cref="TokenPatterns"/>, <see cref="ContextPatterns"/> and <see cref="ConfigPatterns"/>.
/// Several entries may share an id (one rule, several shapes): the allow list turns them off together.
/// </summary>
internal static class RuleCatalog
{
    /// <summary>Gets the rules, in priority order.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new PrivateKeyRule(),
        Token("aws-access-key-id", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], TokenPatterns.AwsAccessKeyId(), entropy: 3),
        new PatternRule("aws-secret-access-key", ["secret"], TokenPatterns.AwsSecretAccessKey()) { MinEntropy = 3 },
        Token("aws-secret-access-key", ["AKIA", "ASIA"], TokenPatterns.AwsKeyPair(), entropy: 3),
        Token("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], TokenPatterns.GitHubToken(), entropy: 3),
        Token("github-fine-grained-pat", ["github_pat_"], TokenPatterns.GitHubFineGrainedPat(), entropy: 3),
        Token("anthropic-api-key", ["sk-ant-"], TokenPatterns.AnthropicApiKey(), entropy: 3),
        Token("openai-api-key", ["sk-"], TokenPatterns.OpenAiApiKey(), entropy: 3),
        new PatternRule("slack-token", ["xox", "xapp-"], TokenPatterns.SlackToken())
        {
            KeywordComparison = StringComparison.Ordinal,
            MinEntropy = 3,
            MinLength = 20,
            Accept = RuleChecks.HasDigit,
        },
        Token("slack-webhook-url", ["hooks.slack.com"], TokenPatterns.SlackWebhook(), entropy: 3),
        Token("stripe-api-key", ["k_live_", "k_test_", "k_prod_"], TokenPatterns.StripeKey(), entropy: 2),
        Token("jwt", ["eyJ", "eyA"], TokenPatterns.Jwt(), entropy: 3),
        Token("gcp-api-key", ["AIza"], TokenPatterns.GcpApiKey(), entropy: 4),
        Token("nuget-api-key", ["oy2"], TokenPatterns.NuGetApiKey(), entropy: 3),
        Token("azure-ad-client-secret", ["Q~"], TokenPatterns.AzureAdClientSecret(), entropy: 3),
        new PatternRule("azure-storage-account-key", ["accountkey"], ContextPatterns.AzureAccountKey()) { MinEntropy = 3.5 },
        new PatternRule("azure-shared-access-key", ["sharedaccesskey"], ContextPatterns.AzureSharedAccessKey()) { MinEntropy = 3.5 },
        Token("azure-sas-signature", ["sig="], ContextPatterns.AzureSasSignature(), entropy: 3.5),
        new PatternRule("nuget-cleartext-password", ["cleartextpassword"], ContextPatterns.NuGetClearTextPassword()) { ChosenByHuman = true },
        new PatternRule("connection-string-password", ["password", "pwd"], ContextPatterns.ConnectionStringPassword())
        {
            ChosenByHuman = true,
            Accept = RuleChecks.IsConnectionStringPassword,
        },
        new PatternRule("connection-string-password", ["password="], ContextPatterns.RedisPassword()) { ChosenByHuman = true },
        new PatternRule("url-credentials", ["://"], ContextPatterns.UrlCredentials())
        {
            ChosenByHuman = true,
            KeywordComparison = StringComparison.Ordinal,
        },
        Config(ConfigFiles.IsJson, ConfigPatterns.Json()),
        Config(ConfigFiles.IsKeyValue, ConfigPatterns.KeyValue()),
        Config(ConfigFiles.IsXml, ConfigPatterns.XmlElement(), ConfigPatterns.XmlAttribute()),
    ];

    /// <summary>Gets the distinct rule ids, sorted ordinally.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A rule whose keywords are case-sensitive, like its expression.</summary>
    private static PatternRule Token(string id, string[] keywords, Regex pattern, double entropy) =>
        new(id, keywords, pattern) { MinEntropy = entropy, KeywordComparison = StringComparison.Ordinal };

    /// <summary>The values of secret-named keys in configuration files of one syntax.</summary>
    private static PatternRule Config(Func<string, bool> files, params Regex[] patterns) =>
        new("config-secret", ["pass", "pwd", "secret", "token", "key", "salt"], patterns)
        {
            Files = files,
            MinLength = 3,
            Accept = RuleChecks.IsConfigSecret,
        };
}
