using Packer.Core.Bundle;

namespace Packer.Core.Manifest;

/// <summary>
/// What a later run with <c>--previous</c> needs to repeat a bundle byte for byte and append to it: every
/// block as rendered, and the text the reader last saw of each file that has diffs appended.
/// </summary>
/// <param name="Header">The hash of the rendered header.</param>
/// <param name="Blocks">Every block of the bundle, in order.</param>
/// <param name="Views">For files with edits appended, the text the bundle now shows of them, by path.</param>
public sealed record ManifestSession(string Header, IReadOnlyList<ManifestBlock> Blocks, IReadOnlyList<ManifestView> Views);

/// <summary>One block of a bundle.</summary>
/// <param name="Segment">Its segment.</param>
/// <param name="Path">Its file.</param>
/// <param name="Project">Its file's project.</param>
/// <param name="Fidelity">Full, signatures, diff or listed.</param>
/// <param name="Text">Its text.</param>
public sealed record ManifestBlock(SegmentKind Segment, string Path, string Project, Fidelity Fidelity, string Text);

/// <summary>The text a bundle now shows of a file with edits appended.</summary>
/// <param name="Path">The file.</param>
/// <param name="Text">Its text after the appended diffs; null when it was deleted.</param>
public sealed record ManifestView(string Path, string? Text);
