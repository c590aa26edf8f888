namespace Packer.Core.Bundle;

/// <summary>Where a segment lies in the output, in bytes (UTF-8) and in tokens of the cap's tokenizer.</summary>
/// <param name="Kind">Which segment.</param>
/// <param name="ByteStart">First byte.</param>
/// <param name="ByteEnd">One past the last byte.</param>
/// <param name="TokenStart">Tokens of the output before the segment.</param>
/// <param name="TokenEnd">Tokens of the output up to the segment's end.</param>
/// <param name="CacheBreakpoint">Whether the anthropic format marks the segment's end with cache_control.</param>
public sealed record SegmentSpan(SegmentKind Kind, int ByteStart, int ByteEnd, int TokenStart, int TokenEnd, bool CacheBreakpoint);
