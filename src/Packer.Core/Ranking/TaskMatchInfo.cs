namespace Packer.Core.Ranking;

/// <summary>What a task says of one file.</summary>
/// <param name="Features">The task model's features, in <see cref="Localization.TaskFeatures.Names"/>' order.</param>
/// <param name="Matched">What in the task matched it (a stack frame, a message, a declared name, the strongest words), strongest first.</param>
public sealed record TaskMatchInfo(IReadOnlyList<double> Features, IReadOnlyList<string> Matched);
