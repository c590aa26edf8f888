using System.Buffers;
using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Every rule, in priority order: when two rules find one value, the earlier one names it. Whole blocks come
/// first, then tokens known by their shape (most specific prefix first), then values known by their context, and
/// last gitleaks' generic-api-key, which names only what no other rule found. Sources: gitleaks
/// <c>config/gitleaks.toml</c> at commit b58d3f1 (rule ids, keywords, entropy thresholds; the rules added for issue
/// 28 keep gitleaks' ids, the earlier ones keep the ids allow lists already name) and the secretlint rule packages;
/// see <see cref="TokenPatterns"/>, <see cref="ContextPatterns"/>, <see cref="ConfigPatterns"/> and
/// <see cref="GenericPatterns"/>.
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

        // Ported from gitleaks with their ids and entropy thresholds (TokenPatterns.Vendors.cs).
        Token("aws-amazon-bedrock-api-key-long-lived", ["ABSK"], TokenPatterns.AwsBedrockApiKey(), entropy: 3),
        Token("alibaba-access-key-id", ["LTAI"], TokenPatterns.AlibabaAccessKeyId(), entropy: 2),
        Token("digitalocean-pat", ["dop_v1_"], TokenPatterns.DigitalOceanPat(), entropy: 3),
        Token("digitalocean-access-token", ["doo_v1_"], TokenPatterns.DigitalOceanAccessToken(), entropy: 3),
        Token("digitalocean-refresh-token", ["dor_v1_"], TokenPatterns.DigitalOceanRefreshToken(), entropy: 0),
        Token("heroku-api-key-v2", ["HRKU-AA"], TokenPatterns.HerokuApiKeyV2(), entropy: 4),
        Token("cloudflare-origin-ca-key", ["v1.0-"], TokenPatterns.CloudflareOriginCaKey(), entropy: 2),
        Token("hashicorp-tf-api-token", [".atlasv1."], TokenPatterns.TerraformApiToken(), entropy: 3.5),
        Token("vault-service-token", ["hvs."], TokenPatterns.VaultServiceToken(), entropy: 3.5),
        Token("vault-batch-token", ["hvb."], TokenPatterns.VaultBatchToken(), entropy: 4),
        Token("doppler-api-token", ["dp.pt."], TokenPatterns.DopplerApiToken(), entropy: 2),
        Token("pulumi-api-token", ["pul-"], TokenPatterns.PulumiApiToken(), entropy: 2),
        Token("databricks-api-token", ["dapi"], TokenPatterns.DatabricksApiToken(), entropy: 3),
        Token("grafana-api-key", ["eyJrIjoi"], TokenPatterns.GrafanaApiKey(), entropy: 3),
        Token("grafana-cloud-api-token", ["glc_"], TokenPatterns.GrafanaCloudApiToken(), entropy: 3),
        Token("grafana-service-account-token", ["glsa_"], TokenPatterns.GrafanaServiceAccountToken(), entropy: 3),
        Token("dynatrace-api-token", ["dt0c01."], TokenPatterns.DynatraceApiToken(), entropy: 4),
        Token("octopus-deploy-api-key", ["API-"], TokenPatterns.OctopusDeployApiKey(), entropy: 3),
        Token("age-secret-key", ["AGE-SECRET-KEY-1"], TokenPatterns.AgeSecretKey(), entropy: 0),
        Token("sendgrid-api-token", ["SG."], TokenPatterns.SendGridApiToken(), entropy: 2),
        Token("twilio-api-key", ["SK"], TokenPatterns.TwilioApiKey(), entropy: 3),
        Token("sendinblue-api-token", ["xkeysib-"], TokenPatterns.SendinblueApiToken(), entropy: 2),
        Token("shopify-access-token", ["shpat_"], TokenPatterns.ShopifyAccessToken(), entropy: 2),
        Token("shopify-custom-access-token", ["shpca_"], TokenPatterns.ShopifyCustomAccessToken(), entropy: 2),
        Token("shopify-private-app-access-token", ["shppa_"], TokenPatterns.ShopifyPrivateAppAccessToken(), entropy: 2),
        Token("shopify-shared-secret", ["shpss_"], TokenPatterns.ShopifySharedSecret(), entropy: 2),
        Token("square-access-token", ["EAAA", "sq0atp-"], TokenPatterns.SquareAccessToken(), entropy: 2),
        Token("postman-api-token", ["PMAK-"], TokenPatterns.PostmanApiToken(), entropy: 3),
        Token("linear-api-key", ["lin_api_"], TokenPatterns.LinearApiKey(), entropy: 2),
        Token("notion-api-token", ["ntn_"], TokenPatterns.NotionApiToken(), entropy: 4),
        Token("huggingface-access-token", ["hf_"], TokenPatterns.HuggingFaceAccessToken(), entropy: 2),
        Token("perplexity-api-key", ["pplx-"], TokenPatterns.PerplexityApiKey(), entropy: 4),
        Token("sentry-user-token", ["sntryu_"], TokenPatterns.SentryUserToken(), entropy: 3.5),
        Token("atlassian-api-token", ["ATATT3"], TokenPatterns.AtlassianApiToken(), entropy: 3.5),
        Token("facebook-page-access-token", ["EAAM", "EAAC"], TokenPatterns.FacebookPageAccessToken(), entropy: 4),
        Token("microsoft-teams-webhook", ["webhook.office.com"], TokenPatterns.TeamsWebhook(), entropy: 0),
        Token("npm-access-token", ["npm_"], TokenPatterns.NpmAccessToken(), entropy: 2),
        Token("pypi-upload-token", ["pypi-AgEIcHlwaS5vcmc"], TokenPatterns.PyPiUploadToken(), entropy: 3),
        Token("rubygems-api-token", ["rubygems_"], TokenPatterns.RubyGemsApiToken(), entropy: 2),
        Token("artifactory-api-key", ["AKCp"], TokenPatterns.ArtifactoryApiKey(), entropy: 4.5),
        Token("artifactory-reference-token", ["cmVmd"], TokenPatterns.ArtifactoryReferenceToken(), entropy: 4.5),
        Token("gitlab-pat", ["glpat-"], TokenPatterns.GitLabPat(), entropy: 3),
        Token("gitlab-pat-routable", ["glpat-"], TokenPatterns.GitLabPatRoutable(), entropy: 4),
        Token("gitlab-ptt", ["glptt-"], TokenPatterns.GitLabPipelineTriggerToken(), entropy: 3),
        Token("gitlab-rrt", ["GR1348941"], TokenPatterns.GitLabRunnerRegistrationToken(), entropy: 3),
        Token("gitlab-deploy-token", ["gldt-"], TokenPatterns.GitLabDeployToken(), entropy: 3),
        Token("gitlab-runner-authentication-token", ["glrt-"], TokenPatterns.GitLabRunnerToken(), entropy: 3),
        Token("gitlab-runner-authentication-token-routable", ["glrt-t"], TokenPatterns.GitLabRunnerTokenRoutable(), entropy: 4),
        Token("gitlab-cicd-job-token", ["glcbt-"], TokenPatterns.GitLabCiJobToken(), entropy: 3),
        Token("jwt-base64", ["ZXlK"], TokenPatterns.JwtBase64(), entropy: 2),

        new PatternRule("azure-storage-account-key", ["accountkey"], ContextPatterns.AzureAccountKey()) { MinEntropy = 3.5 },
        new PatternRule("azure-shared-access-key", ["sharedaccesskey"], ContextPatterns.AzureSharedAccessKey()) { MinEntropy = 3.5 },
        Token("azure-sas-signature", ["sig="], ContextPatterns.AzureSasSignature(), entropy: 3.5),
        Token("aspnet-data-protection-key", ["<masterKey"], ContextPatterns.DataProtectionMasterKey(), entropy: 3.5),
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
        new PatternRule("generic-api-key", GenericPatterns.Keywords, GenericPatterns.GenericApiKey())
        {
            Anchors = SearchValues.Create(GenericPatterns.Keywords, StringComparison.OrdinalIgnoreCase),
            AnchorCheck = GenericPatterns.CouldAssign,
            MinEntropy = 3.5,
            Accept = RuleChecks.IsGenericSecret,
        },
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
