using Packer.Core.Budget;

namespace Packer.Core.Rendering;

/// <summary>Everything a renderer needs, in output order.</summary>
/// <param name="Header">The bundle's header.</param>
/// <param name="Entries">Files given in full or as signatures, in output order.</param>
/// <param name="Listed">Paths listed without content, in rank order.</param>
public sealed record BundleContent(BundleHeader Header, IReadOnlyList<BundleEntry> Entries, IReadOnlyList<string> Listed);
