using Packer.Core.Budget;

namespace Packer.Core.Rendering;

/// <summary>
/// Renders a bundle as a sequence of pieces whose concatenation is the output. Pieces are independent
/// of each other's content, so the budget can price one file block before the whole bundle exists.
/// </summary>
internal interface IBundleRenderer
{
    /// <summary>Everything before the first file block.</summary>
    string Begin(BundleHeader header);

    /// <summary>One file block; <paramref name="first"/> tells whether it follows <see cref="Begin"/> directly.</summary>
    string File(BundleEntry entry, bool first);

    /// <summary>What opens the listing of paths without content; empty to leave out an empty listing.</summary>
    string BeginListing(int count);

    /// <summary>One listed path.</summary>
    string Listed(string path, bool first);

    /// <summary>What closes the listing.</summary>
    string EndListing(int count);

    /// <summary>Everything after the last block.</summary>
    string End();
}
