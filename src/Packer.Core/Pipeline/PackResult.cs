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
    /// <summary>Gets the features that raised each ranked file's score most, by path (the manifest keeps them only for the files the bundle holds).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Driver>> Drivers { get; init; } = new Dictionary<string, IReadOnlyList<Driver>>();

    /// <summary>Gets the bundle's tokens, as the manifest records them.</summary>
    public int TotalTokens => Manifest.TotalTokens;

    /// <summary>Gets the manifest's text, as written to --manifest.</summary>
    public string ManifestText => ManifestJson.Write(Manifest);
}
