using System.Text.Json;
using Packer.Core.Redaction;
using Packer.Agents.Server;
using Packer.Tests.Redaction;

namespace Packer.Tests.Server;

public sealed class AnswerJsonTests
{
    [Fact]
    public void Every_string_of_an_answer_is_redacted_one_value_at_a_time_and_the_json_stays_valid()
    {
        // Given an answer whose reason and warning hold secrets, one of them beside JSON's own quote
        var token = FakeSecrets.GitHubToken("p");
        var key = FakeSecrets.AwsAccessKeyId;
        var answer = new RankAnswer("OrderService", 2, [new RankedAnswer(1, null, "src/A.cs", "App", 0.5, "full", $"uses {token}\"", [])])
            with { Target = $"key={key}" };

        // When
        var json = AnswerJson.Of(answer, new SecretRedactor(RedactionOptions.Default));
        var off = AnswerJson.Of(answer, new SecretRedactor(RedactionOptions.Default with { Enabled = false }));

        // Then
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("uses [REDACTED:github-token]\"", parsed.RootElement.GetProperty("files")[0].GetProperty("reason").GetString());
        Assert.DoesNotContain(key, json, StringComparison.Ordinal);
        Assert.Equal(2, parsed.RootElement.GetProperty("totalFiles").GetInt32());
        Assert.Equal(0.5, parsed.RootElement.GetProperty("files")[0].GetProperty("score").GetDouble());
        Assert.Contains(token, off, StringComparison.Ordinal);
        Assert.Contains(key, off, StringComparison.Ordinal);
    }
}
