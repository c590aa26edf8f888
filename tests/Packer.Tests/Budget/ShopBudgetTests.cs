using Packer.Core.Bundle;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Budget;

/// <summary>What the budget gives up, and how it says so, on the Shop fixture.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ShopBudgetTests(LoadedFixture fixture)
{
    [Fact]
    public async Task Targets_too_large_for_the_cap_go_in_as_signatures_with_a_warning()
    {
        // When the whole Shop.Domain project is the target and the cap is far below its size
        var result = await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain") with { MaxTokens = 450 });

        // Then
        var manifest = result.Manifest;
        Assert.True(manifest.TotalTokens <= 450);
        Assert.Contains(manifest.Files, f => f.Reason == "target" && f.Fidelity == Fidelity.Signatures);
        Assert.Contains(manifest.Warnings, w => w.Contains("does not fit in full within 450 tokens; it is given as signatures.", StringComparison.Ordinal));
        Assert.DoesNotContain("Against(line.Quantity", result.Bundle, StringComparison.Ordinal);
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
