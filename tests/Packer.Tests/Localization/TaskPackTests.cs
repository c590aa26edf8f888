using Packer.Core;
using Packer.Core.Bundle;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Localization;

/// <summary>Packing the Shop fixture from a task's text: the whole pipeline, in process, on the real MSBuildWorkspace.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class TaskPackTests(LoadedFixture fixture)
{
    [Fact]
    public async Task A_stack_trace_alone_packs_the_files_its_frames_name_first_and_the_message_s_literal_brings_the_caller()
    {
        // Given a task with no target: a crash report
        const string task = """
            Adding a line in another currency crashes
            System.InvalidOperationException: line currency differs from the order's
               at Shop.Domain.Shared.Guard.Against(Boolean condition, String message) in /build/src/Shop.Domain/Shared/Guard.cs:line 10
               at Shop.Domain.Orders.Order.Validate(OrderLine line)
            """;

        // When
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions() with { Task = task, MaxTokens = 4000 })).Manifest;

        // Then
        Assert.Empty(manifest.Targets);
        Assert.Equal(["src/Shop.Domain/Orders/Order.Validation.cs", "src/Shop.Domain/Shared/Guard.cs"], manifest.Files.Take(2).Select(f => f.Path).Order(StringComparer.Ordinal));
        var validation = manifest.File("src/Shop.Domain/Orders/Order.Validation.cs");
        var guard = manifest.File("src/Shop.Domain/Shared/Guard.cs");
        Assert.Equal(Fidelity.Full, validation.Fidelity);
        Assert.Equal(Fidelity.Full, guard.Fidelity);
        Assert.Contains(validation.Task!.Matched, m => m.StartsWith("message \"line currency differs from the order", StringComparison.Ordinal));
        Assert.Contains("src/Shop.Domain/Shared/Guard.cs", manifest.Task!.Anchors);
        Assert.Equal("task: stack frame Shop.Domain.Shared.Guard.Against line 10", guard.Reason);
        Assert.Contains(validation.Drivers!, d => d.Feature.StartsWith("task.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pasted_message_alone_finds_the_literal_that_spells_it()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions() with { Task = "Error: quantity must be positive, when the quantity is 0", MaxTokens = 4000 })).Manifest;

        Assert.Equal("src/Shop.Domain/Orders/Order.Validation.cs", manifest.Files[0].Path);
    }

    [Fact]
    public async Task With_a_target_too_the_target_stays_first_and_the_task_orders_the_rest()
    {
        var manifest = (await fixture.PackShopAsync(fixture.ShopOptions("ReportFormatter") with { Task = "the order total is wrong: PricingCalculator ignores the discount", MaxTokens = 4000 })).Manifest;

        Assert.Equal("src/Shop.Reporting/ReportFormatter.cs", manifest.Files[0].Path);
        Assert.True(manifest.Files[0].Fidelity == Fidelity.Full);
        Assert.Equal("src/Shop.Application/PricingCalculator.cs", manifest.Files[1].Path);
    }

    [Fact]
    public async Task A_file_the_task_did_not_match_is_explained_by_the_files_it_did_and_by_targets_only_when_there_are_any()
    {
        // Given a task that names one file of the solution, alone and with a target
        const string task = "ReportFormatter misaligns the columns";

        // When
        var alone = (await fixture.PackShopAsync(fixture.ShopOptions() with { Task = task, MaxTokens = 4000 })).Manifest;
        var withTarget = (await fixture.PackShopAsync(fixture.ShopOptions("OrderService") with { Task = task, MaxTokens = 4000 })).Manifest;

        // Then
        Assert.DoesNotContain(alone.Files, f => f.Reason.Contains("target", StringComparison.Ordinal));
        Assert.Contains(alone.Files, f => f.Reason == "no dependency on the files the task matched");
        Assert.Contains(withTarget.Files, f => f.Reason.EndsWith("references or is referenced by a target's or matched file's project", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_larger_than_the_cap_narrows_the_task_instead_of_filling_the_cap_with_its_most_central_files()
    {
        var task = "Money.Add throws \"currency mismatch\"";

        var module = (await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain") with { MaxTokens = 700 })).Manifest;
        var narrowed = (await fixture.PackShopAsync(fixture.ShopOptions("Shop.Domain") with { Task = task, MaxTokens = 700 })).Manifest;

        Assert.NotNull(module.Summary);
        Assert.Null(narrowed.Summary);
        Assert.Contains(narrowed.Warnings, w => w.StartsWith("the targets (", StringComparison.Ordinal) && w.Contains("narrow the ranking", StringComparison.Ordinal));
        Assert.Equal("src/Shop.Domain/Orders/Money.cs", narrowed.Files[0].Path);
        Assert.Equal(Fidelity.Full, narrowed.Files[0].Fidelity);
        Assert.Equal(1, narrowed.Files[0].Task!.Features[Core.Localization.TaskFeatures.Index("inScope")]);
    }

    [Fact]
    public async Task The_same_task_gives_the_same_bytes_and_another_task_another_digest()
    {
        var options = fixture.ShopOptions() with { Task = "OrderService.Submit fails for an empty order", MaxTokens = 3000 };

        var first = await fixture.PackShopAsync(options);
        var second = await fixture.PackShopAsync(options);
        var other = await fixture.PackShopAsync(options with { Task = "Money.Add fails across currencies" });

        Assert.Equal(first.Bundle, second.Bundle);
        Assert.Equal(first.ManifestText, second.ManifestText);
        Assert.NotEqual(first.Manifest.Task!.Digest, other.Manifest.Task!.Digest);
    }

    [Fact]
    public async Task A_task_that_matches_nothing_is_an_error_without_a_target_and_a_warning_with_one()
    {
        var alone = await Assert.ThrowsAsync<UsageException>(() => fixture.PackShopAsync(fixture.ShopOptions() with { Task = "thanks, that was great" }));
        var withTarget = (await fixture.PackShopAsync(fixture.ShopOptions("OrderService") with { Task = "thanks, that was great" })).Manifest;

        Assert.StartsWith("the task names nothing this solution holds", alone.Message, StringComparison.Ordinal);
        Assert.Contains("the task matched no file of the solution; the bundle is packed around the targets alone.", withTarget.Warnings);
        Assert.Equal("src/Shop.Application/OrderService.cs", withTarget.Files[0].Path);
    }
}
