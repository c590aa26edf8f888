using Packer.Core;
using Packer.Core.Configuration;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Targeting;

[Collection(MsBuildCollection.Name)]
public sealed class TargetResolverTests(LoadedFixture fixture)
{
    [Theory]
    [InlineData("Shop.Application", TargetKind.Project, "src/Shop.Application/Extensions/OrderExtensions.cs,src/Shop.Application/OrderService.cs,src/Shop.Application/PricingCalculator.cs")]
    [InlineData("project:Shop.Reporting", TargetKind.Project, "src/Shop.Reporting/ReportFormatter.cs")]
    [InlineData("src/Shop.Application/OrderService.cs", TargetKind.File, "src/Shop.Application/OrderService.cs")]
    [InlineData("file:src/Shop.Domain/Orders/Money.cs", TargetKind.File, "src/Shop.Domain/Orders/Money.cs")]
    [InlineData("Shop.Domain.Orders.Order", TargetKind.Type, "src/Shop.Domain/Orders/Order.Validation.cs,src/Shop.Domain/Orders/Order.cs")]
    [InlineData("OrderLine", TargetKind.Type, "src/Shop.Domain/Orders/OrderLine.cs")]
    [InlineData("type:Money", TargetKind.Type, "src/Shop.Domain/Orders/Money.cs")]
    [InlineData("Shop.Application.Extensions", TargetKind.Namespace, "src/Shop.Application/Extensions/OrderExtensions.cs")]
    [InlineData("namespace:Shop.Reporting", TargetKind.Namespace, "src/Shop.Reporting/ReportFormatter.cs")]
    [InlineData("src/Shop.Domain/Orders", TargetKind.Folder, "src/Shop.Domain/Orders/IOrderRepository.cs,src/Shop.Domain/Orders/Money.cs,src/Shop.Domain/Orders/Order.Validation.cs,src/Shop.Domain/Orders/Order.cs,src/Shop.Domain/Orders/OrderLine.cs,src/Shop.Domain/Orders/OrderStatus.cs")]
    [InlineData("folder:src/Shop.Application", TargetKind.Folder, "src/Shop.Application/Extensions/OrderExtensions.cs,src/Shop.Application/OrderService.cs,src/Shop.Application/PricingCalculator.cs")]
    public async Task Resolves_each_kind_of_target(string spec, TargetKind kind, string files)
    {
        // When
        var result = await fixture.PackShopAsync(fixture.ShopOptions(spec));

        // Then
        var manifest = result.Manifest;
        var target = Assert.Single(manifest.Targets);
        Assert.Equal(spec, target.Spec);
        Assert.Equal(kind, target.Kind);
        Assert.Equal(files.Split(','), target.Files);
        Assert.All(target.Files, f => Assert.Contains(f, manifest.Files.Where(x => x.Reason == "target").Select(x => x.Path)));
    }

    [Fact]
    public async Task Resolves_a_file_relative_to_the_working_folder()
    {
        var solution = await fixture.LoadAsync(Path.Combine(fixture.ShopRoot, "Shop.sln"));
        var workingFolder = Path.Combine(fixture.ShopRoot, "src", "Shop.Domain");

        var result = await Core.Pipeline.ContextPacker.PackAsync(solution, fixture.ShopOptions("Orders/Money.cs"), workingFolder, CancellationToken.None);

        Assert.Equal(["src/Shop.Domain/Orders/Money.cs"], result.Manifest.Targets[0].Files);
    }

    [Fact]
    public async Task An_unknown_target_lists_close_candidates()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => fixture.PackShopAsync(fixture.ShopOptions("OrderServise")));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith("target 'OrderServise' matches no project, file, type, namespace or folder in Shop.sln. Close candidates: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Shop.Application.OrderService", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_kind_is_not_tried_as_another()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => fixture.PackShopAsync(fixture.ShopOptions("type:Shop.Application")));

        Assert.Contains("matches no type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_simple_type_name_lists_the_full_names()
    {
        // Given a second type named Money in another namespace
        var root = Fixtures.Copy("Shop");
        File.WriteAllText(Path.Combine(root, "src", "Shop.Reporting", "Money.cs"), "namespace Shop.Reporting;\n\npublic sealed class Money { }\n");
        var solution = await fixture.LoadAsync(Path.Combine(root, "Shop.sln"));
        var options = fixture.ShopOptions("Money") with { SolutionPath = Path.Combine(root, "Shop.sln") };

        // When
        var error = await Assert.ThrowsAsync<UsageException>(() => Core.Pipeline.ContextPacker.PackAsync(solution, options, root, CancellationToken.None));

        // Then
        Assert.Equal("target 'Money' is ambiguous: 2 types match. Give the full name, e.g. one of: Shop.Domain.Orders.Money, Shop.Reporting.Money.", error.Message);
    }

    [Fact]
    public async Task No_target_is_a_usage_error()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => fixture.PackShopAsync(fixture.ShopOptions()));

        Assert.StartsWith("no target given.", error.Message, StringComparison.Ordinal);
    }
}
