using System.Text;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>Converts segments given as character ranges of a text into byte and token offsets.</summary>
internal static class SegmentMeasure
{
    public static List<SegmentSpan> Measure(
        string text, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter, Func<SegmentKind, bool>? breakpoint = null)
    {
        return segments
            .Select(s => new SegmentSpan(
                s.Kind,
                Encoding.UTF8.GetByteCount(text.AsSpan(0, s.Start)),
                Encoding.UTF8.GetByteCount(text.AsSpan(0, s.End)),
                counter.Count(text[..s.Start]),
                counter.Count(text[..s.End]),
                breakpoint?.Invoke(s.Kind) ?? false))
            .ToList();
    }
}
