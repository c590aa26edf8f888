using System.Text;
using System.Text.RegularExpressions;
using Packer.Core.Configuration;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Configuration;

/// <summary>
/// The settings table (<see cref="Settings"/>) is the one declaration: the docs' table is the table's, and the MSBuild
/// package passes each property the table names to the flag the table names, and has no other setting of its own.
/// </summary>
public sealed partial class SettingsTableTests
{
    private const string Begin = "<!-- settings: generated from src/Packer.Core/Configuration/Settings.cs (SettingsTableTests prints it) -->";
    private const string End = "<!-- end of settings -->";

    /// <summary>Properties of the MSBuild package that are the build's own, not settings of a pack.</summary>
    private static readonly string[] BuildProperties = ["PackContextEnabled", "PackContextConfig", "PackContextArguments", "PackContextContinueOnError"];

    private static readonly string MsBuildFolder = Path.Combine(Fixtures.RepositoryRoot, "src", "PackContext.MSBuild", "build");

    [Fact]
    public void The_docs_table_of_settings_is_the_table_in_the_code()
    {
        // Given
        var page = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "docs", "configuration.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);

        // When
        var expected = Table();

        // Then
        Assert.True(start >= 0 && end > start, $"docs/configuration.md has no '{Begin}' … '{End}' section");
        var documented = page[(start + Begin.Length)..end].Trim('\n');
        Assert.True(documented == expected, $"docs/configuration.md's settings table is not the code's; put this between its markers:\n{expected}");
    }

    [Fact]
    public void Every_setting_has_a_key_a_line_and_at_most_one_flag_property_and_argument_each()
    {
        Assert.Equal(Settings.All.Count, Settings.All.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Settings.All.Count(s => s.Flag is not null), Settings.All.Where(s => s.Flag is not null).Select(s => s.Flag).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Settings.All, s => Assert.True(s.Doc.EndsWith('.') && s.Default.Length > 0 && s.Takes.Length > 0, $"setting '{s.Key}' lacks a line, a default or what it takes"));
        Assert.All(Settings.All, s => Assert.Same(s, Settings.ByKey(s.Key)));
    }

    [Fact]
    public void The_msbuild_package_passes_each_property_of_the_table_to_its_flag_and_has_no_other_setting()
    {
        // Given
        var props = File.ReadAllText(Path.Combine(MsBuildFolder, "PackContext.MSBuild.props"));
        var targets = File.ReadAllText(Path.Combine(MsBuildFolder, "PackContext.MSBuild.targets"));
        var declared = Property().Matches(props).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // When
        var bound = Settings.All.Where(s => s.MsBuildProperty is not null).ToList();

        // Then
        Assert.Equal(declared.Order(StringComparer.Ordinal), bound.Select(s => s.MsBuildProperty!).Concat(BuildProperties).Order(StringComparer.Ordinal));
        Assert.All(bound, s => Assert.Contains($"$({s.MsBuildProperty})", targets, StringComparison.Ordinal));
        Assert.All(bound.Where(s => s.Flag!.StartsWith('-')), s => Assert.Contains(s.Flag!, targets, StringComparison.Ordinal));
    }

    private static string Table()
    {
        var table = new StringBuilder("| key | flag | MSBuild property | MCP argument | takes | default | meaning |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in Settings.All)
        {
            var flag = s.Flag is null ? "—" : $"`{s.Flag}`" + (s.Alias is null ? string.Empty : $", `{s.Alias}`") + (s.Commands == "pack, session" ? string.Empty : $" ({s.Commands})");
            table.Append($"| `{s.Key}` | {flag} | {Code(s.MsBuildProperty)} | {Code(s.McpArgument)} | {s.Takes} | {s.Default} | {s.Doc} |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string Code(string? name) => name is null ? "—" : $"`{name}`";

    [GeneratedRegex(@"<(PackContext[A-Za-z]+) Condition=")]
    private static partial Regex Property();
}
