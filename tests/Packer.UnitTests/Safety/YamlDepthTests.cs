using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Safety;

/// <summary>
/// A packer.yaml nested thousands deep must end in one line naming the file and the line, not a stack overflow
/// (which kills the process, and the hook with it, whatever catches exceptions); one of endless values ends in one
/// line too, and a second document is not silently ignored.
/// </summary>
public sealed class YamlDepthTests
{
    [Theory]
    [InlineData("include: ", "[", 50_000, 2)]
    [InlineData("include: ", "{a: ", 100_000, 2)]
    [InlineData("include:\n", "- ", 20_000, 3)]
    public void A_deeply_nested_config_is_a_usage_error_naming_the_file_and_the_line(string key, string opening, int depth, int line)
    {
        // Given
        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        File.WriteAllText(path, "maxTokens: 8000\n" + key + string.Concat(Enumerable.Repeat(opening, depth)) + "a\n");

        // When
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        // Then
        Assert.Equal(DiagnosticCodes.ConfigSyntax, error.Code);
        Assert.StartsWith($"{path}:{line}: lists and mappings are nested more than {BoundedParser.MaxDepth} deep", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Nesting_within_the_limit_reads_as_before()
    {
        // Given a list nested as deep as allowed, under a key that wants a flat one
        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        var inner = BoundedParser.MaxDepth - 1;
        File.WriteAllText(path, "include: " + new string('[', inner) + "a" + new string(']', inner) + "\n");

        // When
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        // Then it is the key's own error, not the depth's
        Assert.Equal(DiagnosticCodes.ConfigValue, error.Code);
        Assert.Contains("'include' must be a single text value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_of_endless_values_stops_at_the_limit()
    {
        // Given a flat list of 200,000 aliases of one anchored value (400 KB)
        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        File.WriteAllText(path, "a: &x v\ninclude: [" + string.Join(',', Enumerable.Repeat("*x", 200_000)) + "]\n");

        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        Assert.Equal(DiagnosticCodes.ConfigSyntax, error.Code);
        Assert.StartsWith($"{path}:2: more than {BoundedParser.MaxEvents:N0} values; a packer.yaml is a short list of settings.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_document_is_an_error_naming_its_line()
    {
        var path = Path.Combine(TempFolder.Create(), "packer.yaml");
        File.WriteAllText(path, "maxTokens: 8000\n---\nmaxTokens: 500\n");

        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        Assert.Equal(DiagnosticCodes.ConfigValue, error.Code);
        Assert.StartsWith($"{path}:3: a second YAML document (after '---')", error.Message, StringComparison.Ordinal);
    }
}
