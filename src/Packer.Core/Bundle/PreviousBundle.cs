namespace Packer.Core.Bundle;

/// <summary>
/// The layout of an earlier bundle, read from its manifest (<c>--previous</c>), so that the next bundle can
/// open with the same bytes. A prompt cache reuses a prefix only up to its first differing byte, and a
/// fresh selection after an edit moves a few files across the budget boundary, which breaks the prefix
/// wherever the first of them sat. Keeping the earlier bundle's files in their places for as long as their
/// packed text is unchanged leaves only the files the edit itself changed to break it; repeating the whole
/// earlier bundle and appending the edits (<see cref="Session"/>) leaves nothing to break it.
/// </summary>
/// <param name="Entries">The earlier bundle's context files with content, in output order; targets and listed paths are left out.</param>
/// <param name="Depth">The lowest rank (largest number) among those files in the earlier run.</param>
/// <param name="Held">Every file the earlier bundle gave content of (full, signatures), targets and appended files too.</param>
/// <param name="Neighbours">Every file one edge from a target in the earlier run, held or not.</param>
/// <param name="Session">The earlier bundle's blocks and text, when its run had <c>--previous</c> too; null otherwise.</param>
public sealed record PreviousBundle(IReadOnlyList<PreviousBundle.Entry> Entries, int Depth, IReadOnlySet<string> Held, IReadOnlySet<string> Neighbours, PreviousBundle.State? Session)
{
    /// <summary>One context file of the earlier bundle.</summary>
    /// <param name="Path">Repository-relative path.</param>
    /// <param name="Fidelity">Full text or signatures.</param>
    /// <param name="Segment">The segment it was in.</param>
    /// <param name="Hash">The hash of its block (<see cref="BundleEntry.Hash"/>).</param>
    public sealed record Entry(string Path, Fidelity Fidelity, SegmentKind Segment, string Hash);

    /// <summary>What a run needs to repeat the earlier bundle byte for byte and append to it (the manifest's <c>session</c>).</summary>
    /// <param name="Header">The hash of the earlier bundle's rendered header.</param>
    /// <param name="Segments">The earlier bundle's blocks, segment by segment, as they were rendered.</param>
    /// <param name="Views">For every file with content, the text the reader has last seen of it (its block's, or after its diffs); null when it is gone.</param>
    public sealed record State(string Header, IReadOnlyList<BundleSegment> Segments, IReadOnlyDictionary<string, string?> Views);
}
