namespace Packer.Core.Bundle;

/// <summary>One segment's files, in output order.</summary>
/// <param name="Kind">Which segment.</param>
/// <param name="Entries">Its files: with content (full, signatures) or listed by path.</param>
public sealed record BundleSegment(SegmentKind Kind, IReadOnlyList<BundleEntry> Entries);
