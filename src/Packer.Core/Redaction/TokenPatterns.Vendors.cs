using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Tokens of cloud providers, SaaS APIs and package registries, each ported from the gitleaks rule of the same
/// id (<c>config/gitleaks.toml</c> at gitleaks commit b58d3f1, v8.30.0+27): the same prefix, alphabet and lengths.
/// gitleaks' <c>\b…(?:[\x60'"\s;]|\\[nr]|$)</c> edges are written, as elsewhere here, as lookarounds on the
/// token's own alphabet, so that a token before <c>,</c>, <c>)</c> or <c>&lt;</c> is found too; unbounded
/// lengths (<c>{100,}</c>) are bounded so that every expression stays linear.
/// </summary>
internal static partial class TokenPatterns
{
    // Cloud providers and infrastructure.

    /// <summary>aws-amazon-bedrock-api-key-long-lived.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_+/=-])ABSK[A-Za-z0-9+/]{109,269}={0,2}(?![A-Za-z0-9_+/=-])", Options)]
    public static partial Regex AwsBedrockApiKey();

    /// <summary>alibaba-access-key-id.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9_])", Options)]
    public static partial Regex AlibabaAccessKeyId();

    /// <summary>digitalocean-pat.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])dop_v1_[a-f0-9]{64}(?![A-Za-z0-9_])", Options)]
    public static partial Regex DigitalOceanPat();

    /// <summary>digitalocean-access-token (OAuth).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])doo_v1_[a-f0-9]{64}(?![A-Za-z0-9_])", Options)]
    public static partial Regex DigitalOceanAccessToken();

    /// <summary>digitalocean-refresh-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])dor_v1_[a-f0-9]{64}(?![A-Za-z0-9_])", Options)]
    public static partial Regex DigitalOceanRefreshToken();

    /// <summary>heroku-api-key-v2.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])HRKU-AA[A-Za-z0-9_-]{58}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex HerokuApiKeyV2();

    /// <summary>cloudflare-origin-ca-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex CloudflareOriginCaKey();

    /// <summary>hashicorp-tf-api-token (Terraform Cloud).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])", Options)]
    public static partial Regex TerraformApiToken();

    /// <summary>vault-service-token, its <c>hvs.</c> form (the legacy <c>s.</c> + 24 form is left to generic-api-key).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])hvs\.[A-Za-z0-9_-]{90,120}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex VaultServiceToken();

    /// <summary>vault-batch-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])hvb\.[A-Za-z0-9_-]{138,300}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex VaultBatchToken();

    /// <summary>doppler-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])dp\.pt\.[A-Za-z0-9]{43}(?![A-Za-z0-9_])", Options)]
    public static partial Regex DopplerApiToken();

    /// <summary>pulumi-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}(?![A-Za-z0-9_])", Options)]
    public static partial Regex PulumiApiToken();

    /// <summary>databricks-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9_-])", Options)]
    public static partial Regex DatabricksApiToken();

    /// <summary>grafana-api-key (the legacy <c>eyJrIjoi</c> keys).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_+/=-])eyJrIjoi[A-Za-z0-9]{70,400}={0,3}(?![A-Za-z0-9_+/=.-])", Options)]
    public static partial Regex GrafanaApiKey();

    /// <summary>grafana-cloud-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])glc_[A-Za-z0-9+/]{32,400}={0,3}(?![A-Za-z0-9_+/=])", Options)]
    public static partial Regex GrafanaCloudApiToken();

    /// <summary>grafana-service-account-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GrafanaServiceAccountToken();

    /// <summary>dynatrace-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}(?![A-Za-z0-9_])", Options)]
    public static partial Regex DynatraceApiToken();

    /// <summary>octopus-deploy-api-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])API-[A-Z0-9]{26}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex OctopusDeployApiKey();

    /// <summary>age-secret-key (bech32 body).</summary>
    [GeneratedRegex(@"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])", Options)]
    public static partial Regex AgeSecretKey();

    // SaaS APIs.

    /// <summary>sendgrid-api-token: <c>SG.</c> + 66 (two base64url parts joined by a dot).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9=_.-]{66}(?![A-Za-z0-9=_.-])", Options)]
    public static partial Regex SendGridApiToken();

    /// <summary>twilio-api-key: <c>SK</c> + 32 hex.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])SK[0-9a-fA-F]{32}(?![A-Za-z0-9_])", Options)]
    public static partial Regex TwilioApiKey();

    /// <summary>sendinblue-api-token (Brevo).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex SendinblueApiToken();

    /// <summary>shopify-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])shpat_[a-fA-F0-9]{32}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ShopifyAccessToken();

    /// <summary>shopify-custom-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])shpca_[a-fA-F0-9]{32}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ShopifyCustomAccessToken();

    /// <summary>shopify-private-app-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])shppa_[a-fA-F0-9]{32}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ShopifyPrivateAppAccessToken();

    /// <summary>shopify-shared-secret.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])shpss_[a-fA-F0-9]{32}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ShopifySharedSecret();

    /// <summary>square-access-token; <c>+</c>, <c>/</c> and <c>=</c> also end it, so a base64 run that starts with <c>EAAA</c> is not one.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_+/=-])(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60}(?![A-Za-z0-9_+/=-])", Options)]
    public static partial Regex SquareAccessToken();

    /// <summary>postman-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])PMAK-[A-Fa-f0-9]{24}-[A-Fa-f0-9]{34}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex PostmanApiToken();

    /// <summary>linear-api-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])", Options)]
    public static partial Regex LinearApiKey();

    /// <summary>notion-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])ntn_[0-9]{11}[A-Za-z0-9]{35}(?![A-Za-z0-9_])", Options)]
    public static partial Regex NotionApiToken();

    /// <summary>huggingface-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])", Options)]
    public static partial Regex HuggingFaceAccessToken();

    /// <summary>perplexity-api-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex PerplexityApiKey();

    /// <summary>sentry-user-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])sntryu_[a-f0-9]{64}(?![A-Za-z0-9_])", Options)]
    public static partial Regex SentryUserToken();

    /// <summary>atlassian-api-token, its <c>ATATT3</c> form (the keyed form is left to generic-api-key).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{186}(?![A-Za-z0-9_=-])", Options)]
    public static partial Regex AtlassianApiToken();

    /// <summary>facebook-page-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_+/=-])EAA[MC][A-Za-z0-9]{100,1000}(?![A-Za-z0-9_+/=-])", Options)]
    public static partial Regex FacebookPageAccessToken();

    /// <summary>microsoft-teams-webhook. The value is the path after the host, as for Slack's.</summary>
    [GeneratedRegex(@"https://[a-z0-9]+\.webhook\.office\.com/(?<s>webhookb2/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}@[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12})", Options)]
    public static partial Regex TeamsWebhook();

    // Package registries and source hosts.

    /// <summary>npm-access-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", Options)]
    public static partial Regex NpmAccessToken();

    /// <summary>pypi-upload-token.</summary>
    [GeneratedRegex(@"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex PyPiUploadToken();

    /// <summary>rubygems-api-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])rubygems_[a-f0-9]{48}(?![A-Za-z0-9_])", Options)]
    public static partial Regex RubyGemsApiToken();

    /// <summary>artifactory-api-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ArtifactoryApiKey();

    /// <summary>artifactory-reference-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])cmVmd[A-Za-z0-9]{59}(?![A-Za-z0-9_])", Options)]
    public static partial Regex ArtifactoryReferenceToken();

    /// <summary>gitlab-pat (the legacy 20-character form).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_.-])", Options)]
    public static partial Regex GitLabPat();

    /// <summary>gitlab-pat-routable.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{27,300}\.[0-9a-z]{9}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GitLabPatRoutable();

    /// <summary>gitlab-ptt (pipeline trigger token).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glptt-[0-9a-f]{40}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GitLabPipelineTriggerToken();

    /// <summary>gitlab-rrt (runner registration token).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex GitLabRunnerRegistrationToken();

    /// <summary>gitlab-deploy-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])gldt-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex GitLabDeployToken();

    /// <summary>gitlab-runner-authentication-token (the legacy 20-character form).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glrt-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_.-])", Options)]
    public static partial Regex GitLabRunnerToken();

    /// <summary>gitlab-runner-authentication-token-routable.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glrt-t[0-9]_[A-Za-z0-9_-]{27,300}\.[0-9a-z]{9}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GitLabRunnerTokenRoutable();

    /// <summary>gitlab-cicd-job-token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex GitLabCiJobToken();

    // Tokens within tokens.

    /// <summary>
    /// jwt-base64: a JWT encoded once more in base64 (<c>ZXlK</c> is <c>eyJ</c>), its header starting with one of
    /// the registered header names; kept to one line (gitleaks' alphabet also takes line breaks).
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_+/=-])ZXlK(?:aGJHY2lPaU|aGNIVWlPaU|aGNIWWlPaU|aGRXUWlPaU|aU5qUWlP|amNtbDBJanBi|amRIa2lPaU|bGNHc2lPbn|bGJtTWlPaU|cWEzVWlPaU|cWQyc2lPb|cGMzTWlPaU|cGRpSTZJ|cmFXUWlP|clpYbGZiM0J6SWpwY|cmRIa2lPaUp|dWIyNWpaU0k2|d01tTWlP|d01uTWlPaU|d2NIUWlPaU|emRXSWlPaU|emRuUWlP|MFlXY2lPaU|MGVYQWlPaUp|MWNtd2l|MWMyVWlPaUp|MlpYSWlPaU|MlpYSnphVzl1SWpv|NElqb2|NE5XTWlP|NE5YUWlPaU|NE5YUWpVekkxTmlJNkl|NE5YVWlPaU|NmFYQWlPaU)[A-Za-z0-9/\\_+-]{40,8000}={0,2}(?![A-Za-z0-9/\\_+=-])", Options)]
    public static partial Regex JwtBase64();
}
