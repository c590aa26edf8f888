namespace Packer.Core.Bundle;

/// <summary>The output text and its segments.</summary>
/// <param name="Text">The bundle as written.</param>
/// <param name="Segments">Its non-empty segments, in order.</param>
public sealed record RenderedBundle(string Text, IReadOnlyList<SegmentSpan> Segments);
