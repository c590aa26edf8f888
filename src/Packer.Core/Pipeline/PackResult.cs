namespace Packer.Core.Pipeline;

/// <summary>What one run produced.</summary>
/// <param name="Bundle">The rendered bundle.</param>
/// <param name="Manifest">The manifest JSON.</param>
/// <param name="TotalTokens">The bundle's tokens.</param>
/// <param name="Warnings">Load, target and budget warnings.</param>
/// <param name="Timings">Each phase's wall time, in order.</param>
/// <param name="Stats">Counts for the benchmark: files, bound files, graph edges.</param>
/// <param name="Cache">What the cache did: "off", "cold: why", or "warm: how much changed".</param>
/// <param name="Previous">What became of --previous: "off", or whether and how its manifest was read.</param>
public sealed record PackResult(
    string Bundle,
    string Manifest,
    int TotalTokens,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PhaseTiming> Timings,
    IReadOnlyDictionary<string, int> Stats,
    string Cache,
    string Previous = "off");
