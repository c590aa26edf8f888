using Packer.Core;
using Packer.Core.Redaction;

namespace Packer.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = new(RedactionOptions.Default);

    [Fact]
    public void Markers_are_fixed_strings_named_by_rule()
    {
        // Given
        var text = $"id = {FakeSecrets.AwsAccessKeyId}\n";

        // When
        var result = Redactor.Redact("a.ini", text);

        // Then
        Assert.Equal("[REDACTED:aws-access-key-id]", SecretRedactor.Marker("aws-access-key-id"));
        Assert.Equal("id = [REDACTED:aws-access-key-id]\n", result.Text);
    }

    [Fact]
    public void Findings_give_the_line_of_each_value_in_the_text_as_given()
    {
        // Given a key block of five lines, then a token two lines below it
        var text = "line 1\nline 2\n" + FakeSecrets.Pem("RSA") + "\nline 8\n" + $"token = \"{FakeSecrets.GitHubToken("p")}\"\n";

        // When
        var result = Redactor.Redact("keys.txt", text);

        // Then the key's body starts on line 4 and the token is on line 9, although the block became one line
        Assert.Equal([new("keys.txt", 4, "private-key"), new("keys.txt", 9, "github-token")], result.Findings);
        Assert.Equal(
            "line 1\nline 2\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED:private-key]\n-----END RSA PRIVATE KEY-----\nline 8\ntoken = \"[REDACTED:github-token]\"\n",
            result.Text);
    }

    [Fact]
    public void Several_secrets_on_one_line_are_each_replaced_and_reported_in_order()
    {
        // Given an access key pair and a Slack token on one line
        var (id, key, slack) = (FakeSecrets.AwsAccessKeyId, FakeSecrets.AwsSecretAccessKey, FakeSecrets.SlackBotToken);
        var text = $"x\nvar c = new BasicAWSCredentials(\"{id}\", \"{key}\"); Notify(\"{slack}\");\n";

        // When
        var result = Redactor.Redact("src/Aws.cs", text);

        // Then
        Assert.Equal(
            "x\nvar c = new BasicAWSCredentials(\"[REDACTED:aws-access-key-id]\", \"[REDACTED:aws-secret-access-key]\"); Notify(\"[REDACTED:slack-token]\");\n",
            result.Text);
        Assert.Equal(["aws-access-key-id", "aws-secret-access-key", "slack-token"], result.Findings.Select(finding => finding.RuleId));
        Assert.All(result.Findings, finding => Assert.Equal(2, finding.Line));
    }

    [Fact]
    public void A_value_two_rules_find_is_replaced_once_and_named_by_the_more_specific_rule()
    {
        // Given a GitHub token as a connection string's password and as a URL's password
        var token = FakeSecrets.GitHubToken("p");
        var text = $"Server=db;User Id=ci;Password={token};\nhttps://ci:{token}@github.com/org/repo.git\n";

        // When
        var result = Redactor.Redact("ci.txt", text);

        // Then
        Assert.Equal("Server=db;User Id=ci;Password=[REDACTED:github-token];\nhttps://ci:[REDACTED:github-token]@github.com/org/repo.git\n", result.Text);
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void Lines_end_with_LF_and_no_value_takes_a_line_break()
    {
        // Given values at the very end of lines and of the text
        var text = $"DB_PASSWORD={FakeSecrets.Password}\nAPI_TOKEN={FakeSecrets.Generate("abcdef0123456789", 32, 60)}";

        // When
        var result = Redactor.Redact(".env", text);

        // Then
        Assert.Equal("DB_PASSWORD=[REDACTED:config-secret]\nAPI_TOKEN=[REDACTED:config-secret]", result.Text);
        Assert.DoesNotContain('\r', result.Text);
    }

    [Fact]
    public void The_same_input_gives_the_same_output_on_every_thread()
    {
        // Given every secret case as one text
        var text = string.Concat(SecretCases.All.Values.Select(secretCase => secretCase.Text));
        var expected = Redactor.Redact("all.cs", text);

        // When
        var results = new RedactionResult[64];
        Parallel.For(0, results.Length, i => results[i] = new SecretRedactor(RedactionOptions.Default).Redact("all.cs", text));

        // Then
        Assert.All(results, result => Assert.Equal(expected.Text, result.Text));
        Assert.All(results, result => Assert.Equal(expected.Findings, result.Findings));
    }

    [Fact]
    public void Machine_made_values_are_redacted_even_when_they_hold_a_placeholder_word()
    {
        // Given a token and a key body that hold "fake", "your…key…here" by chance, as random text sometimes does
        var token = "ghp_" + "fake" + FakeSecrets.Generate("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", 32, 70);
        var body = FakeSecrets.PemBody.Replace("\n", "\nYourKeyIsHereFake", StringComparison.Ordinal);
        var text = $"t = \"{token}\"\n-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----\n";

        // When
        var result = Redactor.Redact("a.txt", text);

        // Then
        Assert.Equal(["github-token", "private-key"], result.Findings.Select(finding => finding.RuleId));
    }

    [Fact]
    public void A_text_without_secrets_is_returned_as_the_same_instance()
    {
        // Given
        var text = "namespace A;\n\npublic sealed class B\n{\n}\n";

        // When
        var result = Redactor.Redact("src/B.cs", text);

        // Then
        Assert.Same(text, result.Text);
        Assert.False(result.Redacted);
    }

    [Fact]
    public void Findings_never_hold_the_value()
    {
        // Given
        var secretCase = SecretCases.All["connection string in appsettings"];

        // When
        var finding = Assert.Single(Redactor.Redact(secretCase.Path, secretCase.Text).Findings);

        // Then
        Assert.DoesNotContain(secretCase.Secret, finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_ids_are_sorted_and_cover_the_issue()
    {
        // Given the rules issue 14 asks for
        string[] required =
        [
            "aws-access-key-id", "aws-secret-access-key", "github-token", "github-fine-grained-pat", "private-key",
            "azure-storage-account-key", "azure-sas-signature", "jwt", "url-credentials", "connection-string-password",
            "nuget-cleartext-password", "openai-api-key", "anthropic-api-key", "slack-token", "slack-webhook-url", "stripe-api-key",
        ];

        // When
        var ids = SecretRedactor.RuleIds;

        // Then
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Empty(required.Except(ids, StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_rule_in_the_allow_list_is_a_usage_error()
    {
        // Given
        var options = RedactionOptions.Default with { Allow = new RedactionAllowList { Rules = ["jwts"] } };

        // When
        var error = Assert.Throws<UsageException>(() => new SecretRedactor(options));

        // Then
        Assert.Contains("'jwts'", error.Message, StringComparison.Ordinal);
    }
}
