using System.Text;

namespace Packer.Core.Rendering;

/// <summary>Concatenates a renderer's pieces into the bundle text.</summary>
internal static class BundleComposer
{
    public static string Compose(IBundleRenderer renderer, BundleContent content)
    {
        var text = new StringBuilder(renderer.Begin(content.Header));
        for (var i = 0; i < content.Entries.Count; i++)
        {
            text.Append(renderer.File(content.Entries[i], i == 0));
        }

        text.Append(renderer.BeginListing(content.Listed.Count));
        for (var i = 0; i < content.Listed.Count; i++)
        {
            text.Append(renderer.Listed(content.Listed[i], i == 0));
        }

        text.Append(renderer.EndListing(content.Listed.Count));
        text.Append(renderer.End());
        return text.ToString();
    }
}
