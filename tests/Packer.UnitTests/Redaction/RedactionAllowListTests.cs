using Packer.Core.Redaction;

namespace Packer.Tests.Redaction;

public sealed class RedactionAllowListTests
{
    private static readonly string Jwt = FakeSecrets.Jwt;
    private static readonly string Text = $"jwt = \"{Jwt}\"\npassword = \"Server=db;User Id=sa;Password={FakeSecrets.Password};\"\n";

    [Fact]
    public void Redaction_turned_off_changes_nothing()
    {
        // Given
        var redactor = new SecretRedactor(RedactionOptions.Default with { Enabled = false });

        // When
        var result = redactor.Redact("src/A.cs", Text);

        // Then
        Assert.Same(Text, result.Text);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_rule_turned_off_lets_its_values_through_and_the_others_still_apply()
    {
        // Given
        var redactor = new SecretRedactor(Allowing(new RedactionAllowList { Rules = ["jwt"] }));

        // When
        var result = redactor.Redact("src/A.cs", Text);

        // Then
        Assert.Contains(Jwt, result.Text, StringComparison.Ordinal);
        Assert.Equal("connection-string-password", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void Files_matching_a_path_glob_are_not_redacted()
    {
        // Given
        var redactor = new SecretRedactor(Allowing(new RedactionAllowList { Paths = ["tests/**/Fixtures/**"] }));

        // When
        var allowed = redactor.Redact("tests/Api.Tests/Fixtures/tokens/a.cs", Text);
        var other = redactor.Redact("tests/Api.Tests/A.cs", Text);

        // Then
        Assert.Same(Text, allowed.Text);
        Assert.Equal(2, other.Findings.Count);
    }

    [Fact]
    public void A_literal_value_is_let_through_wherever_it_stands()
    {
        // Given
        var redactor = new SecretRedactor(Allowing(new RedactionAllowList { Values = [FakeSecrets.Password] }));

        // When
        var result = redactor.Redact("src/A.cs", Text);

        // Then
        Assert.Contains(FakeSecrets.Password, result.Text, StringComparison.Ordinal);
        Assert.Equal("jwt", Assert.Single(result.Findings).RuleId);
    }

    private static RedactionOptions Allowing(RedactionAllowList allow) => RedactionOptions.Default with { Allow = allow };
}
