using System.Diagnostics;
using Packer.Core.Redaction;

namespace Packer.Tests.Redaction;

public sealed class HostileInputTests
{
    private static readonly SecretRedactor Redactor = new(RedactionOptions.Default);

    public static TheoryData<string, string> Inputs => new()
    {
        { "many key openings never closed", Repeat("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n") },
        { "many openings and one late closing", Repeat("-----BEGIN PRIVATE KEY-----\n") + "-----END PRIVATE KEY-----\n" },
        { "many URL schemes without an at sign", Repeat("a://" + new string('u', 100) + ":" + new string('p', 200)) },
        { "many passwords on one line", Repeat("Server=db;Password=x;") },
        { "many JWT-like runs", Repeat("-ey" + new string('A', 60) + ".") },
        { "many Slack-like segments", Repeat("xoxb-" + string.Concat(Enumerable.Repeat("a1-", 30))) },
        { "many JSON secret keys", Repeat("\"" + new string('a', 70) + "password\":") },
        { "many redis-like hosts", Repeat("h:6379," + new string(',', 30)) + "password=" },
        { "many generic keys with long unended values", Repeat("apiKey" + new string(' ', 20) + "=" + new string(' ', 5) + new string('a', 1200) + "(") },
        { "many generic keywords in a row", Repeat("token=") },
        { "many decoding calls never closed", Repeat("key = Convert.FromBase64String(\"" + new string('A', 200)) },
        { "many literals joined by plus", Repeat("\"" + new string('a', 399) + "\" + ") },
        { "many quotes and pluses", Repeat("\" + ") },
        { "many passwords opening their lines", Repeat("Password=x;\n") },
        { "many blanks before passwords", Repeat(new string(' ', 500) + "Password=x;") },
        { "many routable GitLab-like runs", Repeat("glpat-" + new string('a', 400)) },
        { "one base64 JWT-like run", "ZXlKaGJHY2lPaU" + new string('A', 1 << 20) },
        { "many Data Protection key openings", Repeat("<masterKey a=\"b\">" + new string(' ', 200) + "<value>" + new string('A', 999)) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_megabyte_of_near_matches_takes_linear_time(string name, string text)
    {
        // Given a text of about a megabyte made to make backtracking or rescanning expressions blow up
        Assert.NotEmpty(name);

        // When
        var stopwatch = Stopwatch.StartNew();
        _ = Redactor.Redact("config/appsettings.json", text);
        _ = Redactor.Redact("src/A.cs", text);

        // Then (a quadratic engine takes minutes here; the bound allows for a loaded machine)
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"{name}: {stopwatch.Elapsed}");
    }

    private static string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length));
}
