using System.Text;
using System.Text.Json;
using Packer.Core.Configuration;
using Packer.Core.Pipeline;

namespace Packer.Tests.Ordering;

// --previous with a session manifest: the earlier bundle is repeated and the session's edits appended.
public sealed partial class CacheStabilityTests
{
    private const string Described = "return order.Describe();";

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_sessions_edits_are_appended_as_diffs_after_the_earlier_bundle_repeated_byte_for_byte(BundleFormat format)
    {
        // Given a session bundle on OrderService.cs
        var (repository, options) = SessionOnOrderService(maxTokens: 4000);
        options = options with { Format = format, CacheMinTokens = 200 };
        var before = await PackAndKeepManifestAsync(options);

        // When the session edits the target and Order.cs, which the bundle holds before it
        var order = Path.Combine(repository.Root, "src", "Shop.Domain", "Orders", "Order.cs");
        File.WriteAllText(order, File.ReadAllText(order).Replace("    public int Id { get; }\n", "    public int Id { get; }\n\n    public string Note { get; set; } = \"\";\n", StringComparison.Ordinal));
        await EditSubmitAsync(repository, "order.Describe() + order.Note");
        var after = await PackAndKeepManifestAsync(options);

        // Then both diffs are appended in an edits segment, after everything the earlier bundle held
        Assert.Equal(2, after.Stats.AppendedEdits);
        Assert.StartsWith("read ", after.Previous.Reason, StringComparison.Ordinal);
        Assert.True(EarlierShareKept(before.Bundle, after.Bundle) >= 0.9, $"earlier bundle kept: {EarlierShareKept(before.Bundle, after.Bundle):P1}");
        var edits = Segment(after, "edits");
        Assert.True(edits.IndexOf("Order.cs", StringComparison.Ordinal) < edits.IndexOf("OrderService.cs", StringComparison.Ordinal));
        Assert.Contains("+    public string Note { get; set; } = ", edits, StringComparison.Ordinal);
        Assert.Contains("-        " + Described, JsonUnescaped(edits, format), StringComparison.Ordinal);
        Assert.True(Counter.Count(after.Bundle) <= 4000);
        Assert.Equal(after.Bundle, (await PackAndKeepManifestAsync(options)).Bundle);
    }

    [Fact]
    public async Task A_second_edit_appends_only_what_changed_since_the_first()
    {
        // Given a session bundle, and one edit appended to it
        var (repository, options) = SessionOnOrderService(maxTokens: 4000);
        var before = await PackAndKeepManifestAsync(options);
        await EditSubmitAsync(repository, "order.Describe() + \"!\"");
        var first = await PackAndKeepManifestAsync(options);

        // When the session edits the same line again
        var target = Path.Combine(repository.Root, "src", "Shop.Application", "OrderService.cs");
        File.WriteAllText(target, File.ReadAllText(target).Replace("+ \"!\";", "+ \"?\";", StringComparison.Ordinal));
        var second = await PackAndKeepManifestAsync(options);

        // Then each bundle opens with the whole of the one before (all but its closing tag), and the new diff is from the first edit on
        const string closing = "</context>\n";
        Assert.StartsWith(before.Bundle[..^closing.Length], first.Bundle, StringComparison.Ordinal);
        Assert.StartsWith(first.Bundle[..^closing.Length], second.Bundle, StringComparison.Ordinal);
        var appended = second.Bundle[(first.Bundle.Length - closing.Length)..];
        Assert.Contains("-        return order.Describe() + \"!\";\n+        return order.Describe() + \"?\";\n", appended, StringComparison.Ordinal);
        Assert.DoesNotContain(Described, appended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_deleted_since_the_earlier_bundle_gets_a_diff_to_dev_null()
    {
        // Given
        var (repository, options) = SessionOnOrderService(maxTokens: 4000);
        await PackAndKeepManifestAsync(options);

        // When
        File.Delete(Path.Combine(repository.Root, "src", "Shop.Domain", "Orders", "OrderLine.cs"));
        var after = await PackAndKeepManifestAsync(options);

        // Then
        Assert.Equal(1, after.Stats.AppendedEdits);
        Assert.Contains("--- a/src/Shop.Domain/Orders/OrderLine.cs\n+++ /dev/null\n", Segment(after, "edits"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_rewritten_since_the_earlier_bundle_is_appended_in_full_when_that_is_shorter_than_its_diff()
    {
        // Given
        var (repository, options) = SessionOnOrderService(maxTokens: 4000);
        await PackAndKeepManifestAsync(options);

        // When OrderLine becomes a record
        const string record = "namespace Shop.Domain.Orders;\n\npublic sealed record OrderLine(string Sku, int Quantity, Money UnitPrice)\n{\n    public Money Total => UnitPrice.Times(Quantity);\n}\n";
        File.WriteAllText(Path.Combine(repository.Root, "src", "Shop.Domain", "Orders", "OrderLine.cs"), record);
        var after = await PackAndKeepManifestAsync(options);

        // Then
        Assert.Equal(1, after.Stats.AppendedEdits);
        Assert.Contains("1 changed files in full", after.Previous.Reason, StringComparison.Ordinal);
        Assert.Contains("<file path=\"src/Shop.Domain/Orders/OrderLine.cs\" project=\"Shop.Domain\" fidelity=\"full\"><![CDATA[\n" + record, Segment(after, "edits"), StringComparison.Ordinal);
        Assert.Equal(after.Bundle, (await PackAndKeepManifestAsync(options)).Bundle);
    }

    [Fact]
    public async Task Edits_that_outgrow_the_room_kept_for_them_are_packed_afresh_keeping_the_unchanged_files_in_place()
    {
        // Given a session bundle that keeps 1% of its cap for edits
        var (repository, options) = SessionOnOrderService(maxTokens: 4000);
        options = options with { EditRoom = 1 };
        await PackAndKeepManifestAsync(options);

        // When the edit's diff takes more than that
        await EditSubmitAsync(repository, "string.Join(\", \", order.Lines.Select(l => l.ToString())) + order.Describe() + order.Status + order.Currency");
        var after = await PackAndKeepManifestAsync(options);

        // Then
        Assert.Equal(0, after.Stats.AppendedEdits);
        Assert.Contains("outgrew the room kept for them", after.Previous.Reason, StringComparison.Ordinal);
        Assert.True(after.Stats.KeptFiles > 0);
        Assert.DoesNotContain("fidelity=\"diff\"", after.Bundle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Shop.Application/OrderService.cs", 1500)]
    [InlineData("Shop.Domain", 700)] // a project target whose files alone fill the cap
    public async Task A_session_bundle_leaves_its_edit_room_free(string target, int maxTokens)
    {
        // Given a cap too small for every file
        var (_, options) = SessionOnOrderService(maxTokens);
        options = options with { Targets = [TargetSpec.Parse(target)] };

        // When
        var session = await PackAsync(options);
        var whole = await PackAsync(options with { EditRoom = 0 });

        // Then
        Assert.InRange(Counter.Count(session.Bundle), 1, maxTokens * 9 / 10);
        Assert.InRange(Counter.Count(whole.Bundle), (maxTokens * 9 / 10) + 1, maxTokens);
    }

    // The share of the earlier bundle's tokens that open the later one: what a prompt cache reuses of it.
    private static double EarlierShareKept(string before, string after)
    {
        var common = 0;
        while (common < before.Length && common < after.Length && before[common] == after[common])
        {
            common++;
        }

        return (double)Counter.Count(before[..common]) / Counter.Count(before);
    }

    // The text of one segment, by the manifest's byte offsets.
    private static string Segment(PackResult result, string kind)
    {
        var segment = JsonDocument.Parse(result.ManifestText).RootElement.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind);
        var bytes = Encoding.UTF8.GetBytes(result.Bundle);
        return Encoding.UTF8.GetString(bytes[segment.GetProperty("byteStart").GetInt32()..segment.GetProperty("byteEnd").GetInt32()]);
    }

    // The JSON formats escape quotes and newlines in file text.
    private static string JsonUnescaped(string text, BundleFormat format) =>
        format is BundleFormat.Json or BundleFormat.Anthropic ? text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal) : text;
}
