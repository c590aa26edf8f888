using Packer.Core.Bundle;
using Packer.Core.Ranking;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Ranking;

[Collection(MsBuildCollection.Name)]
public sealed class RankingTests(LoadedFixture fixture)
{
    [Fact]
    public async Task Ranks_direct_dependencies_above_two_hop_ones_above_unrelated_files()
    {
        // When
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("src/Shop.Application/OrderService.cs"))).Manifest;

        // Then
        int Rank(string path) => manifest.File(path).Rank;
        Assert.Equal(1, Rank("src/Shop.Application/OrderService.cs"));
        Assert.True(Rank("src/Shop.Domain/Orders/Order.cs") < Rank("src/Shop.Domain/Orders/Money.cs"), "direct above 2-hop");
        Assert.True(Rank("src/Shop.Domain/Orders/Money.cs") < Rank("src/Shop.Reporting/ReportFormatter.cs"), "2-hop above unrelated");
        Assert.True(Rank("src/Shop.Domain/Orders/Money.cs") < Rank("src/Shop.Domain/Customer.cs"), "2-hop above unrelated in the same project");
        Assert.Equal("declares Order.Submit used by OrderService.cs", manifest.File("src/Shop.Domain/Orders/Order.cs").Reason);
        Assert.Matches("^2 hops via ", manifest.File("src/Shop.Domain/Orders/Money.cs").Reason);
    }

    [Fact]
    public async Task The_targets_own_test_ranks_high_ahead_of_everything_not_directly_used()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("OrderService"))).Manifest;

        var test = manifest.File("tests/Shop.Tests/OrderServiceTests.cs");
        Assert.InRange(test.Rank, 2, 3);
        Assert.All(manifest.Files.Where(f => f.Rank < test.Rank), f => Assert.Matches("^(target|declares )", f.Reason));
    }

    [Fact]
    public async Task An_interface_s_sole_implementation_ranks_right_after_it_with_its_caller()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("IOrderRepository"))).Manifest;

        // The fitted model gives the implementation and the one service that calls the interface the same score
        // (at two significant digits), ahead of everything else; equal scores go in path order.
        var implementation = manifest.File("src/Shop.Infrastructure/InMemoryOrderRepository.cs");
        var caller = manifest.File("src/Shop.Application/OrderService.cs");
        Assert.Equal("implements or extends IOrderRepository from IOrderRepository.cs", implementation.Reason);
        Assert.Equal([2, 3], new[] { implementation.Rank, caller.Rank }.Order());
        Assert.Equal(Fidelity.Full, implementation.Fidelity);
    }

    [Fact]
    public async Task The_manifest_says_which_features_put_each_file_the_bundle_holds_there()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("IOrderRepository") with { MaxTokens = 900 })).Manifest;

        // A target has none; a file in the bundle has up to three, each a feature of the model that raised its
        // odds, largest first; a file left out has none
        Assert.Null(manifest.File("src/Shop.Domain/Orders/IOrderRepository.cs").Drivers);
        var held = manifest.Files.Where(f => f.Reason != "target" && f.Fidelity is Fidelity.Full or Fidelity.Signatures).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, f =>
        {
            Assert.InRange(f.Drivers!.Count, 1, 3);
            Assert.All(f.Drivers, d => Assert.Contains(d.Feature, FileFeatures.Names));
            Assert.All(f.Drivers, d => Assert.True(d.LogOdds > 0));
            Assert.Equal(f.Drivers.Select(d => d.LogOdds).OrderDescending(), f.Drivers.Select(d => d.LogOdds));
        });
        Assert.Equal("nameSim", manifest.File("src/Shop.Infrastructure/InMemoryOrderRepository.cs").Drivers![0].Feature);
        var left = manifest.Files.Where(f => f.Fidelity is Fidelity.Omitted or Fidelity.Listed).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, f => Assert.Null(f.Drivers));
    }

    [Fact]
    public async Task A_test_as_target_ranks_its_subject_first()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("tests/Shop.Tests/MoneyTests.cs"))).Manifest;

        Assert.Equal(2, manifest.File("src/Shop.Domain/Orders/Money.cs").Rank);
    }

    [Fact]
    public async Task Partial_parts_of_a_target_type_are_targets_and_of_a_dependency_rank_together()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("src/Shop.Domain/Orders/Order.Validation.cs"))).Manifest;

        Assert.Equal(2, manifest.File("src/Shop.Domain/Orders/Order.cs").Rank);
        Assert.Equal("declares another part of Shop.Domain.Orders.Order", manifest.File("src/Shop.Domain/Orders/Order.cs").Reason);
    }

    [Fact]
    public async Task Every_file_is_ranked_once_in_a_total_order()
    {
        var solution = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain"))).Manifest;

        Assert.Equal(solution.Files.Select(f => f.Path).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, manifest.Files.Count), manifest.Files.Select(f => f.Rank));
        Assert.All(manifest.Files.Zip(manifest.Files.Skip(1)), pair =>
            Assert.True(pair.First.Reason == "target" || pair.First.Score > pair.Second.Score
                || (pair.First.Score == pair.Second.Score && string.CompareOrdinal(pair.First.Path, pair.Second.Path) < 0)));
    }
}
