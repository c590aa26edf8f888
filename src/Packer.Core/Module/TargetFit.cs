using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Loading;

namespace Packer.Core.Module;

/// <summary>
/// Whether the targets' files, in full, fit in what the cap leaves them: the cap less the bundle's frame and
/// the room kept for edits (as <see cref="BudgetPlanner.Split"/> divides it). Targets that fit are packed as
/// they always were; only targets that do not are packed as a module. Counting stops at the first file past
/// the room, so a target of thousands of files costs the count of one cap's worth of text.
/// </summary>
internal static class TargetFit
{
    /// <summary>The tokens the cap leaves the targets.</summary>
    /// <param name="options">The run's options (cap, edit room, whether a session's --previous is given).</param>
    /// <param name="fitter">Measures the bundle's frame.</param>
    /// <param name="header">The bundle's header.</param>
    public static int Room(PackOptions options, BundleFitter fitter, BundleHeader header)
    {
        var edits = options.EditRoomTokens;
        var remaining = options.MaxTokens - fitter.Frame(header);
        return remaining - Math.Clamp(edits, 0, Math.Max(0, remaining));
    }

    /// <summary>Tells whether the files' blocks in full take more than <paramref name="room"/> tokens (unreadable files count nothing).</summary>
    /// <param name="files">The target files, in path order.</param>
    /// <param name="pricer">Prices blocks as the renderer writes them.</param>
    /// <param name="room">The tokens the cap leaves the targets.</param>
    public static bool Exceeds(IEnumerable<SourceFile> files, BlockPricer pricer, int room)
    {
        var total = 0L;
        foreach (var file in files)
        {
            if (pricer.Texts.Read(file.Path) is { } text)
            {
                total += pricer.Tokens(new BundleEntry(file.Path, file.Project, Fidelity.Full, text));
                if (total > room)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
