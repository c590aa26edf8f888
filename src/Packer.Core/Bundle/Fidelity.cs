namespace Packer.Core.Bundle;

/// <summary>How much of a file the bundle holds.</summary>
public enum Fidelity
{
    /// <summary>The whole file.</summary>
    Full,

    /// <summary>Declarations only, bodies removed.</summary>
    Signatures,

    /// <summary>
    /// What changed in a file since the text the bundle shows of it earlier, as a unified diff: the edits a
    /// session appends to an earlier bundle (<c>--previous</c>) so that the bundle before them stays as it was.
    /// </summary>
    Diff,

    /// <summary>Only its path, in the listing.</summary>
    Listed,

    /// <summary>
    /// Summarized: a target file that is counted, with its folder and its types, in the outline of a target larger
    /// than the cap; or the outline block itself (a tree of the target's folders, see <see cref="SegmentKind.Outline"/>).
    /// </summary>
    Outline,

    /// <summary>Not in the bundle.</summary>
    Omitted,
}
