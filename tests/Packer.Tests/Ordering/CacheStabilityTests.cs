using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Pipeline;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Ordering;

/// <summary>Where files go in the bundle, and what an earlier bundle (--previous) lends the next: on one Shop repository, reset before each test.</summary>
public sealed partial class CacheStabilityTests(ShopRepository shop) : IClassFixture<ShopRepository>, IAsyncLifetime
{
    private static readonly TokenCounter Counter = TokenCounter.Create("o200k_base");

    public static TheoryData<BundleFormat> Formats => [BundleFormat.Xml, BundleFormat.Markdown, BundleFormat.Json, BundleFormat.Anthropic];

    public Task InitializeAsync() => shop.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_edit_to_the_target_keeps_at_least_90_percent_of_the_bundle_as_an_identical_prefix()
    {
        // Given a repository with history, packed before the session
        var (root, repository) = (shop.Root, shop.Repository);
        File.AppendAllText(Path.Combine(root, "src", "Shop.Domain", "Orders", "OrderLine.cs"), "// touched later than the rest\n");
        await repository.CommitAllAsync("touch OrderLine");
        var options = Options("src/Shop.Reporting/ReportFormatter.cs");
        var before = await PackAsync(options);

        // When the session edits the target (committed, as the bench does) and packs again
        var target = Path.Combine(root, "src", "Shop.Reporting", "ReportFormatter.cs");
        File.WriteAllText(target, File.ReadAllText(target).Replace("    public static string Row(", "    public static string Rule(int width) => new string('-', width);\n\n    public static string Row(", StringComparison.Ordinal));
        await repository.CommitAllAsync("add Rule");
        var after = await PackAsync(options);

        // Then
        Assert.NotEqual(before.Bundle, after.Bundle);
        Assert.True(PrefixShare(before.Bundle, after.Bundle) >= 0.9, $"prefix kept: {PrefixShare(before.Bundle, after.Bundle):P1}");
        Assert.Equal(after.Bundle, (await PackAsync(options)).Bundle);
    }

    [Fact]
    public async Task Orders_each_segment_least_relevant_first_and_puts_working_tree_changes_and_targets_last()
    {
        // Given Money.cs changed in the working tree
        var root = shop.Root;
        File.AppendAllText(Path.Combine(root, "src", "Shop.Domain", "Orders", "Money.cs"), "// uncommitted\n");

        // When
        var result = await PackAsync(Options("src/Shop.Reporting/ReportFormatter.cs"));

        // Then
        var files = JsonDocument.Parse(result.ManifestText).RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!);
        var order = Regex().Matches(result.Bundle).Select(m => m.Groups[1].Value).ToList();
        string SegmentOf(string path) => files[path].GetProperty("segment").GetString()!;
        Assert.Equal("src/Shop.Reporting/ReportFormatter.cs", order[^1]);
        Assert.Equal("targets", SegmentOf("src/Shop.Reporting/ReportFormatter.cs"));
        Assert.Equal("volatile", SegmentOf("src/Shop.Domain/Orders/Money.cs"));
        Assert.Equal(order.Select((p, i) => (p, i)).Where(x => files[x.p].GetProperty("position").GetInt32() == x.i + 1).Count(), order.Count);
        foreach (var segment in new[] { "stable", "volatile" })
        {
            var scores = order.Where(p => SegmentOf(p) == segment && files[p].GetProperty("fidelity").GetString() != "listed")
                .Select(p => files[p].GetProperty("score").GetDouble()).ToList();
            Assert.NotEmpty(scores);
            Assert.Equal(scores.Order(), scores);
        }
    }

    [Fact]
    public async Task With_the_previous_manifest_an_edit_that_changes_the_targets_dependencies_keeps_the_prefix()
    {
        // Given a bundle too small for every file, packed before the session, its manifest kept
        var (repository, options) = SessionOnOrderService(maxTokens: 2500);
        var before = await PackAndKeepManifestAsync(options);

        // When the session rewrites the target to use other types, and packs again
        await EditSubmitAsync(repository, "order.Describe() + \" \" + PricingCalculator.Total(order) + \" \" + order.Status");
        var fresh = await PackAsync(options with { Previous = null });
        var after = await PackAndKeepManifestAsync(options);

        // Then the bundle changed, and keeps far more of the earlier one than a fresh pack does
        Assert.NotEqual(before.Bundle, after.Bundle);
        Assert.True(Counter.Count(after.Bundle) <= 2500);
        Assert.True(after.Stats.KeptFiles > 0);
        var (kept, freshKept) = (PrefixShare(before.Bundle, after.Bundle), PrefixShare(before.Bundle, fresh.Bundle));
        Assert.True(kept >= 0.9 && kept >= freshKept, $"prefix kept: {kept:P1} with the previous manifest, {freshKept:P1} without");
    }

    [Fact]
    public async Task A_file_the_edit_made_the_target_use_gets_in_though_the_previous_bundle_filled_the_budget()
    {
        // Given a full bundle without PricingCalculator.cs, its manifest kept
        var (repository, options) = SessionOnOrderService(maxTokens: 900);
        var before = (await PackAndKeepManifestAsync(options)).Manifest;
        Assert.DoesNotContain(before.File("src/Shop.Application/PricingCalculator.cs").Fidelity, (Fidelity[])[Fidelity.Full, Fidelity.Signatures]);

        // When only the target changes, to use it
        await EditSubmitAsync(repository, "order.Describe() + PricingCalculator.Total(order)");
        var after = await PackAndKeepManifestAsync(options);

        // Then it goes in, and files of the previous bundle still open the new one
        Assert.Contains(after.Manifest.File("src/Shop.Application/PricingCalculator.cs").Fidelity, (Fidelity[])[Fidelity.Full, Fidelity.Signatures]);
        Assert.True(after.Stats.KeptFiles > 0);
        Assert.True(Counter.Count(after.Bundle) <= 900);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_pack_given_its_own_manifest_as_previous_is_byte_identical(BundleFormat format)
    {
        // Given
        var root = shop.Root;
        var manifest = Path.Combine(TempFolder.Create(), "context.json"); // outside the work tree, as a session script keeps it
        var options = Options("OrderService") with { Format = format, MaxTokens = 1800, CacheMinTokens = 200, Manifest = manifest, Previous = manifest };

        // When
        var first = await PackAndKeepManifestAsync(options);
        var second = await PackAndKeepManifestAsync(options);

        // Then
        Assert.Equal("none yet (no such file)", first.Previous.Reason);
        Assert.StartsWith("read ", second.Previous.Reason, StringComparison.Ordinal);
        Assert.True(second.Stats.KeptFiles > 0);
        Assert.Equal(first.Bundle, second.Bundle);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task A_previous_file_now_in_the_lower_half_and_beyond_twice_the_previous_bundles_depth_is_not_kept(bool fellFar, int kept)
    {
        // Given a previous manifest whose bundle held one file, the lowest ranked, at its rank or as if it had been second then
        var root = shop.Root;
        var manifest = Path.Combine(TempFolder.Create(), "context.json"); // outside the work tree, as a session script keeps it
        var options = Options("OrderService") with { MaxTokens = 8000, Manifest = manifest };
        var all = JsonNode.Parse((await PackAsync(options)).ManifestText)!;
        var files = all["files"]!.AsArray().Where(f => f!["reason"]!.GetValue<string>() != "target" && f!["hash"] is not null).ToList();
        var keep = files[^1]!;
        Assert.True(keep["rank"]!.GetValue<int>() > Math.Max(4, all["files"]!.AsArray().Count / 2));
        foreach (var file in files.Where(f => f != keep))
        {
            file!.AsObject().Remove("position");
        }

        if (fellFar)
        {
            keep["rank"] = 2;
        }

        File.WriteAllText(manifest, all.ToJsonString());

        // When
        var result = await PackAsync(options with { Previous = manifest });

        // Then
        Assert.Equal(kept, result.Stats.KeptFiles);
    }

    [Fact]
    public async Task A_previous_manifest_made_with_other_settings_is_not_used()
    {
        // Given a manifest made with another cap
        var root = shop.Root;
        var manifest = Path.Combine(TempFolder.Create(), "context.json"); // outside the work tree, as a session script keeps it
        var options = Options("OrderService") with { Manifest = manifest, Previous = manifest };
        await PackAndKeepManifestAsync(options with { MaxTokens = 1500 });

        // When
        var result = await PackAsync(options);

        // Then
        Assert.Equal("not used: it was made with another tokenizer, format or cap", result.Previous.Reason);
        Assert.Equal((await PackAsync(options with { Previous = null })).Bundle, result.Bundle);
    }

    [Fact]
    public async Task An_unreadable_previous_manifest_is_a_warning_and_the_pack_goes_on()
    {
        // Given
        var root = shop.Root;
        var manifest = Path.Combine(TempFolder.Create(), "context.json"); // outside the work tree, as a session script keeps it
        File.WriteAllText(manifest, "{ \"schemaVersion\": 1, \"tool\": ");
        var options = Options("OrderService") with { Previous = manifest };

        // When
        var result = await PackAsync(options);

        // Then
        Assert.Contains(result.Warnings, w => w.Contains("previous manifest", StringComparison.Ordinal) && w.Contains(manifest, StringComparison.Ordinal));
        Assert.Equal((await PackAsync(options with { Previous = null })).Bundle, result.Bundle);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Segment_offsets_match_the_output_bytes_and_tokens(BundleFormat format)
    {
        // Given
        var root = shop.Root;

        // When
        var result = await PackAsync(Options("OrderService") with { Format = format, MaxTokens = 1400, CacheMinTokens = 200 });

        // Then the segments tile the output in order, and their offsets are the output's own
        var bytes = Encoding.UTF8.GetBytes(result.Bundle);
        var segments = JsonDocument.Parse(result.ManifestText).RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["header", "stable", "volatile", "targets"], segments.Select(s => s.GetProperty("kind").GetString()));
        var previousEnd = format == BundleFormat.Anthropic ? 2 : 0; // after "[\n"
        foreach (var segment in segments)
        {
            var (byteStart, byteEnd) = (segment.GetProperty("byteStart").GetInt32(), segment.GetProperty("byteEnd").GetInt32());
            Assert.True(byteStart >= previousEnd && byteEnd > byteStart && byteEnd <= bytes.Length);
            previousEnd = byteEnd;
            Assert.Equal(Counter.Count(Encoding.UTF8.GetString(bytes, 0, byteStart)), segment.GetProperty("tokenStart").GetInt32());
            Assert.Equal(Counter.Count(Encoding.UTF8.GetString(bytes, 0, byteEnd)), segment.GetProperty("tokenEnd").GetInt32());
        }

        var targets = Encoding.UTF8.GetString(bytes[segments[3].GetProperty("byteStart").GetInt32()..segments[3].GetProperty("byteEnd").GetInt32()]);
        Assert.Contains("src/Shop.Application/OrderService.cs", targets, StringComparison.Ordinal);
        if (format == BundleFormat.Json)
        {
            Assert.Equal(segments.Count, JsonDocument.Parse(result.Bundle).RootElement.GetProperty("segments").GetArrayLength());
        }
    }

    [Fact]
    public async Task The_anthropic_format_is_content_blocks_of_the_xml_bundle_with_cache_control_on_large_segments()
    {
        // Given
        var root = shop.Root;
        var options = Options("OrderService") with { MaxTokens = 8000 };

        // When
        var xml = await PackAsync(options);
        var blocks = await PackAsync(options with { Format = BundleFormat.Anthropic, CacheMinTokens = 150 });

        // Then
        var array = JsonDocument.Parse(blocks.Bundle).RootElement.EnumerateArray().ToList();
        Assert.All(array, b => Assert.Equal("text", b.GetProperty("type").GetString()));
        Assert.Equal(xml.Bundle, string.Concat(array.Select(b => b.GetProperty("text").GetString())));
        var marked = array.Where(b => b.TryGetProperty("cache_control", out _)).ToList();
        Assert.InRange(marked.Count, 1, 4);
        Assert.All(marked, b => Assert.True(Counter.Count(b.GetProperty("text").GetString()!) >= 150));
        Assert.All(array.Except(marked), b => Assert.True(Counter.Count(b.GetProperty("text").GetString()!) < 200));
        Assert.True(Counter.Count(blocks.Bundle) <= 8000);
    }

    private PackOptions Options(string target) => shop.Options(target) with { MaxTokens = 4000 };

    private Task<PackResult> PackAsync(PackOptions options) => shop.PackAsync(options);

    // The Shop repository, and the options of a session script aimed at OrderService.cs that
    // hands each run the previous run's manifest.
    private (GitRepository Repository, PackOptions Options) SessionOnOrderService(int maxTokens)
    {
        var manifest = Path.Combine(TempFolder.Create(), "context.json"); // outside the work tree: a commit would make it tracked, and so not ours to write
        return (shop.Repository, Options("src/Shop.Application/OrderService.cs") with { MaxTokens = maxTokens, Manifest = manifest, Previous = manifest });
    }

    // The session's edit to the target: OrderService.Submit returns the given expression, committed as the bench does.
    private static async Task EditSubmitAsync(GitRepository repository, string returned)
    {
        var target = Path.Combine(repository.Root, "src", "Shop.Application", "OrderService.cs");
        File.WriteAllText(target, File.ReadAllText(target).Replace("return order.Describe();", $"return {returned};", StringComparison.Ordinal));
        await repository.CommitAllAsync("submit reports the total");
    }

    // Packs and writes the manifest where options.Manifest says, as the CLI does.
    private async Task<PackResult> PackAndKeepManifestAsync(PackOptions options)
    {
        var result = await PackAsync(options);
        File.WriteAllText(options.Manifest!, result.ManifestText);
        return result;
    }

    private static double PrefixShare(string before, string after)
    {
        var common = 0;
        while (common < before.Length && common < after.Length && before[common] == after[common])
        {
            common++;
        }

        common = after.LastIndexOf('\n', Math.Max(0, common - 1)) + 1;
        return (double)Counter.Count(after[..common]) / Counter.Count(after);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<file path=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex Regex();
}
