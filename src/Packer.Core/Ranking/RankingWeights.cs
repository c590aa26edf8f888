namespace Packer.Core.Ranking;

/// <summary>The knobs of the ranking. The defaults were tuned on real commit history (see README, "Measured").</summary>
internal sealed record RankingWeights
{
    /// <summary>Gets the restart probability of the personalized PageRank: higher keeps the score closer to the targets.</summary>
    public double Restart { get; init; } = 0.3;

    /// <summary>Gets how many propagation rounds are run.</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Gets how much more a base-type or interface relation weighs than an ordinary use of the same symbols.</summary>
    public double ImplementsBoost { get; init; } = 3.0;

    /// <summary>Gets the weight of the reverse direction of a use (callers, tests) relative to the forward one.</summary>
    public double ReverseWeight { get; init; } = 1.0;

    // The weights below were chosen on mined commit history of two repositories (see README, "Measured"),
    // with each continuous signal scaled so that its best non-target file scores 1.

    /// <summary>Gets the weight of graph proximity.</summary>
    public double Graph { get; init; } = 1.0;

    /// <summary>Gets the weight of co-usage: using the same files as the targets do.</summary>
    public double CoUsage { get; init; } = 0.25;

    /// <summary>Gets the weight of identifier similarity.</summary>
    public double Names { get; init; } = 1.0;

    /// <summary>
    /// Gets the share of the files whose best identifier similarity scales that signal to 1 (higher ones
    /// are capped at 1): with a twentieth, the 13th best of 250 files, the best of 20. Not the very best
    /// in a large solution, because one near-copy of a target (a second Startup.cs) would flatten the
    /// signal for every other file.
    /// </summary>
    public double NamesScaleShare { get; init; } = 0.05;

    /// <summary>Gets the weight of file-name affinity (a target's test or subject, or its name elsewhere).</summary>
    public double FileName { get; init; } = 1.0;

    /// <summary>Gets the weight of folder nearness.</summary>
    public double Folder { get; init; } = 0.1;

    /// <summary>Gets the weight of co-change history: committed together with the targets before.</summary>
    public double History { get; init; } = 0.0;

    /// <summary>Gets the weight of project nearness.</summary>
    public double Project { get; init; } = 0.0;

    /// <summary>
    /// Gets how strongly a file's size discounts its score: score / (tokens + 50)^exponent. A bundle holds
    /// more of what matters when, of two about equally relevant files, the smaller comes first.
    /// </summary>
    public double SizeExponent { get; init; } = 0.3;
}
