using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>
/// Renders a bundle as pieces whose concatenation is the output (then <see cref="Finish"/> may add to it).
/// A piece depends only on its own entry, so the budget can price one file block before the bundle exists,
/// and a change to one file changes no byte before its block.
/// </summary>
internal interface IBundleRenderer
{
    /// <summary>The header segment: everything before the first file block.</summary>
    string Begin(BundleHeader header);

    /// <summary>One file block, with content or (fidelity listed) its path only; <paramref name="first"/> tells whether it is the first block.</summary>
    string File(BundleEntry entry, bool first);

    /// <summary>What closes the file blocks (part of the last segment).</summary>
    string End();

    /// <summary>Turns the composed text and its segments (as character ranges) into the output and its measured segments.</summary>
    RenderedBundle Finish(string composed, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter);
}
