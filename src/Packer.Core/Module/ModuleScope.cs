using Packer.Core.Bundle;
using Packer.Core.Targeting;

namespace Packer.Core.Module;

/// <summary>
/// Targets whose files do not fit the cap, measured for packing as a module: their outline and their central
/// files (<see cref="TargetFit"/> decides, <see cref="SyntaxCentrality"/> measures).
/// </summary>
/// <param name="Targets">The resolved targets, as given.</param>
/// <param name="Files">Their files, sorted, without duplicates.</param>
/// <param name="Centrality">Each target file's syntax-level centrality.</param>
/// <param name="Candidates">The target files to bind with the semantic model, sorted: the most central by syntax, as many as the cap can show about twice over.</param>
/// <param name="Room">The tokens the cap leaves the targets (less the frame and the edit room).</param>
/// <param name="Narrower">Narrower targets inside them, largest first (<see cref="Narrowing"/>).</param>
/// <param name="Header">The bundle's header for them: their file counts, not their files (<see cref="BundleHeader.TargetFileCounts"/>).</param>
internal sealed record ModuleScope(
    IReadOnlyList<ResolvedTarget> Targets,
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<string, FileCentrality> Centrality,
    IReadOnlyList<string> Candidates,
    int Room,
    IReadOnlyList<NarrowerTarget> Narrower,
    BundleHeader Header)
{
    // A bundle shows a central file in some 250 tokens or more (most as signatures), so this many candidates are
    // about twice what it can show; the least and most bound, whatever the cap.
    private const int TokensPerCandidate = 250;
    private const int MinCandidates = 16;
    private const int MaxCandidates = 400;

    /// <summary>Measures targets that <see cref="TargetFit"/> found larger than the cap.</summary>
    /// <param name="targets">The resolved targets.</param>
    /// <param name="centrality">Each target file's centrality.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <param name="room">The tokens the cap leaves the targets.</param>
    /// <param name="narrower">Narrower targets inside them.</param>
    /// <param name="header">The bundle's header for them.</param>
    public static ModuleScope Of(
        IReadOnlyList<ResolvedTarget> targets, IReadOnlyDictionary<string, FileCentrality> centrality, int maxTokens, int room, IReadOnlyList<NarrowerTarget> narrower, BundleHeader header)
    {
        var files = targets.SelectMany(t => t.Files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var count = Math.Clamp(maxTokens / TokensPerCandidate, MinCandidates, MaxCandidates);
        var candidates = WithinTargetRanking.Order(targets, centrality, new Dictionary<string, double>(StringComparer.Ordinal))
            .Take(count)
            .Select(c => c.Path)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ModuleScope(targets, files, centrality, candidates, room, narrower, header);
    }
}
