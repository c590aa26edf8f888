using System.Text.Json;
using System.Xml;
using Packer.Core.Budget;
using Packer.Core.Configuration;
using Packer.Core.Rendering;
using Packer.Core.Targeting;

namespace Packer.Tests.Rendering;

public sealed class RendererTests
{
    private const string Hostile = "var a = x[y[0]]>1;\nvar s = \"]]>\";\nchar bell = '\u0007';\n// ```` four backticks\n";

    private static readonly BundleContent Content = new(
        new BundleHeader("src/App & Co.sln", [new ResolvedTarget("type:A<T>", TargetKind.Type, ["src/A.cs"])]),
        [new BundleEntry("src/A.cs", "App", Fidelity.Full, Hostile), new BundleEntry("src/B \"quoted\".cs", "App", Fidelity.Signatures, "class B;\n")],
        ["src/C.cs", "docs/<odd>.md"]);

    [Fact]
    public void Xml_is_well_formed_and_keeps_the_text_around_cdata_terminators()
    {
        // When
        var xml = BundleComposer.Compose(RendererFactory.For(BundleFormat.Xml), Content);

        // Then it parses, and the file text reads back (the bell, which XML cannot carry, as U+FFFD)
        var document = new XmlDocument();
        document.LoadXml(xml);
        var file = (XmlElement)document.SelectSingleNode("/context/file[@path='src/A.cs']")!;
        Assert.Equal("\n" + Hostile.Replace('\u0007', '\uFFFD'), file.InnerText);
        Assert.Equal("signatures", document.SelectSingleNode("/context/file[2]/@fidelity")!.Value);
        Assert.Equal("src/B \"quoted\".cs", document.SelectSingleNode("/context/file[2]/@path")!.Value);
        Assert.Equal(["src/C.cs", "docs/<odd>.md"], document.SelectNodes("/context/listed/path")!.Cast<XmlNode>().Select(n => n.InnerText));
        Assert.Equal("type:A<T>", document.SelectSingleNode("/context/targets/target/@spec")!.Value);
    }

    [Fact]
    public void Markdown_fences_are_longer_than_any_backtick_run_in_the_file()
    {
        var markdown = BundleComposer.Compose(RendererFactory.For(BundleFormat.Markdown), Content);

        Assert.Contains("## src/A.cs\n(App, full)\n\n`````csharp\n" + Hostile + "`````\n", markdown, StringComparison.Ordinal);
        Assert.Contains("```csharp\nclass B;\n```\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- docs/<odd>.md\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_parses_and_round_trips_the_file_text()
    {
        var json = BundleComposer.Compose(RendererFactory.For(BundleFormat.Json), Content);

        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.GetProperty("files");
        Assert.Equal(Hostile, files[0].GetProperty("content").GetString());
        Assert.Equal("signatures", files[1].GetProperty("fidelity").GetString());
        Assert.Equal(["src/C.cs", "docs/<odd>.md"], document.RootElement.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("src/App & Co.sln", document.RootElement.GetProperty("solution").GetString());
    }

    [Theory]
    [InlineData(BundleFormat.Xml)]
    [InlineData(BundleFormat.Markdown)]
    [InlineData(BundleFormat.Json)]
    public void An_empty_bundle_is_still_valid(BundleFormat format)
    {
        var empty = Content with { Entries = [], Listed = [] };

        var text = BundleComposer.Compose(RendererFactory.For(format), empty);

        if (format == BundleFormat.Xml)
        {
            new XmlDocument().LoadXml(text);
        }
        else if (format == BundleFormat.Json)
        {
            JsonDocument.Parse(text).Dispose();
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }
}
