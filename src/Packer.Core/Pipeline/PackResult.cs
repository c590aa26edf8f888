using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Manifest;
using Packer.Core.Ranking;

namespace Packer.Core.Pipeline;

/// <summary>What one run produced.</summary>
/// <param name="Bundle">The rendered bundle.</param>
/// <param name="Manifest">The manifest.</param>
/// <param name="Warnings">Load, target and budget warnings (the manifest's).</param>
/// <param name="Timings">Each phase's wall time, in order.</param>
/// <param name="Stats">Counts for --verbose and the benchmark.</param>
/// <param name="Cache">What the analysis cache did.</param>
/// <param name="Previous">What became of --previous.</param>
public sealed record PackResult(
    string Bundle,
    ManifestDocument Manifest,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PhaseTiming> Timings,
    RunStats Stats,
    CacheOutcome Cache,
    PreviousOutcome Previous)
{
    /// <summary>Gets every file in rank order, with the features that raised its score most (the manifest keeps those only for the files the bundle holds).</summary>
    public IReadOnlyList<RankedFile> Ranked { get; init; } = [];

    /// <summary>Gets the bundle's tokens, as the manifest records them.</summary>
    public int TotalTokens => Manifest.TotalTokens;

    /// <summary>Gets the manifest's text, as written to --manifest.</summary>
    public string ManifestText => ManifestJson.Write(Manifest);
}
