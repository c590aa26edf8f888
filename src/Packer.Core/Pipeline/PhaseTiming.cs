namespace Packer.Core.Pipeline;

/// <summary>How long one phase of a run took (for --verbose and the benchmark; never in outputs).</summary>
/// <param name="Phase">The phase name.</param>
/// <param name="Elapsed">Its wall time.</param>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed);
