using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>
/// A content-block array for direct API use: one text block per segment (the XML rendering, split at
/// segment ends), with <c>cache_control</c> on the ends of at most four segments that are each at least
/// the minimum cacheable size (the first three such and the last). Pieces are escaped as they are made, so
/// each file block is priced as written.
/// </summary>
internal sealed class AnthropicRenderer(int cacheMinTokens) : IBundleRenderer
{
    /// <summary>The most cache breakpoints one request may carry.</summary>
    public const int MaxBreakpoints = 4;

    private const string CacheControl = ", \"cache_control\": {\"type\": \"ephemeral\"}";

    private readonly XmlRenderer xml = new();

    public string Begin(BundleHeader header) => JsonText.Escape(xml.Begin(header));

    public string File(BundleEntry entry, bool first) => JsonText.Escape(xml.File(entry, first));

    public string End() => JsonText.Escape(xml.End());

    public RenderedBundle Finish(string composed, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter)
    {
        // The first three large segments and the last: when edits are appended as a fifth segment, only the
        // mark at the end of the targets moves, so the blocks before it keep their bytes.
        var large = segments
            .Select((s, i) => (Index: i, Tokens: counter.Count(composed[s.Start..s.End])))
            .Where(s => s.Tokens >= cacheMinTokens)
            .Select(s => s.Index)
            .ToList();
        var breakpoints = large.Take(MaxBreakpoints - 1).Concat(large.TakeLast(1)).ToHashSet();

        var text = new StringBuilder("[\n");
        var blocks = new List<(SegmentKind Kind, int Start, int End)>();
        for (var i = 0; i < segments.Count; i++)
        {
            var (kind, start, end) = segments[i];
            var blockStart = text.Length;
            text.Append("  {\"type\": \"text\", \"text\": \"").Append(composed, start, end - start).Append('"');
            text.Append(breakpoints.Contains(i) ? CacheControl : string.Empty).Append('}');
            blocks.Add((kind, blockStart, text.Length));
            text.Append(i + 1 < segments.Count ? ",\n" : "\n");
        }

        var output = text.Append("]\n").ToString();
        var spans = SegmentMeasure.Measure(output, blocks, counter);
        return new RenderedBundle(output, spans.Select((s, i) => s with { CacheBreakpoint = breakpoints.Contains(i) }).ToList());
    }
}
