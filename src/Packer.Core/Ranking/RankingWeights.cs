namespace Packer.Core.Ranking;

/// <summary>The knobs of the ranking. The defaults were tuned on real commit history (see README, "Measured").</summary>
internal sealed record RankingWeights
{
    /// <summary>Gets the restart probability of the personalized PageRank: higher keeps the score closer to the targets.</summary>
    public double Restart { get; init; } = 0.3;

    /// <summary>Gets how many propagation rounds are run.</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Gets the weight of the reverse direction of a use (callers, tests) relative to the forward one.</summary>
    public double ReverseWeight { get; init; } = 1.0;

    /// <summary>Gets the weight of the prior (same project, nearby folder, test of a target) added to the graph score.</summary>
    public double Prior { get; init; } = 0.002;
}
