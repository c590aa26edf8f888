using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>Converts segments given as character ranges of a text into byte and token offsets.</summary>
internal static class SegmentMeasure
{
    public static List<SegmentSpan> Measure(string text, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter)
    {
        // A token offset is the count of the whole prefix (tokens may join across a boundary, so pieces do
        // not add up); one segment's end is the next one's start, so each boundary is counted once.
        var tokens = new Dictionary<int, int>();
        int TokensBefore(int offset) =>
            tokens.TryGetValue(offset, out var count) ? count : tokens[offset] = counter.Count(text[..offset]);

        return segments
            .Select(s => new SegmentSpan(
                s.Kind,
                Encoding.UTF8.GetByteCount(text.AsSpan(0, s.Start)),
                Encoding.UTF8.GetByteCount(text.AsSpan(0, s.End)),
                TokensBefore(s.Start),
                TokensBefore(s.End),
                CacheBreakpoint: false))
            .ToList();
    }
}
