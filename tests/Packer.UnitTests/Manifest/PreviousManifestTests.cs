using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Targeting;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.Manifest;

/// <summary>Reading an earlier run's manifest for --previous: when it lends its layout, and why not.</summary>
public sealed class PreviousManifestTests
{
    private static readonly IReadOnlyList<ResolvedTarget> Targets = [new ResolvedTarget("App", TargetKind.Project, ["src/T.cs"])];

    [Fact]
    public void A_manifest_made_with_the_same_settings_lends_its_layout()
    {
        // Given a manifest with three placed files, one of them a target, and a listed one; two are one edge from the target
        var path = Write(ManifestJsonTests.Sample() with
        {
            Files =
            [
                File("src/T.cs", rank: 1, SegmentKind.Targets, position: 3),
                File("src/B.cs", rank: 3, SegmentKind.Volatile, position: 2) with { Signals = new Signals { Hops = 1 } },
                File("src/A.cs", rank: 2, SegmentKind.Stable, position: 1) with { Signals = new Signals { Hops = 2 } },
                File("src/C.cs", rank: 4, SegmentKind.Volatile, position: 4) with { Fidelity = Fidelity.Listed, Hash = null, Signals = new Signals { Hops = 1 } },
            ],
        });

        // When
        var read = PreviousManifest.Read(path, Options(), "App.sln", Targets);

        // Then the context files in bundle order, the depth their lowest rank
        Assert.Equal(PreviousUse.Read, read.Outcome.Use);
        Assert.Equal("read 2 context files", read.Outcome.Reason);
        Assert.Equal(["src/A.cs", "src/B.cs"], read.Bundle!.Entries.Select(e => e.Path));
        Assert.Equal(3, read.Bundle.Depth);
        Assert.Equal(["src/A.cs", "src/B.cs", "src/T.cs"], read.Bundle.Held.Order(StringComparer.Ordinal));
        Assert.Equal(["src/B.cs", "src/C.cs"], read.Bundle.Neighbours.Order(StringComparer.Ordinal));
        Assert.NotNull(read.Bundle.Session);
        Assert.Null(read.Warning);
    }

    [Theory]
    [InlineData("cap", "not used: it was made with another tokenizer, format or cap")]
    [InlineData("tokenizer", "not used: it was made with another tokenizer, format or cap")]
    [InlineData("tool", "not used: it was made by another version of the tool")]
    [InlineData("solution", "not used: it was made for another solution")]
    [InlineData("targets", "not used: it was made for other targets")]
    [InlineData("redaction", "not used: it was made with other redaction settings")]
    public void A_manifest_made_otherwise_is_not_used(string difference, string reason)
    {
        var sample = ManifestJsonTests.Sample();
        var path = Write(difference switch
        {
            "cap" => sample with { MaxTokens = 9000 },
            "tokenizer" => sample with { Tokenizer = "cl100k_base" },
            "tool" => sample with { Tool = new ManifestTool(ManifestJson.ToolName, "0.0.1") },
            "solution" => sample with { Solution = "Other.sln" },
            "redaction" => sample with { Redaction = "off" },
            _ => sample with { Targets = [new ResolvedTarget("Other", TargetKind.File, ["src/O.cs"])] },
        });

        var read = PreviousManifest.Read(path, Options(), "App.sln", Targets);

        Assert.Null(read.Bundle);
        Assert.Equal(new PreviousOutcome(PreviousUse.NotUsed, reason), read.Outcome);
    }

    [Fact]
    public void No_file_yet_is_not_a_warning()
    {
        var read = PreviousManifest.Read(Path.Combine(TempFolder.Create(), "none.json"), Options(), "App.sln", Targets);

        Assert.Equal(new PreviousOutcome(PreviousUse.Missing, "none yet (no such file)"), read.Outcome);
        Assert.Null(read.Warning);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"tool\": ")]
    [InlineData("[]")]
    [InlineData("")]
    public void An_unreadable_file_is_a_warning_that_names_it(string text)
    {
        var path = Path.Combine(TempFolder.Create(), "bad.json");
        System.IO.File.WriteAllText(path, text);

        var read = PreviousManifest.Read(path, Options(), "App.sln", Targets);

        Assert.Null(read.Bundle);
        Assert.Equal(PreviousUse.Unreadable, read.Outcome.Use);
        Assert.StartsWith($"the previous manifest {path} could not be read (", read.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_any_manifest_is_not_read()
    {
        var path = Path.Combine(TempFolder.Create(), "huge.json");
        using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(PreviousManifest.MaxBytes + 1); // sparse: nothing is written
        }

        var read = PreviousManifest.Read(path, Options(), "App.sln", Targets);

        Assert.Equal(PreviousUse.Unreadable, read.Outcome.Use);
        Assert.Contains("it is larger than 256 MiB", read.Warning, StringComparison.Ordinal);
    }

    private static PackOptions Options() => new()
    {
        SolutionPath = "App.sln",
        Targets = [TargetSpec.Parse("App")],
        MaxTokens = 8000,
        Format = BundleFormat.Anthropic,
        CacheMinTokens = 1024,
    };

    private static ManifestFile File(string path, int rank, SegmentKind segment, int position) => ManifestJsonTests.Sample().Files[0] with
    {
        Path = path,
        Rank = rank,
        Fidelity = Fidelity.Full,
        Segment = segment,
        Position = position,
        Hash = "h" + path,
    };

    private static string Write(ManifestDocument manifest)
    {
        var path = Path.Combine(TempFolder.Create(), "manifest.json");
        System.IO.File.WriteAllText(path, ManifestJson.Write(manifest));
        return path;
    }
}
