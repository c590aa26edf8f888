namespace Packer.Core.Bundle;

/// <summary>Everything a renderer needs, in output order.</summary>
/// <param name="Header">The bundle's header (the header segment).</param>
/// <param name="Segments">The file segments after the header, in order; empty ones render nothing.</param>
public sealed record BundleContent(BundleHeader Header, IReadOnlyList<BundleSegment> Segments)
{
    /// <summary>Gets every entry in output order.</summary>
    public IEnumerable<BundleEntry> Entries => Segments.SelectMany(s => s.Entries);
}
