using Packer.Core.Configuration;
using Packer.Core.Pipeline;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

[Collection(MsBuildCollection.Name)]
public sealed class TokenCapTests(LoadedFixture fixture)
{
    public static TheoryData<BundleFormat, string> Formats() => new()
    {
        { BundleFormat.Xml, "o200k_base" },
        { BundleFormat.Markdown, "o200k_base" },
        { BundleFormat.Json, "cl100k_base" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_cap_holds_on_the_rendered_output_for_many_budgets(BundleFormat format, string tokenizer)
    {
        // Given this repository's own solution: large enough that every budget below cuts it somewhere
        var solution = await fixture.LoadAsync(Path.Combine(Fixtures.RepositoryRoot, "Packer.sln"));
        var counter = TokenCounter.Create(tokenizer);

        foreach (var budget in new[] { 500, 900, 1_500, 2_500, 4_000, 8_000, 16_000, 32_000, 50_000 })
        {
            // When
            var options = new PackOptions
            {
                SolutionPath = solution.SolutionPath, Targets = ["Packer.Core.Budget"], MaxTokens = budget, Format = format, Tokenizer = tokenizer,
            };
            var result = await ContextPacker.PackAsync(solution, options, Fixtures.RepositoryRoot, CancellationToken.None);

            // Then the whole output, counted afresh, is within the cap, and the manifest says the same
            var total = counter.Count(result.Bundle);
            Assert.True(total <= budget, $"{format} at {budget}: {total} tokens");
            var manifest = Manifest.Parse(result.Manifest);
            Assert.Equal(total, manifest.TotalTokens);
            Assert.True(total > budget * 0.8 || manifest.Files.All(f => f.Fidelity == "full"), $"{format} at {budget}: only {total} tokens used");

            Assert.All(manifest.Files.Where(f => f.Reason == "target"), f => Assert.NotEqual("omitted", f.Fidelity));
        }
    }

    [Fact]
    public async Task Targets_too_large_for_the_cap_go_in_as_signatures_with_a_warning()
    {
        // When the whole Shop.Domain project is the target and the cap is far below its size
        var result = await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain") with { MaxTokens = 450 });

        // Then
        var manifest = Manifest.Parse(result.Manifest);
        Assert.True(manifest.TotalTokens <= 450);
        Assert.Contains(manifest.Files, f => f.Reason == "target" && f.Fidelity == "signatures");
        Assert.Contains(manifest.Warnings, w => w.Contains("does not fit in full within 450 tokens; it is given as signatures.", StringComparison.Ordinal));
        Assert.DoesNotContain("Against(line.Quantity", result.Bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_do_not_fit_are_listed_by_path_while_room_remains()
    {
        var result = await fixture.PackShopAsync(fixture.ShopOptions("OrderService") with { MaxTokens = 700 });

        var manifest = Manifest.Parse(result.Manifest);
        var listed = manifest.Files.Where(f => f.Fidelity == "listed").ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, f => Assert.Contains($"<file path=\"{f.Path}\" project=\"{f.Project}\" fidelity=\"listed\"/>", result.Bundle, StringComparison.Ordinal));
        Assert.All(manifest.Files.Where(f => f.Fidelity == "omitted"), f => Assert.DoesNotContain(f.Path, result.Bundle, StringComparison.Ordinal));
    }
}
