namespace Packer.Core.Localization;

/// <summary>What ties one file to the task's text: feature values (<see cref="TaskFeatures.Names"/>' order) and what matched, for the manifest.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Features">The text features, each in [0, 1], rounded to six decimals; the graph features are filled in later.</param>
/// <param name="Matched">What in the task matched it (a frame, a message, a declared name, the strongest words), strongest first.</param>
internal sealed record TaskEvidence(string Path, double[] Features, IReadOnlyList<string> Matched);
