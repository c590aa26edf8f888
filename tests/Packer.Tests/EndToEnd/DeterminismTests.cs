using Packer.Core;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>The same inputs give the same bytes: rerun, from elsewhere, copied elsewhere, under another culture or thread count.</summary>
public sealed class DeterminismTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    // One copy, and another at a different absolute path, for both formats: each is loaded once, and the
    // runs after that are warm, as a session's runs are.
    private static readonly Lazy<(string First, string Second)> Copies = new(() => (Fixtures.Copy("Shop"), Fixtures.Copy("Shop", Path.Combine(TempFolder.Create(), "elsewhere", "deeper"))));

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Bundle_and_manifest_are_byte_identical_across_runs_folders_paths_cultures_and_thread_counts(string format)
    {
        // Given one copy of the fixture, and another at a different absolute path
        var (first, second) = Copies.Value;
        string[] Arguments(string solution, string output) =>
            [solution, "--target", "Shop.Domain.Orders", "--target", "tests/Shop.Tests/OrderServiceTests.cs", "--max-tokens", "1500",
             "--format", format, "-o", output + ".bundle", "--manifest", output + ".manifest"];

        // When
        var runs = new List<(string Name, string Output)>();
        async Task Run(string name, string folder, string solution, Dictionary<string, string>? environment = null)
        {
            var output = Path.Combine(TempFolder.Create(), name);
            var result = await tool.RunAsync(folder, Arguments(solution, output), environment);
            Assert.True(result.ExitCode == ExitCodes.Success, $"{name}: {result.StandardError}");
            runs.Add((name, output));
        }

        await Run("baseline", first, "Shop.sln");
        await Run("again", first, "Shop.sln");
        await Run("from another folder", Path.Combine(first, "src"), "../Shop.sln");
        await Run("copied elsewhere", second, "Shop.sln");
        await Run(
            "other culture, one processor",
            first,
            "Shop.sln",
            new() { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0", ["DOTNET_PROCESSOR_COUNT"] = "1" });

        // Then
        var (_, baseline) = runs[0];
        var bundle = File.ReadAllBytes(baseline + ".bundle");
        var manifest = File.ReadAllBytes(baseline + ".manifest");
        Assert.DoesNotContain((byte)'\r', bundle);
        Assert.DoesNotContain(first, File.ReadAllText(baseline + ".manifest"), StringComparison.Ordinal);
        foreach (var (name, output) in runs.Skip(1))
        {
            Assert.True(bundle.AsSpan().SequenceEqual(File.ReadAllBytes(output + ".bundle")), $"bundle differs: {name}");
            Assert.True(manifest.AsSpan().SequenceEqual(File.ReadAllBytes(output + ".manifest")), $"manifest differs: {name}");
        }
    }
}
