using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// Expressions for secrets recognizable by their own shape (a vendor prefix, a fixed length). Each is adapted
/// from the rule named beside it in gitleaks' <c>config/gitleaks.toml</c> (G) or a secretlint rule package
/// (S, <c>packages/@secretlint/secretlint-rule-*/src/index.ts</c>); word boundaries are written as lookarounds
/// on the token's own alphabet, so <c>_</c> or <c>-</c> next to a token neither hides nor extends it.
/// </summary>
internal static partial class TokenPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>G aws-access-token (base32 body, A3T/AKIA/ASIA/ABIA/ACCA); S aws AWSAccessKeyIDPattern.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])", Options)]
    public static partial Regex AwsAccessKeyId();

    /// <summary>
    /// S aws AWSSecretPatten: <c>[aws_]secret_access_key = 40 chars</c>, in any separator style; and any key that
    /// names AWS and a secret (<c>awsSecret</c>, <c>AWS_SECRET_KEY</c>), as code names the variable. C#'s
    /// <c>@"</c> and <c>$"</c> may open the value.
    /// </summary>
    [GeneratedRegex(@"(?i:aws[A-Za-z0-9_.-]{0,20}?secret[A-Za-z0-9_.-]{0,20}|secret[_.-]?access[_.-]?key)[""']?[ \t]*(?::=|=>|:|=)[ \t]*[@$]?[""']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", Options)]
    public static partial Regex AwsSecretAccessKey();

    /// <summary>An access key id followed on its line by its 40-character secret (CSV exports, credential constructors).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}[""']?[ \t]*[,:;=|][ \t]*[""']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", Options)]
    public static partial Regex AwsKeyPair();

    /// <summary>G github-pat, github-oauth, github-app-token, github-refresh-token; S github.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GitHubToken();

    /// <summary>G github-fine-grained-pat; S github FINE_GRAINED_GITHUB_TOKEN_PATTERN.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])", Options)]
    public static partial Regex GitHubFineGrainedPat();

    /// <summary>
    /// G anthropic-api-key, anthropic-admin-api-key; S anthropic (<c>sk-ant-api0N-…AA</c>), widened to any
    /// <c>sk-ant-&lt;kind&gt;NN-</c> prefix and without the <c>AA</c> tail.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-ant-[a-z]{2,10}[0-9]{2}-[A-Za-z0-9_-]{32,300}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex AnthropicApiKey();

    /// <summary>
    /// G openai-api-key; S openai: project, service-account and admin keys, and the legacy <c>sk-</c> + 48
    /// (which holds <c>T3BlbkFJ</c>), widened to any <c>sk-</c> + 32 or more letters and digits.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,300}|[A-Za-z0-9]{32,300})(?![A-Za-z0-9_-])", Options)]
    public static partial Regex OpenAiApiKey();

    /// <summary>S slack (<c>xox[bpaor]-…</c>, <c>xapp-</c>); G slack-bot-token, slack-user-token, slack-app-token, slack-legacy-*.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?:xox[abeoprs]|xapp)-(?:[A-Za-z0-9]{1,80}-){1,8}[A-Za-z0-9]{1,200}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex SlackToken();

    /// <summary>G slack-webhook-url; S slack webhook. The value is the path after the kind.</summary>
    [GeneratedRegex(@"hooks\.slack\.com/(?:services|workflows|triggers)/(?<s>[A-Za-z0-9+/_-]{20,200})", Options)]
    public static partial Regex SlackWebhook();

    /// <summary>G stripe-access-token; S stripe (secret and restricted keys; publishable <c>pk_</c> keys are public).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9])", Options)]
    public static partial Regex StripeKey();

    /// <summary>
    /// G jwt: <c>eyJ…</c> header and payload, optional signature. The header is base64url like the rest, so it
    /// may hold <c>-</c> and <c>_</c> (gitleaks' header alphabet lacks them).
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_/+-])ey[A-Za-z0-9_-]{17,4000}\.ey[A-Za-z0-9_-]{17,8000}\.(?:[A-Za-z0-9_-]{10,4000}={0,2})?(?![A-Za-z0-9_.=-])", Options)]
    public static partial Regex Jwt();

    /// <summary>G gcp-api-key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])", Options)]
    public static partial Regex GcpApiKey();

    /// <summary>
    /// NuGet.org API keys, from Microsoft's security-utilities (<c>SEC101/031 NuGetApiKey</c>), which neither
    /// gitleaks nor secretlint has.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9a-z])oy2[a-p][0-9a-z]{15}[aq][0-9a-z]{11}[eu][bdfhjlnprtvxz357][a-p][0-9a-z]{11}[aeimquy4](?![0-9a-z])", Options)]
    public static partial Regex NuGetApiKey();

    /// <summary>G azure-ad-client-secret (<c>xxxNQ~</c> + 31 to 34).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", Options)]
    public static partial Regex AzureAdClientSecret();
}
