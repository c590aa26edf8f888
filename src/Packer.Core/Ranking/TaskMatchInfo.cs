using System.Text.Json.Serialization;

namespace Packer.Core.Ranking;

/// <summary>What a task says of one file.</summary>
/// <param name="Features">The task model's features, in <see cref="Localization.TaskFeatures.Names"/>' order.</param>
/// <param name="Matched">What in the task matched it (a stack frame, a message, a declared name, the strongest words), strongest first.</param>
public sealed record TaskMatchInfo(IReadOnlyList<double> Features, IReadOnlyList<string> Matched)
{
    /// <summary>Gets the task model's score of the file (for a target too, whose rank the targets' order sets); not written to the manifest.</summary>
    [JsonIgnore]
    public double Score { get; init; }
}
