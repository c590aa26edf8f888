using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>
/// Well-formed XML: file text goes in CDATA, split around "]]&gt;"; characters XML cannot carry at all
/// (most control characters, lone surrogates) become U+FFFD.
/// </summary>
internal sealed class XmlRenderer : IBundleRenderer
{
    public string Begin(BundleHeader header)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        text.Append($"<context solution=\"{Attribute(header.Solution)}\" generator=\"{BundleSignature.Generator}\">\n");
        if (header.Projects.Count > 0)
        {
            text.Append("<projects>\n");
            foreach (var project in header.Projects)
            {
                var references = project.References.Count == 0 ? string.Empty : $" references=\"{Attribute(string.Join(' ', project.References))}\"";
                text.Append($"<project name=\"{Attribute(project.Name)}\" path=\"{Attribute(project.Path)}\"{references}/>\n");
            }

            text.Append("</projects>\n");
        }

        text.Append("<targets>\n");
        foreach (var target in header.Targets)
        {
            text.Append($"<target kind=\"{Names.Of(target.Kind)}\" spec=\"{Attribute(target.Spec)}\" files=\"{target.Files.Count}\"/>\n");
        }

        return text.Append("</targets>\n").ToString();
    }

    public string File(BundleEntry entry, bool first)
    {
        var project = entry.Project.Length == 0 ? string.Empty : $" project=\"{Attribute(entry.Project)}\"";
        var open = $"<file path=\"{Attribute(entry.Path)}\"{project} fidelity=\"{Names.Of(entry.Fidelity)}\"";
        return entry.Fidelity == Fidelity.Listed
            ? open + "/>\n"
            : open + "><![CDATA[\n" + XmlText.Valid(entry.Text).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]></file>\n";
    }

    public string End() => "</context>\n";

    public RenderedBundle Finish(string composed, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter) =>
        new(composed, SegmentMeasure.Measure(composed, segments, counter));

    private static string Attribute(string value) => XmlText.Valid(value)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
