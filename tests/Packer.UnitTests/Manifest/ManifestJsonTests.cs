using System.Text.Json;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Targeting;

namespace Packer.Tests.Manifest;

/// <summary>The manifest's one model, written and read through one serializer.</summary>
public sealed class ManifestJsonTests
{
    [Fact]
    public void A_manifest_survives_a_round_trip_byte_for_byte()
    {
        // Given
        var text = ManifestJson.Write(Sample());

        // When
        var read = ManifestJson.Read(text);

        // Then
        Assert.Equal(text, ManifestJson.Write(read));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(Fidelity.Signatures, read.File("src/A.cs").Fidelity);
        Assert.Equal(SegmentKind.Stable, read.File("src/A.cs").Segment);
        Assert.Null(read.Session!.Views.Single(v => v.Path == "src/Gone.cs").Text);
        Assert.Equal(1024, read.CacheMinTokens);
    }

    [Fact]
    public void Optional_fields_are_left_out_and_enum_values_are_lower_case()
    {
        var text = ManifestJson.Write(Sample() with { Format = BundleFormat.Xml, CacheMinTokens = null, Session = null });

        Assert.DoesNotContain("cacheMinTokens", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"session\"", text, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"xml\"", text, StringComparison.Ordinal);
        Assert.Contains("{\n      \"path\": \"src/B.cs\",\n      \"project\": \"App\",\n      \"rank\": 2,\n      \"score\": 0.25,\n      \"fidelity\": \"omitted\",\n      \"tokens\": 0,", text, StringComparison.Ordinal);
        Assert.Contains("\"reason\": \"uses <T> & \\\"quotes\\\"\"", text, StringComparison.Ordinal); // only the escapes JSON requires
    }

    [Theory]
    [InlineData("\"fidelity\": \"signatures\"", "\"fidelity\": 1")]
    [InlineData("\"fidelity\": \"signatures\"", "\"fidelity\": \"sigs\"")]
    [InlineData("\"path\": \"src/A.cs\"", "\"path\": null")]
    [InlineData("\"maxTokens\": 8000,", "")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": \"one\"")]
    public void A_manifest_that_is_not_of_this_schema_does_not_read(string field, string replacement)
    {
        var text = ManifestJson.Write(Sample());
        Assert.Contains(field, text, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ManifestJson.Read(text.Replace(field, replacement, StringComparison.Ordinal)));
    }

    internal static ManifestDocument Sample() => new()
    {
        SchemaVersion = ManifestJson.SchemaVersion,
        Tool = ManifestJson.Tool,
        Solution = "App.sln",
        Tokenizer = "o200k_base",
        Format = BundleFormat.Anthropic,
        CacheMinTokens = 1024,
        MaxTokens = 8000,
        TotalTokens = 120,
        Segments = [new SegmentSpan(SegmentKind.Header, 0, 10, 0, 3, false), new SegmentSpan(SegmentKind.Stable, 10, 50, 3, 20, true)],
        Targets = [new ResolvedTarget("App", TargetKind.Project, ["src/T.cs"])],
        Files =
        [
            new ManifestFile
            {
                Path = "src/A.cs", Project = "App", Rank = 1, Score = 0.5, Fidelity = Fidelity.Signatures, Segment = SegmentKind.Stable, Position = 1, Hash = "abc",
                Tokens = 17, Reason = "target", Signals = new Signals { Graph = 1, CoUsage = 0.5, Names = 0.25, Folder = 1, Project = 1 },
            },
            new ManifestFile
            {
                Path = "src/B.cs", Project = "App", Rank = 2, Score = 0.25, Fidelity = Fidelity.Omitted, Tokens = 0, Reason = "uses <T> & \"quotes\"",
                Signals = new Signals { Folder = 0.5, Project = 1 },
            },
        ],
        Warnings = ["a warning"],
        Redaction = "on",
        Redactions = [new ManifestRedaction("src/A.cs", 3, "jwt")],
        Session = new ManifestSession(
            "hash",
            [new ManifestBlock(SegmentKind.Stable, "src/A.cs", "App", Fidelity.Signatures, "class A;\n"), new ManifestBlock(SegmentKind.Edits, "src/Gone.cs", "App", Fidelity.Diff, "--- a\n")],
            [new ManifestView("src/Gone.cs", null)]),
    };
}
