using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>Concatenates a renderer's pieces into the bundle, segment by segment, and lets the renderer finish it.</summary>
internal static class BundleComposer
{
    public static RenderedBundle Compose(IBundleRenderer renderer, BundleContent content, TokenCounter counter)
    {
        var text = new StringBuilder(renderer.Begin(content.Header));
        var segments = new List<(SegmentKind Kind, int Start, int End)> { (SegmentKind.Header, 0, text.Length) };
        var first = true;
        foreach (var segment in content.Segments.Where(s => s.Entries.Count > 0))
        {
            var start = text.Length;
            foreach (var entry in segment.Entries)
            {
                text.Append(renderer.File(entry, first));
                first = false;
            }

            segments.Add((segment.Kind, start, text.Length));
        }

        text.Append(renderer.End());
        segments[^1] = segments[^1] with { End = text.Length };
        return renderer.Finish(text.ToString(), segments, counter);
    }
}
