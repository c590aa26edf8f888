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

    /// <summary>Gets the weight of graph proximity (PageRank scaled so the best non-target file scores 1).</summary>
    public double Graph { get; init; } = 1.0;

    /// <summary>Gets the weight of co-usage: using the same files as the targets do.</summary>
    public double CoUsage { get; init; } = 0.5;

    /// <summary>Gets the weight of folder nearness.</summary>
    public double Folder { get; init; } = 0.15;

    /// <summary>Gets the weight of project nearness.</summary>
    public double Project { get; init; } = 0.05;

    /// <summary>Gets the weight of being named as a target's test (or subject).</summary>
    public double TestName { get; init; } = 0.5;
}
