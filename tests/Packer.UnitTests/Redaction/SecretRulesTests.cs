using Packer.Core.Redaction;

namespace Packer.Tests.Redaction;

public sealed class SecretRulesTests
{
    private static readonly SecretRedactor Redactor = new(RedactionOptions.Default);

    public static TheoryData<string> Secrets => new(SecretCases.All.Keys);

    public static TheoryData<string> NonSecrets => new(NonSecretCases.All.Keys);

    public static TheoryData<string> Placeholders => PlaceholderValues.All;

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Each_rule_replaces_the_value_alone_by_its_marker(string name)
    {
        // Given
        var secretCase = SecretCases.All[name];

        // When
        var result = Redactor.Redact(secretCase.Path, secretCase.Text);

        // Then
        Assert.Equal(secretCase.Expected, result.Text);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(new RedactionFinding(secretCase.Path, LineOf(secretCase.Text, secretCase.Secret), secretCase.RuleId), finding);
        Assert.DoesNotContain(secretCase.Secret, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redacting_redacted_text_changes_nothing(string name)
    {
        // Given
        var secretCase = SecretCases.All[name];
        var once = Redactor.Redact(secretCase.Path, secretCase.Text).Text;

        // When
        var twice = Redactor.Redact(secretCase.Path, once);

        // Then
        Assert.Same(once, twice.Text);
        Assert.Empty(twice.Findings);
    }

    [Theory]
    [MemberData(nameof(NonSecrets))]
    public void Code_names_examples_and_test_vectors_are_left_alone(string name)
    {
        // Given
        var (path, text) = NonSecretCases.All[name];

        // When
        var result = Redactor.Redact(path, text);

        // Then
        Assert.Empty(result.Findings);
        Assert.Same(text, result.Text);
    }

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Placeholders_are_left_alone_in_every_context(string placeholder)
    {
        // Given a placeholder where a connection string, a URL, JSON, YAML and nuget.config hold a password
        var texts = new (string Path, string Text)[]
        {
            ("appsettings.json", $"{{ \"Db\": \"Server=db;User Id=sa;Password={placeholder};\" }}\n"),
            ("src/Bus.cs", $"var uri = \"postgres://app:{placeholder}@db/app\";\n"),
            ("appsettings.json", $"{{ \"SmtpPassword\": \"{placeholder}\" }}\n"),
            ("values.yaml", $"password: {placeholder}\n"),
            ("nuget.config", $"<add key=\"ClearTextPassword\" value=\"{placeholder}\" />\n"),
        };

        foreach (var (path, text) in texts)
        {
            // When
            var result = Redactor.Redact(path, text);

            // Then
            Assert.True(result.Findings.Count == 0, $"{path}: {text}");
        }
    }

    [Fact]
    public void Every_rule_has_a_case()
    {
        // Given
        var covered = SecretCases.All.Values.Select(secretCase => secretCase.RuleId).ToHashSet(StringComparer.Ordinal);

        // When
        var missing = SecretRedactor.RuleIds.Where(id => !covered.Contains(id));

        // Then
        Assert.Empty(missing);
    }

    private static int LineOf(string text, string value) => text[..text.IndexOf(value, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
