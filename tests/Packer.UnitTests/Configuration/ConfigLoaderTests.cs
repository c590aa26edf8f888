using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Pipeline;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Reads_every_key_and_resolves_paths_against_the_file()
    {
        // Given
        var folder = TempFolder.Create();
        var path = Write(folder, """
            solution: src/App.sln
            targets:
              - App.Core
              - type:App.Core.Widget
            maxTokens: 16_000
            tokenizer: cl100k_base
            format: markdown
            output: out/context.md
            manifest: out/manifest.json
            previous: out/manifest.json
            editRoom: 15
            include: ["README.md", "**/appsettings.json"]
            exclude:
              - "**/Generated/**"
            cache: false
            cacheDirectory: .cache/pack
            """);

        // When
        var config = ConfigLoader.Load(path);

        // Then
        Assert.Equal(Path.Combine(folder, "src", "App.sln"), config.Get(Settings.Solution));
        Assert.Equal(["App.Core", "type:App.Core.Widget"], config.Get(Settings.Targets)?.Select(t => t.Text));
        Assert.Equal(16_000, config.GetValue(Settings.MaxTokens));
        Assert.Equal("cl100k_base", config.Get(Settings.Tokenizer));
        Assert.Equal(BundleFormat.Markdown, config.GetValue(Settings.Format));
        Assert.Equal(Path.Combine(folder, "out", "context.md"), config.Get(Settings.Output));
        Assert.Equal(Path.Combine(folder, "out", "manifest.json"), config.Get(Settings.Manifest));
        Assert.Equal(Path.Combine(folder, "out", "manifest.json"), config.Get(Settings.Previous));
        Assert.Equal(15, config.GetValue(Settings.EditRoom));
        Assert.Equal(["README.md", "**/appsettings.json"], config.Get(Settings.Include));
        Assert.Equal(["**/Generated/**"], config.Get(Settings.Exclude));
        Assert.False(config.GetValue(Settings.Cache));
        Assert.Equal(Path.Combine(folder, ".cache", "pack"), config.Get(Settings.CacheDirectory));
    }

    [Theory]
    [InlineData("maxTokens: 8000\nmaxToken: 100\n", "packer.yaml:2: unknown key 'maxToken'. Did you mean 'maxTokens'?")]
    [InlineData("targets: App\nmaxTokens: lots\n", "packer.yaml:2: 'maxTokens' must be a whole number")]
    [InlineData("maxTokens: 10\n", "packer.yaml:1: 'maxTokens' must be a whole number from 64 to 100,000,000 (got '10')")]
    [InlineData("\nmaxTokens: 1_000_000_000\n", "packer.yaml:2: 'maxTokens' must be a whole number from 64 to 100,000,000 (got '1000000000')")]
    [InlineData("editRoom: 60\n", "packer.yaml:1: 'editRoom' must be a whole percent of the cap, from 0 to 50 (got '60')")]
    [InlineData("cache: sometimes\n", "packer.yaml:1: 'cache' must be true or false (got 'sometimes')")]
    [InlineData("format: html\n", "packer.yaml:1: 'format' must be one of xml, markdown, json, anthropic (got 'html')")]
    [InlineData("\n\ntokenizer: p50k\n", "packer.yaml:3: 'tokenizer' must be one of o200k_base, cl100k_base")]
    [InlineData("targets:\n  nested: map\n", "packer.yaml:2: 'targets' must be a list of text values")]
    [InlineData("solution: [a, b]\n", "packer.yaml:1: 'solution' must be a single text value")]
    [InlineData("output: a\noutput: b\n", "packer.yaml:2: invalid YAML: Duplicate key")]
    [InlineData("- just\n- a list\n", "packer.yaml:1: the file must be a mapping")]
    [InlineData("targets: [App\nformat: xml\n", "packer.yaml:1: invalid YAML (an unclosed bracket")]
    public void Rejects_mistakes_naming_file_line_and_key(string yaml, string expected)
    {
        // Given
        var folder = TempFolder.Create();
        var path = Write(folder, yaml);

        // When
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        // Then
        Assert.StartsWith(expected.Replace("packer.yaml", path, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Theory]
    [InlineData("solution: App.sln\nmaxtokens: 100\n", "PCTX004", 2, 1, "unknown key 'maxtokens'. Did you mean 'maxTokens'?")]
    [InlineData("targets:\n  - App\nformat:   html\n", "PCTX005", 3, 11, "'format' must be one of xml, markdown, json, anthropic (got 'html').")]
    [InlineData("include:\n  - a\n   nested: oops\n", "PCTX003", 3, 10, "invalid YAML: ")]
    public void A_mistake_carries_its_code_and_the_line_and_column_an_editor_jumps_to(string yaml, string code, int line, int column, string text)
    {
        // Given
        var path = Write(TempFolder.Create(), yaml);

        // When
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(path));

        // Then
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation(path, path, line, column), error.Location);
        Assert.StartsWith(text, error.Text, StringComparison.Ordinal);
        Assert.Equal($"{path}:{line}: {error.Text}", error.Message);
    }

    [Fact]
    public async Task A_key_whose_value_is_refused_later_is_reported_at_its_line_and_column_with_its_code()
    {
        // Given a config whose output lies outside its repository (the folder holding the solution)
        var folder = TempFolder.Create();
        File.WriteAllText(Path.Combine(folder, "App.sln"), string.Empty);
        var path = Write(folder, "solution: App.sln\ntargets: [App]\noutput: ../elsewhere/context.xml\n");
        var options = OptionsMerger.Merge(ConfigLoader.Load(path), ConfigFile.Empty, folder, path);

        // When
        var error = await Assert.ThrowsAsync<UsageException>(() => Preflight.CheckAsync(options, folder, CancellationToken.None));

        // Then
        Assert.Equal(DiagnosticCodes.ConfigPathOutside, error.Code);
        Assert.Equal(new SourceLocation(path, path, 3, 1), error.Location);
        Assert.StartsWith($"{path}:3: 'output' names ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_its_own_code_without_a_location()
    {
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load(Path.Combine(TempFolder.Create(), "packer.yaml")));

        Assert.Equal(DiagnosticCodes.ConfigNotFound, error.Code);
        Assert.Null(error.Location);
    }

    [Fact]
    public void An_empty_file_sets_nothing()
    {
        var path = Write(TempFolder.Create(), "# nothing yet\n");

        var config = ConfigLoader.Load(path);
        Assert.Empty(config.Locations);
        Assert.Empty(config.Given);
    }

    [Fact]
    public void Flags_override_the_file_and_the_file_overrides_defaults()
    {
        // Given
        var file = ConfigFile.Empty.With(Settings.Solution, "/repo/App.sln").With(Settings.Targets, [TargetSpec.Parse("A")]).With(Settings.MaxTokens, 8000).With(Settings.Format, BundleFormat.Json);
        var flags = ConfigFile.Empty.With(Settings.Targets, [TargetSpec.Parse("B")]).With(Settings.Tokenizer, "cl100k_base");

        // When
        var options = OptionsMerger.Merge(file, flags, "/work");

        // Then
        Assert.Equal("/repo/App.sln", options.SolutionPath);
        Assert.Equal(["B"], options.Targets.Select(t => t.Text));
        Assert.Equal(8000, options.MaxTokens);
        Assert.Equal("cl100k_base", options.Tokenizer);
        Assert.Equal(BundleFormat.Json, options.Format);
        Assert.Equal(PackOptions.DefaultMaxTokens, OptionsMerger.Merge(null, ConfigFile.Empty, "/work").MaxTokens);
        Assert.Equal("/work", OptionsMerger.Merge(null, ConfigFile.Empty, "/work").SolutionPath);
    }

    private static string Write(string folder, string yaml)
    {
        var path = Path.Combine(folder, "packer.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
