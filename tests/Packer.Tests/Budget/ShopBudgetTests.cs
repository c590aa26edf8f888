using Packer.Core.Bundle;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

/// <summary>What the budget gives up, and how it says so, on the Shop fixture.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ShopBudgetTests(LoadedFixture fixture)
{
    [Fact]
    public async Task A_target_too_large_for_the_cap_is_its_outline_and_central_files_with_one_warning()
    {
        // When the whole Shop.Domain project is the target and the cap is far below its size
        var result = await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain") with { MaxTokens = 450 });

        // Then some of its files are shown, one at least as signatures, and every other is counted in the outline
        var manifest = result.Manifest;
        Assert.True(manifest.TotalTokens <= 450);
        var targets = manifest.Files.Where(f => f.Project == "Shop.Domain").ToList();
        Assert.Contains(targets, f => f.Fidelity == Fidelity.Signatures);
        Assert.Contains(targets, f => f.Fidelity == Fidelity.Outline);
        Assert.All(targets, f => Assert.Contains(f.Fidelity, new[] { Fidelity.Full, Fidelity.Signatures, Fidelity.Outline }));
        Assert.Equal(SegmentKind.Outline, manifest.Segments[1].Kind);

        // And one warning says so
        var warning = Assert.Single(manifest.Warnings, w => w.Contains("Shop.Domain", StringComparison.Ordinal));
        Assert.StartsWith($"the target Shop.Domain ({targets.Count} files, about ", warning, StringComparison.Ordinal);
        Assert.Contains("does not fit --max-tokens 450", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_do_not_fit_are_listed_by_path_while_room_remains()
    {
        var result = await fixture.PackShopAsync(fixture.ShopOptions("OrderService") with { MaxTokens = 700 });

        var manifest = result.Manifest;
        var listed = manifest.Files.Where(f => f.Fidelity == Fidelity.Listed).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, f => Assert.Contains($"<file path=\"{f.Path}\" project=\"{f.Project}\" fidelity=\"listed\"/>", result.Bundle, StringComparison.Ordinal));
        Assert.All(manifest.Files.Where(f => f.Fidelity == Fidelity.Omitted), f => Assert.DoesNotContain(f.Path, result.Bundle, StringComparison.Ordinal));
    }
}
