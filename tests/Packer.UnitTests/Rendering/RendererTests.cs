using System.Text.Json;
using System.Xml;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Tests.Rendering;

public sealed class RendererTests
{
    private const string Hostile = "var a = x[y[0]]>1;\nvar s = \"]]>\";\nchar bell = '\u0007';\n// ```` four backticks\n";

    private static readonly BundleContent Content = new(
        new BundleHeader(
            "src/App & Co.sln",
            [new ProjectNode("App", "src/App/App.csproj", ["Lib"]), new ProjectNode("Lib", "src/Lib/Lib.csproj", [])],
            [new ResolvedTarget("type:A<T>", TargetKind.Type, ["src/A.cs"])]),
        [
            new BundleSegment(SegmentKind.Stable, [new BundleEntry("src/B \"quoted\".cs", "App", Fidelity.Signatures, "class B;\n")]),
            new BundleSegment(SegmentKind.Volatile, [new BundleEntry("src/C.cs", "App", Fidelity.Listed, string.Empty), new BundleEntry("docs/<odd>.md", string.Empty, Fidelity.Listed, string.Empty)]),
            new BundleSegment(SegmentKind.Targets, [new BundleEntry("src/A.cs", "App", Fidelity.Full, Hostile)]),
        ]);

    private static readonly TokenCounter Counter = TokenCounter.Create("o200k_base");

    private static string Render(BundleFormat format, BundleContent? content = null) =>
        BundleComposer.Compose(RendererFactory.For(format, 1), content ?? Content, Counter).Text;

    [Fact]
    public void Xml_is_well_formed_and_keeps_the_text_around_cdata_terminators()
    {
        // When
        var xml = Render(BundleFormat.Xml);

        // Then it parses, and the file text reads back (the bell, which XML cannot carry, as U+FFFD)
        var document = new XmlDocument();
        document.LoadXml(xml);
        var file = (XmlElement)document.SelectSingleNode("/context/file[@path='src/A.cs']")!;
        Assert.Equal("\n" + Hostile.Replace('\u0007', '\uFFFD'), file.InnerText);
        Assert.Equal("signatures", document.SelectSingleNode("/context/file[1]/@fidelity")!.Value);
        Assert.Equal("src/B \"quoted\".cs", document.SelectSingleNode("/context/file[1]/@path")!.Value);
        Assert.Equal(["src/C.cs", "docs/<odd>.md"], document.SelectNodes("/context/file[@fidelity='listed']/@path")!.Cast<XmlNode>().Select(n => n.Value));
        Assert.Equal("Lib", document.SelectSingleNode("/context/projects/project[@name='App']/@references")!.Value);
        Assert.Equal("type:A<T>", document.SelectSingleNode("/context/targets/target/@spec")!.Value);
    }

    [Fact]
    public void Markdown_fences_are_longer_than_any_backtick_run_in_the_file()
    {
        var markdown = Render(BundleFormat.Markdown);

        Assert.Contains("## src/A.cs\n(App, full)\n\n`````csharp\n" + Hostile + "`````\n", markdown, StringComparison.Ordinal);
        Assert.Contains("```csharp\nclass B;\n```\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- `docs/<odd>.md` (listed, not included)\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_parses_and_round_trips_the_file_text()
    {
        var json = Render(BundleFormat.Json);

        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.GetProperty("files");
        Assert.Equal(Hostile, files[3].GetProperty("content").GetString());
        Assert.Equal("signatures", files[0].GetProperty("fidelity").GetString());
        Assert.Equal(["src/C.cs", "docs/<odd>.md"], files.EnumerateArray().Where(f => f.GetProperty("fidelity").GetString() == "listed").Select(f => f.GetProperty("path").GetString()));
        Assert.False(files[1].TryGetProperty("content", out _));
        Assert.Equal("src/App & Co.sln", document.RootElement.GetProperty("solution").GetString());
    }

    [Theory]
    [InlineData(BundleFormat.Xml)]
    [InlineData(BundleFormat.Markdown)]
    [InlineData(BundleFormat.Json)]
    [InlineData(BundleFormat.Anthropic)]
    public void An_empty_bundle_is_still_valid(BundleFormat format)
    {
        var empty = Content with { Segments = [] };

        var text = Render(format, empty);

        if (format == BundleFormat.Xml)
        {
            new XmlDocument().LoadXml(text);
        }
        else if (format is BundleFormat.Json or BundleFormat.Anthropic)
        {
            JsonDocument.Parse(text).Dispose();
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }
}
