using Packer.Core.Bundle;

namespace Packer.Core.Manifest;

/// <summary>What the manifest's readers (the session map, the MCP tools) ask of it, beside the format's own fields.</summary>
public static class ManifestQueries
{
    /// <summary>The files placed in the bundle (with content or listed), in bundle order.</summary>
    public static IEnumerable<ManifestFile> Placed(this ManifestDocument manifest) =>
        manifest.Files.Where(f => f.Position is not null).OrderBy(f => f.Position);

    /// <summary>The segment of a kind, if the bundle has one.</summary>
    public static SegmentSpan? Segment(this ManifestDocument manifest, SegmentKind kind) =>
        manifest.Segments.FirstOrDefault(s => s.Kind == kind);

    /// <summary>Tells whether the bundle holds the file's text (in full or as signatures).</summary>
    public static bool HasContent(this ManifestFile file) => file.Fidelity is Fidelity.Full or Fidelity.Signatures;
}
