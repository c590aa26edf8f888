namespace Packer.Core.Bundle;

/// <summary>The parts of a bundle, from the least to the most likely to change between two packs.</summary>
public enum SegmentKind
{
    /// <summary>What the bundle is: solution, projects and their references, targets.</summary>
    Header,

    /// <summary>
    /// Only for targets larger than the cap: the outline of their folders, file counts and most used types. It
    /// changes only when files are added, moved or removed, so it comes before every file.
    /// </summary>
    Outline,

    /// <summary>Context files that neither are targets nor use or are used by one, least relevant first.</summary>
    Stable,

    /// <summary>Files next to the targets, committed with them before, or changed in the working tree, least relevant first; then paths listed without content.</summary>
    Volatile,

    /// <summary>The targets' own files.</summary>
    Targets,

    /// <summary>
    /// Appended to an earlier bundle that is otherwise repeated byte for byte: diffs of its files that changed
    /// since, and files new next to the targets (<c>--previous</c>).
    /// </summary>
    Edits,
}
