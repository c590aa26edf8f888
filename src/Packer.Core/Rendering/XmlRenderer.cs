using System.Text;
using Packer.Core.Budget;

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
        text.Append($"<context solution=\"{Attribute(header.Solution)}\">\n<targets>\n");
        foreach (var target in header.Targets)
        {
            text.Append($"<target kind=\"{Names.Of(target.Kind)}\" spec=\"{Attribute(target.Spec)}\" files=\"{target.Files.Count}\"/>\n");
        }

        return text.Append("</targets>\n").ToString();
    }

    public string File(BundleEntry entry, bool first)
    {
        var project = entry.Project.Length == 0 ? string.Empty : $" project=\"{Attribute(entry.Project)}\"";
        return $"<file path=\"{Attribute(entry.Path)}\"{project} fidelity=\"{Names.Of(entry.Fidelity)}\"><![CDATA[\n"
            + XmlText.Valid(entry.Text).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)
            + "]]></file>\n";
    }

    public string BeginListing(int count) => count == 0 ? string.Empty : "<listed>\n";

    public string Listed(string path, bool first) => $"<path>{Attribute(path)}</path>\n";

    public string EndListing(int count) => count == 0 ? string.Empty : "</listed>\n";

    public string End() => "</context>\n";

    private static string Attribute(string value) => XmlText.Valid(value)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
