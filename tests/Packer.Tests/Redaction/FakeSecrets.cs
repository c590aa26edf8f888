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

    public static string Salt => Generate(Alnum, 24, 86);

    /// <summary>A private-key block whose body is one short line (a raw 32-byte key, as Ed25519 and X25519 keys are).</summary>
    public static string ShortPemBody => Generate(Base64, 43, 87) + "=";

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

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
