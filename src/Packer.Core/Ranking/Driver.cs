namespace Packer.Core.Ranking;

/// <summary>One of the features that put a file where it ranks, with what it added to the model's log-odds.</summary>
/// <param name="Feature">The feature's name (<see cref="FileFeatures.Names"/>).</param>
/// <param name="LogOdds">Its weight times its value, rounded to two decimals.</param>
public sealed record Driver(string Feature, double LogOdds);
