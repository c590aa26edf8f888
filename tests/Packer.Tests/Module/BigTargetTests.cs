using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Pipeline;
using Packer.Core.Tokenization;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Module;

/// <summary>
/// Targets larger than the cap, on a synthetic solution whose target project (P1: 48 widgets in 8 folders and 4
/// registries every widget of P1 and P2 uses) is several times the caps used here: the bundle is its outline and
/// its central files, the cap holds, and one warning says so.
/// </summary>
public sealed class BigTargetTests(BigTargetTests.Synthetic synthetic) : IClassFixture<BigTargetTests.Synthetic>
{
    private const int Widgets = 48;
    private const int Registries = 4;

    public static TheoryData<BundleFormat> Formats() => [BundleFormat.Xml, BundleFormat.Markdown, BundleFormat.Json, BundleFormat.Anthropic];

    [Fact]
    public async Task A_project_larger_than_the_cap_is_its_outline_and_its_most_used_types()
    {
        // When the project is the target of a cap far below its size
        var result = await PackAsync(6_000, "P1");

        // Then its registries, which every widget uses, are in the bundle, and every other file of it is in the outline
        var manifest = result.Manifest;
        var files = manifest.Files.Where(f => f.Project == "P1").ToList();
        Assert.Equal(Widgets + Registries, files.Count);
        Assert.All(
            Enumerable.Range(0, Registries).Select(k => manifest.File($"src/P1/Contracts/{SyntheticSolution.CentralName(1, k)}.cs")),
            f => Assert.Contains(f.Fidelity, new[] { Fidelity.Full, Fidelity.Signatures }));
        Assert.All(files, f => Assert.Contains(f.Fidelity, new[] { Fidelity.Full, Fidelity.Signatures, Fidelity.Outline }));
        Assert.DoesNotContain(manifest.Files, f => f.Fidelity == Fidelity.Listed);

        var summary = Assert.IsType<TargetSummary>(manifest.Summary);
        Assert.Equal((Widgets + Registries, "every folder, up to 3 types each"), (summary.Files, summary.Outline));
        Assert.Equal(files.Count, summary.Full + summary.Signatures + summary.Outlined);
        Assert.True(summary.Outlined > summary.Full + summary.Signatures, $"{summary.Outlined} outlined");
        Assert.InRange(result.Stats.BoundFiles, 1, 24);

        // And the warnings are one line, which says how to narrow the target
        var warning = Assert.Single(TargetWarnings(result));
        Assert.StartsWith($"the target P1 ({Widgets + Registries} files, about ", warning, StringComparison.Ordinal);
        Assert.Contains("To see more of one part, target it: namespace:Synthetic.P1.Area", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outline_comes_first_and_lists_every_folder_of_the_target()
    {
        // When
        var result = await PackAsync(6_000, "P1");

        // Then it is the first segment after the header
        Assert.Equal([SegmentKind.Header, SegmentKind.Outline, SegmentKind.Targets], result.Manifest.Segments.Select(s => s.Kind));
        var outline = Outline(result);
        var expected = result.Manifest.Files.Where(f => f.Project == "P1")
            .SelectMany(f => Ancestors(f.Path["src/P1/".Length..]))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Folders(outline).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("\nsrc/P1/ 52\n", outline, StringComparison.Ordinal);
        Assert.Contains("\n  Contracts/ 4: IRegistry1x0, IRegistry1x1, IRegistry1x2\n", outline, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_cap_holds_on_the_rendered_output_in_every_format(BundleFormat format)
    {
        foreach (var cap in new[] { 700, 5_000 })
        {
            // When
            var result = await PackAsync(cap, format, "P1");

            // Then the whole text, counted afresh, is within the cap
            var total = TokenCounter.Create(PackOptions.DefaultTokenizer).Count(result.Bundle);
            Assert.True(total <= cap, $"{format} at {cap}: {total} tokens");
            Assert.Equal(total, result.Manifest.TotalTokens);
            Assert.True(total > cap * 0.7, $"{format} at {cap}: only {total} tokens used");
            Assert.Single(TargetWarnings(result));
        }
    }

    [Fact]
    public async Task When_not_even_the_outline_fits_the_summary_and_the_warning_count_what_is_listed_and_left_out()
    {
        // When the cap leaves room for a file or two, but not for the outline's first line
        var result = await PackAsync(180, "P1");

        // Then every target file is accounted for, by its fidelity in the manifest
        var summary = Assert.IsType<TargetSummary>(result.Manifest.Summary);
        Assert.Equal("none", summary.Outline);
        var files = result.Manifest.Files.Where(f => f.Project == "P1").ToList();
        int Count(Fidelity fidelity) => files.Count(f => f.Fidelity == fidelity);
        Assert.Equal(
            (Count(Fidelity.Full), Count(Fidelity.Signatures), 0, Count(Fidelity.Listed)),
            (summary.Full, summary.Signatures, summary.Outlined, summary.Listed));
        var omitted = Count(Fidelity.Omitted);
        Assert.True(omitted > 0, "some target files are left out");
        var warning = Assert.Single(TargetWarnings(result));
        Assert.Contains($"of the other files, {(summary.Listed > 0 ? $"{summary.Listed} only listed by path, " : string.Empty)}{omitted} left out (the manifest says why).", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("only counted in the outline", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packing_twice_gives_the_same_bytes()
    {
        var once = await PackAsync(4_000, "P1", "src/P0/Area1/Part0/Widget0x001.cs");
        var again = await PackAsync(4_000, "P1", "src/P0/Area1/Part0/Widget0x001.cs");

        Assert.Equal(once.Bundle, again.Bundle);
        Assert.Equal(once.ManifestText, again.ManifestText);
    }

    [Fact]
    public async Task A_file_given_beside_a_large_project_takes_its_turn_first()
    {
        // When a file nobody uses is a target beside the project
        var result = await PackAsync(4_000, "P1", "src/P0/Area1/Part0/Widget0x001.cs");

        // Then it is in the bundle, and the outline spans both
        var manifest = result.Manifest;
        Assert.Equal(2, manifest.File("src/P0/Area1/Part0/Widget0x001.cs").Rank);
        Assert.NotEqual(Fidelity.Outline, manifest.File("src/P0/Area1/Part0/Widget0x001.cs").Fidelity);
        Assert.Equal(["P1", "src/P0/Area1/Part0/Widget0x001.cs"], manifest.Summary!.Targets);
        Assert.Contains("\nsrc/ 53\n  P0/Area1/Part0/ 1", Outline(result), StringComparison.Ordinal);
        Assert.StartsWith("the targets P1 and src/P0/Area1/Part0/Widget0x001.cs (53 files", Assert.Single(TargetWarnings(result)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_or_a_namespace_larger_than_the_cap_is_outlined_too_and_suggests_its_parts()
    {
        // When
        var folder = (await PackAsync(2_500, "src/P1/Area0")).Manifest;
        var space = (await PackAsync(2_500, "namespace:Synthetic.P1")).Manifest;

        // Then
        Assert.Equal(TargetKind.Folder, folder.Targets[0].Kind);
        Assert.Equal(["folder:src/P1/Area0/Part0", "folder:src/P1/Area0/Part1"], folder.Summary!.Narrower.Select(n => n.Spec).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["namespace:Synthetic.P1.Area0", "namespace:Synthetic.P1.Area1", "namespace:Synthetic.P1.Area2", "namespace:Synthetic.P1.Area3", "namespace:Synthetic.P1.Contracts"],
            space.Summary!.Narrower.Select(n => n.Spec).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_session_repeats_the_bundle_of_a_large_target_byte_for_byte()
    {
        // Given a first session's bundle and manifest
        var manifest = Path.Combine(TempFolder.Create(), "context.json");
        var options = new PackOptions { SolutionPath = synthetic.Loaded.SolutionPath, Targets = [TargetSpec.Parse("P1")], MaxTokens = 6_000, Previous = manifest };
        var first = await ContextPacker.PackAsync(synthetic.Loaded, options, synthetic.Root, CancellationToken.None);
        File.WriteAllText(manifest, first.ManifestText);

        // When the next run is handed it, nothing having changed
        var second = await ContextPacker.PackAsync(synthetic.Loaded, options, synthetic.Root, CancellationToken.None);

        // Then it repeats the bundle, outline included, and appends nothing
        Assert.Equal(PreviousUse.Appended, second.Previous.Use);
        Assert.Equal(first.Bundle, second.Bundle);
        Assert.Equal(SegmentKind.Outline, first.Manifest.Session!.Blocks[0].Segment);
        Assert.Single(TargetWarnings(second));
    }

    [Fact]
    public async Task What_a_large_target_leaves_goes_to_the_files_it_uses()
    {
        // When a folder of six widgets is the target of a cap that holds them all, some only as signatures
        var result = await PackAsync(3_000, "src/P1/Area0/Part0");

        // Then every widget is shown, and the room they leave holds the registry they all use, next to them
        var manifest = result.Manifest;
        Assert.NotNull(manifest.Summary);
        Assert.Contains(manifest.Files, f => f.Path.StartsWith("src/P1/Area0/Part0/", StringComparison.Ordinal) && f.Fidelity == Fidelity.Signatures);
        Assert.All(
            manifest.Files.Where(f => f.Path.StartsWith("src/P1/Area0/Part0/", StringComparison.Ordinal)),
            f => Assert.Contains(f.Fidelity, new[] { Fidelity.Full, Fidelity.Signatures }));
        Assert.Equal(Fidelity.Full, manifest.File("src/P1/Contracts/IRegistry1x0.cs").Fidelity);
        Assert.Equal([SegmentKind.Header, SegmentKind.Outline, SegmentKind.Volatile, SegmentKind.Targets], manifest.Segments.Select(s => s.Kind));
        Assert.True(manifest.TotalTokens <= 3_000, $"{manifest.TotalTokens} tokens");
        Assert.Single(TargetWarnings(result));
    }

    [Fact]
    public async Task Targets_that_fit_are_packed_as_before()
    {
        var result = await PackAsync(32_000, "type:Widget1x006");

        Assert.Null(result.Manifest.Summary);
        Assert.DoesNotContain(result.Manifest.Segments, s => s.Kind == SegmentKind.Outline);
        Assert.DoesNotContain("\"summary\"", result.ManifestText, StringComparison.Ordinal);
        Assert.Empty(TargetWarnings(result));
    }

    // The run's warnings less the loader's (the synthetic projects' own, the same in every run).
    private IEnumerable<string> TargetWarnings(PackResult result) => result.Warnings.Except(synthetic.Loaded.Warnings);

    private static string Outline(PackResult result)
    {
        var span = result.Manifest.Segments.Single(s => s.Kind == SegmentKind.Outline);
        var bytes = System.Text.Encoding.UTF8.GetBytes(result.Bundle);
        return System.Text.Encoding.UTF8.GetString(bytes, span.ByteStart, span.ByteEnd - span.ByteStart);
    }

    // The folders an outline's lines name, below its top folder, read back from their indentation (a line may name a chain: A/B/).
    private static IEnumerable<string> Folders(string outline)
    {
        var stack = new List<string>();
        var lines = outline.Split('\n').SkipWhile(l => !l.StartsWith("src/", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            var depth = (line.Length - line.TrimStart(' ').Length) / 2;
            var label = line.TrimStart(' ').Split(' ')[0].TrimEnd('/');
            stack.RemoveRange(depth - 1, stack.Count - (depth - 1));
            var path = depth == 1 ? label : stack[^1] + "/" + label;
            stack.Add(path);
            foreach (var folder in Ancestors(path + "/x"))
            {
                yield return folder;
            }
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        var segments = path.Split('/')[..^1];
        return Enumerable.Range(1, segments.Length).Select(n => string.Join('/', segments[..n]));
    }

    private Task<PackResult> PackAsync(int cap, params string[] targets) => PackAsync(cap, BundleFormat.Xml, targets);

    private Task<PackResult> PackAsync(int cap, BundleFormat format, params string[] targets) => ContextPacker.PackAsync(
        synthetic.Loaded,
        new PackOptions { SolutionPath = synthetic.Loaded.SolutionPath, Targets = TargetSpec.ParseAll(targets), MaxTokens = cap, Format = format },
        synthetic.Root,
        CancellationToken.None);

    /// <summary>The synthetic solution with central registries, written and loaded once for the class.</summary>
    public sealed class Synthetic : IAsyncLifetime
    {
        public string Root { get; private set; } = string.Empty;

        internal LoadedSolution Loaded { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Root = TempFolder.Create();
            var solution = SyntheticSolution.Write(Root, projects: 3, filesPerProject: Widgets, central: Registries);
            Loaded = await WorkspaceLoader.LoadAsync(solution, new FileFilter([], []), CancellationToken.None);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
