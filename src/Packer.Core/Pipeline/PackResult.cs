using Packer.Core.Bundle;
using Packer.Core.Caching;
using Packer.Core.Manifest;
using Packer.Core.Ranking;

namespace Packer.Core.Pipeline;

/// <summary>What one run produced.</summary>
public sealed record PackResult
{
    private readonly Lazy<ManifestDocument> manifest;
    private readonly Lazy<string> manifestText;
    private readonly Lazy<TargetSummary?> summary;

    /// <summary>A run's result.</summary>
    /// <param name="bundle">The rendered bundle.</param>
    /// <param name="manifest">The manifest.</param>
    /// <param name="warnings">Load, target and budget warnings (the manifest's).</param>
    /// <param name="timings">Each phase's wall time, in order.</param>
    /// <param name="stats">Counts for --verbose and the benchmark.</param>
    /// <param name="cache">What the analysis cache did.</param>
    /// <param name="previous">What became of --previous.</param>
    public PackResult(
        string bundle, ManifestDocument manifest, IReadOnlyList<string> warnings, IReadOnlyList<PhaseTiming> timings, RunStats stats, CacheOutcome cache, PreviousOutcome previous)
    {
        Bundle = bundle;
        this.manifest = new Lazy<ManifestDocument>(manifest);
        manifestText = new Lazy<string>(() => ManifestJson.Write(manifest));
        TotalTokens = manifest.TotalTokens;
        summary = new Lazy<TargetSummary?>(manifest.Summary);
        Warnings = warnings;
        Timings = timings;
        Stats = stats;
        Cache = cache;
        Previous = previous;
    }

    /// <summary>
    /// A result repeated from an earlier run (<see cref="LastRun"/>): its manifest is read from its text only when asked
    /// for, and a run that wrote no manifest kept none (asking for it then is a bug of the caller).
    /// </summary>
    /// <param name="bundle">The rendered bundle.</param>
    /// <param name="manifestText">The manifest's text, as the earlier run wrote it, or null when it wrote none.</param>
    /// <param name="summary">The manifest's summary of targets larger than the cap.</param>
    /// <param name="totalTokens">The bundle's tokens, as the manifest records them.</param>
    /// <param name="warnings">The earlier run's warnings.</param>
    /// <param name="stats">The earlier run's counts.</param>
    internal PackResult(string bundle, string? manifestText, TargetSummary? summary, int totalTokens, IReadOnlyList<string> warnings, RunStats stats)
    {
        string Kept() => manifestText ?? throw new InvalidOperationException("the repeated run kept no manifest: it wrote none.");
        Bundle = bundle;
        manifest = new Lazy<ManifestDocument>(() => ManifestJson.Read(Kept()));
        this.manifestText = new Lazy<string>(Kept);
        this.summary = new Lazy<TargetSummary?>(summary);
        TotalTokens = totalTokens;
        Warnings = warnings;
        Timings = [];
        Stats = stats;
        Cache = CacheOutcome.Off;
        Previous = PreviousOutcome.Off;
    }

    /// <summary>Gets the rendered bundle.</summary>
    public string Bundle { get; init; }

    /// <summary>Gets the manifest.</summary>
    public ManifestDocument Manifest => manifest.Value;

    /// <summary>Gets the manifest's text, as written to --manifest.</summary>
    public string ManifestText => manifestText.Value;

    /// <summary>Gets the bundle's tokens, as the manifest records them.</summary>
    public int TotalTokens { get; }

    /// <summary>Gets the manifest's summary of targets larger than the cap (null when none was).</summary>
    public TargetSummary? Summary => summary.Value;

    /// <summary>Gets load, target and budget warnings (the manifest's).</summary>
    public IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets each phase's wall time, in order.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; init; }

    /// <summary>Gets counts for --verbose and the benchmark.</summary>
    public RunStats Stats { get; init; }

    /// <summary>Gets what the analysis cache did.</summary>
    public CacheOutcome Cache { get; init; }

    /// <summary>Gets what became of --previous.</summary>
    public PreviousOutcome Previous { get; init; }

    /// <summary>Gets every file in rank order, with the features that raised its score most (the manifest keeps those only for the files the bundle holds).</summary>
    public IReadOnlyList<RankedFile> Ranked { get; init; } = [];
}
