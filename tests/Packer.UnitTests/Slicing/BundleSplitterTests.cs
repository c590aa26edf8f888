using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Manifest;
using Packer.Core.Rendering;
using Packer.Core.Slicing;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Tests.Slicing;

public sealed class BundleSplitterTests
{
    private static readonly TokenCounter Counter = TokenCounter.Create("o200k_base");

    public static TheoryData<BundleFormat> Formats => new() { BundleFormat.Xml, BundleFormat.Markdown };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parts_hold_the_bundle_in_order_each_within_the_cap_and_never_stable_files_with_later_ones(BundleFormat format)
    {
        // Given a bundle whose target is larger than a part
        var (text, manifest) = Render(format, Content(edits: false));

        // When
        var parts = Split(text, manifest, 300);

        // Then the parts are the bundle up to its trailer, one ends where the stable files end, and the target is cut between lines
        Assert.Equal(text[..BundleLayout.Of(text, manifest.Format).TrailerStart], string.Concat(parts));
        Assert.All(parts, part => Assert.InRange(Counter.Count(part), 1, 300));
        var ends = parts.Select((_, i) => parts.Take(i + 1).Sum(p => p.Length)).ToList();
        Assert.Contains(manifest.Segment(SegmentKind.Stable)!.ByteEnd, ends); // ASCII: bytes are characters
        var first = parts.FindIndex(p => p.Contains("line 0 of the target", StringComparison.Ordinal));
        var last = parts.FindIndex(p => p.Contains("line 119 of the target", StringComparison.Ordinal));
        Assert.True(last > first);
        Assert.All(parts.Skip(first + 1).Take(last - first), part => Assert.StartsWith("line ", part, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Appending_edits_leaves_every_earlier_part_byte_for_byte_the_same(BundleFormat format)
    {
        // Given a bundle, and the same bundle with an edits segment appended
        var (before, beforeManifest) = Render(format, Content(edits: false));
        var (after, afterManifest) = Render(format, Content(edits: true));

        // When
        var first = Split(before, beforeManifest, 300);
        var second = Split(after, afterManifest, 300);

        // Then
        Assert.Equal(first, second.Take(first.Count));
        Assert.StartsWith(format == BundleFormat.Xml ? "<file path=\"src/Target.cs\" project=\"App\" fidelity=\"diff\">" : "## src/Target.cs\n(App, diff)", second[first.Count], StringComparison.Ordinal);
    }

    private static List<string> Split(string text, ManifestDocument manifest, int size) =>
        [.. BundleSplitter.Split(text, manifest, size, Counter.Count, Counter.PrefixLength)];

    private static BundleEntry[] Stable() =>
    [
        new("src/A.cs", "App", Fidelity.Full, "class A { }\n"),
        new("src/B.cs", "App", Fidelity.Signatures, "class B { int Size { get; } }\n"),
    ];

    private static BundleContent Content(bool edits)
    {
        var target = string.Concat(Enumerable.Range(0, 120).Select(i => $"line {i} of the target: var x{i} = Compute({i}, \"text\");\n"));
        List<BundleSegment> segments =
        [
            new(SegmentKind.Stable, Stable()),
            new(SegmentKind.Volatile, [new BundleEntry("src/Near.cs", "App", Fidelity.Full, "class Near { Target t; }\n"), new BundleEntry("src/Far.cs", "App", Fidelity.Listed, string.Empty)]),
            new(SegmentKind.Targets, [new BundleEntry("src/Target.cs", "App", Fidelity.Full, target)]),
        ];
        if (edits)
        {
            segments.Add(new(SegmentKind.Edits, [new BundleEntry("src/Target.cs", "App", Fidelity.Diff, "--- a/src/Target.cs\n+++ b/src/Target.cs\n@@ -1 +1 @@\n-line 0\n+line zero\n")]));
        }

        return new BundleContent(
            new BundleHeader("App.sln", [new ProjectNode("App", "src/App.csproj", [])], [new ResolvedTarget("src/Target.cs", TargetKind.File, ["src/Target.cs"])]),
            segments);
    }

    private static (string Text, ManifestDocument Manifest) Render(BundleFormat format, BundleContent content)
    {
        var rendered = BundleComposer.Compose(RendererFactory.For(format, 1024), content, Counter);
        var manifest = new ManifestDocument
        {
            SchemaVersion = ManifestJson.SchemaVersion,
            Tool = ManifestJson.Tool,
            Solution = "App.sln",
            Tokenizer = "o200k_base",
            Format = format,
            MaxTokens = 100_000,
            TotalTokens = Counter.Count(rendered.Text),
            Segments = rendered.Segments,
            Targets = [],
            Files = [],
            Warnings = [],
        };
        return (rendered.Text, manifest);
    }
}
