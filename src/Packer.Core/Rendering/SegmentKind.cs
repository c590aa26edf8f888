namespace Packer.Core.Rendering;

/// <summary>The parts of a bundle, from the least to the most likely to change between two packs.</summary>
public enum SegmentKind
{
    /// <summary>What the bundle is: solution, projects and their references, targets.</summary>
    Header,

    /// <summary>Context files that neither are targets nor use or are used by one, oldest change first.</summary>
    Stable,

    /// <summary>Files next to the targets, files changed in the working tree, and paths listed without content.</summary>
    Volatile,

    /// <summary>The targets' own files.</summary>
    Targets,
}
