using System.Text;

namespace Packer.Tests.Redaction;

/// <summary>
/// Fake secrets of every rule's shape, generated from a fixed seed so that no credential-shaped literal appears in
/// this source (scanners stay quiet) and every run sees the same values. None is or was ever valid.
/// </summary>
internal static class FakeSecrets
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";

    public static string AwsAccessKeyId => "AK" + "IA" + Generate(Upper + "234567", 16, 1);

    public static string AwsSecretAccessKey => Generate(Base64, 40, 2);

    public static string GitHubToken(string kind) => "gh" + kind + "_" + Generate(Alnum, 36, 3);

    public static string GitHubFineGrainedPat => "github" + "_pat_" + Generate(Alnum + "_", 82, 4);

    public static string AnthropicKey => "sk-" + "ant-" + "api03-" + Generate(Alnum + "-_", 93, 5) + "AA";

    public static string OpenAiProjectKey => "sk-" + "proj-" + Generate(Alnum + "-_", 74, 6) + "T3Blbk" + "FJ" + Generate(Alnum + "-_", 74, 7);

    public static string OpenAiLegacyKey => "sk-" + Generate(Alnum, 20, 8) + "T3Blbk" + "FJ" + Generate(Alnum, 20, 9);

    public static string SlackBotToken => "xox" + "b-" + Generate(Digits, 12, 10) + "-" + Generate(Digits, 13, 11) + "-" + Generate(Alnum, 24, 12);

    public static string SlackWebhookPath => "T" + Generate(Upper + Digits, 10, 13) + "/B" + Generate(Upper + Digits, 10, 14) + "/" + Generate(Alnum, 24, 15);

    public static string StripeKey(string prefix) => prefix + "_" + "live_" + Generate(Alnum, 24, 16);

    public static string Jwt =>
        "ey" + Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")[2..] + "." + Base64Url("{\"sub\":\"1234567890\",\"iat\":1516239022}")
        + "." + Generate(Alnum + "-_", 43, 17);

    public static string GcpApiKey => "AI" + "za" + Generate(Alnum + "-_", 35, 18);

    /// <summary>A value in NuGet.org's key alphabet and check-letter positions.</summary>
    public static string NuGetApiKey =>
        "oy" + "2" + Generate("abcdefghijklmnop", 1, 19) + Generate(Lower + Digits, 15, 20) + "a" + Generate(Lower + Digits, 11, 21)
        + "e" + "b" + Generate("abcdefghijklmnop", 1, 22) + Generate(Lower + Digits, 11, 23) + "q";

    public static string AzureAdClientSecret => Generate(Alnum, 3, 24) + "8" + "Q~" + Generate(Alnum + "_~.-", 34, 25);

    public static string AzureStorageKey => Generate(Base64, 86, 26) + "==";

    public static string SharedAccessKey => Generate(Base64, 43, 27) + "=";

    public static string SasSignature => Generate(Alnum, 43, 28) + "%3D";

    public static string Password => Generate(Alnum, 10, 29) + "!" + Generate(Digits, 2, 30);

    public static string PemBody => string.Join('\n', Generate(Base64, 64, 31), Generate(Base64, 64, 32), Generate(Base64, 20, 33) + "==");

    /// <summary>A private-key block of the given kind (<c>RSA</c>, <c>OPENSSH</c>, empty for PKCS#8).</summary>
    public static string Pem(string kind) =>
        "-----BEGIN " + (kind.Length > 0 ? kind + " " : string.Empty) + "PRIVATE KEY-----\n" + PemBody
        + "\n-----END " + (kind.Length > 0 ? kind + " " : string.Empty) + "PRIVATE KEY-----";

    /// <summary>A JWT whose header (<c>kid</c> <c>k~1</c> or <c>k?2</c>) encodes to a <c>-</c> or a <c>_</c>.</summary>
    public static string JwtWithHeader(string kid) =>
        Base64Url("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + Base64Url("{\"sub\":\"42\",\"scope\":\"orders\"}")
        + "." + Generate(Alnum + "-_", 86, 80);

    public static string Hex(int length, int seed) => Generate(Digits + "abcdef", length, seed);

    public static string SigningKey => Generate(Base64, 43, 81) + "=";

    public static string SendGridKey => "SG" + "." + Generate(Alnum + "-_", 22, 82) + "." + Generate(Alnum + "-_", 43, 83);

    public static string TwilioKey => "S" + "K" + Hex(32, 84);

    public static string NpmToken => "npm" + "_" + Generate(Alnum, 36, 85);

    public static string DataProtectionKey => Generate(Base64, 86, 91) + "==";

    public static string Salt => Generate(Alnum, 24, 86);

    /// <summary>A private-key block whose body is one short line (a raw 32-byte key, as Ed25519 and X25519 keys are).</summary>
    public static string ShortPemBody => Generate(Base64, 43, 87) + "=";

    /// <summary>
    /// A token of each rule ported from gitleaks' <c>config/gitleaks.toml</c> that knows a token by its own shape,
    /// by rule id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> VendorTokens { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["age-secret-key"] = "AGE-" + "SECRET-KEY-1" + Generate("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 100),
        ["alibaba-access-key-id"] = "LT" + "AI" + Generate(Alnum, 20, 101),
        ["artifactory-api-key"] = "AK" + "Cp" + Generate(Alnum, 69, 102),
        ["artifactory-reference-token"] = "cmVm" + "d" + Generate(Alnum, 59, 103),
        ["atlassian-api-token"] = "ATATT" + "3" + Generate(Alnum + "_-", 186, 104),
        ["aws-amazon-bedrock-api-key-long-lived"] = "AB" + "SK" + Generate(Base64, 130, 105),
        ["cloudflare-origin-ca-key"] = "v1.0" + "-" + Hex(24, 106) + "-" + Hex(146, 107),
        ["databricks-api-token"] = "da" + "pi" + Hex(32, 108),
        ["digitalocean-access-token"] = "doo" + "_v1_" + Hex(64, 109),
        ["digitalocean-pat"] = "dop" + "_v1_" + Hex(64, 110),
        ["digitalocean-refresh-token"] = "dor" + "_v1_" + Hex(64, 111),
        ["doppler-api-token"] = "dp.pt" + "." + Generate(Alnum, 43, 112),
        ["dynatrace-api-token"] = "dt0c01" + "." + Generate(Upper + Digits, 24, 113) + "." + Generate(Upper + Digits, 64, 114),
        ["facebook-page-access-token"] = "EA" + "AC" + Generate(Alnum, 120, 115),
        ["gitlab-cicd-job-token"] = "glcbt" + "-" + Generate(Alnum, 3, 116) + "_" + Generate(Alnum + "_-", 20, 117),
        ["gitlab-deploy-token"] = "gldt" + "-" + Generate(Alnum + "_-", 20, 118),
        ["gitlab-pat"] = "glpat" + "-" + Generate(Alnum + "_-", 20, 119),
        ["gitlab-pat-routable"] = "glpat" + "-" + Generate(Alnum + "_-", 40, 120) + "." + Generate(Lower + Digits, 9, 121),
        ["gitlab-ptt"] = "glptt" + "-" + Hex(40, 122),
        ["gitlab-rrt"] = "GR1348" + "941" + Generate(Alnum + "_-", 20, 123),
        ["gitlab-runner-authentication-token"] = "glrt" + "-" + Generate(Alnum + "_-", 20, 124),
        ["gitlab-runner-authentication-token-routable"] = "glrt" + "-t1_" + Generate(Alnum + "_-", 30, 125) + "." + Generate(Lower + Digits, 9, 126),
        ["grafana-api-key"] = "eyJrIj" + "oi" + Generate(Alnum, 72, 127),
        ["grafana-cloud-api-token"] = "glc" + "_" + Generate(Alnum, 80, 128),
        ["grafana-service-account-token"] = "glsa" + "_" + Generate(Alnum, 32, 129) + "_" + Hex(8, 130),
        ["hashicorp-tf-api-token"] = Generate(Lower + Digits, 14, 131) + ".atlas" + "v1." + Generate(Lower + Digits + "-_", 67, 132),
        ["heroku-api-key-v2"] = "HRKU" + "-AA" + Generate(Alnum + "_-", 58, 133),
        ["huggingface-access-token"] = "hf" + "_" + Generate(Upper + Lower, 34, 134),
        ["jwt-base64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Jwt)),
        ["linear-api-key"] = "lin" + "_api_" + Generate(Alnum, 40, 135),
        ["notion-api-token"] = "ntn" + "_" + Generate(Digits, 11, 136) + Generate(Alnum, 35, 137),
        ["npm-access-token"] = NpmToken,
        ["octopus-deploy-api-key"] = "API" + "-" + Generate(Upper + Digits, 26, 138),
        ["perplexity-api-key"] = "pplx" + "-" + Generate(Alnum, 48, 139),
        ["postman-api-token"] = "PMAK" + "-" + Hex(24, 140) + "-" + Hex(34, 141),
        ["pulumi-api-token"] = "pul" + "-" + Hex(40, 142),
        ["pypi-upload-token"] = "pypi-" + "AgEIcHlwaS5vcmc" + Generate(Alnum + "_-", 70, 143),
        ["rubygems-api-token"] = "rubygems" + "_" + Hex(48, 144),
        ["sendgrid-api-token"] = SendGridKey,
        ["sendinblue-api-token"] = "xkeysib" + "-" + Hex(64, 145) + "-" + Generate(Alnum, 16, 146),
        ["sentry-user-token"] = "sntryu" + "_" + Hex(64, 147),
        ["shopify-access-token"] = "shpat" + "_" + Hex(32, 148),
        ["shopify-custom-access-token"] = "shpca" + "_" + Hex(32, 149),
        ["shopify-private-app-access-token"] = "shppa" + "_" + Hex(32, 150),
        ["shopify-shared-secret"] = "shpss" + "_" + Hex(32, 151),
        ["square-access-token"] = "sq0atp" + "-" + Generate(Alnum + "_-", 22, 152),
        ["twilio-api-key"] = TwilioKey,
        ["vault-batch-token"] = "hvb" + "." + Generate(Alnum + "_-", 140, 153),
        ["vault-service-token"] = "hvs" + "." + Generate(Alnum + "_-", 95, 154),
    };

    /// <summary>The path of a Microsoft Teams incoming webhook, after the host.</summary>
    public static string TeamsWebhookPath =>
        "webhookb2/" + Guid(155) + "@" + Guid(156) + "/IncomingWebhook/" + Hex(32, 157) + "/" + Guid(158);

    /// <summary>Azurite's published development-storage key, which is no secret.</summary>
    public static string AzuriteKey => "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Characters drawn from an alphabet by a fixed xorshift generator.</summary>
    public static string Generate(string alphabet, int length, int seed)
    {
        var state = (uint)(seed * 2_654_435_761 + 1);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            builder.Append(alphabet[(int)(state % (uint)alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Guid(int seed) => Hex(8, seed) + "-" + Hex(4, seed + 1000) + "-" + Hex(4, seed + 2000) + "-" + Hex(4, seed + 3000) + "-" + Hex(12, seed + 4000);

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
