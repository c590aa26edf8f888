namespace Packer.Core.Ranking;

/// <summary>The knobs of the ranking. The defaults were fitted on real commit history (see README, "Measured").</summary>
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

    // The score is a logistic model of "this file is changed in the same commit as the targets" over
    // FileFeatures, divided by a power of the file's size. Its weights were fitted offline by bench/fit.py
    // (`fit.py weights --derived /work/bench-results/baseline`, the ten tuning repositories' 200 mined
    // commits) and checked leave one repository out against the lexical baseline (README, "Measured").
    // CommittedWeightsTests refits them from bench/recorded/model-features.tsv.gz: do not edit them by hand.
    // Read as log-odds: +1 multiplies a file's odds by e. What they say: files changed with the target
    // before (history) and files with the target's identifiers (names) matter most; the compiler's graph
    // ranks next, files that use a target more than those it uses; a base type of the target, or a test
    // named after it, is no likelier to change with it than any other file one edge away.

    /// <summary>Gets the log-odds of a file with every feature 0.</summary>
    public double Bias { get; init; } = -1.7824;

    /// <summary>Gets the weight of graph proximity (personalized PageRank, best non-target file 1).</summary>
    public double Graph { get; init; } = 1.3733;

    /// <summary>Gets the weight of being one edge from a target.</summary>
    public double Direct { get; init; } = 0.1726;

    /// <summary>Gets the weight of being two edges from a target.</summary>
    public double TwoHops { get; init; } = 0.5436;

    /// <summary>Gets the weight of declaring what a target uses (its strongest edge to a target).</summary>
    public double DeclaresWhatTargetUses { get; init; } = 0.2203;

    /// <summary>Gets the weight of using what a target declares (its strongest edge to a target).</summary>
    public double UsesTarget { get; init; } = 0.5439;

    /// <summary>Gets the weight of declaring a type a target derives from or implements.</summary>
    public double BaseOfTarget { get; init; } = -0.0755;

    /// <summary>Gets the weight of identifier similarity capped at the top twentieth.</summary>
    public double Names { get; init; } = 1.4062;

    /// <summary>Gets the weight of identifier similarity relative to the most similar file.</summary>
    public double NameSimilarity { get; init; } = 2.3394;

    /// <summary>
    /// Gets the share of the files whose best identifier similarity scales the capped signal to 1 (higher ones
    /// are capped at 1): with a twentieth, the 13th best of 250 files, the best of 20.
    /// </summary>
    public double NamesScaleShare { get; init; } = 0.05;

    /// <summary>Gets the weight of being a target's test or subject by file name.</summary>
    public double TestPair { get; init; } = 0.0098;

    /// <summary>Gets the weight of the overlap of file-name words with a target's.</summary>
    public double FileNameWords { get; init; } = 1.0909;

    /// <summary>Gets the weight of sharing a target's last file-name word.</summary>
    public double SameSuffix { get; init; } = 0.1509;

    /// <summary>Gets the weight of being a test when a target is one.</summary>
    public double SiblingTest { get; init; } = -0.2267;

    /// <summary>Gets the weight of co-change history: committed together with the targets before.</summary>
    public double History { get; init; } = 2.4500;

    /// <summary>
    /// Gets how strongly a file's size discounts its score: score / (tokens + 50)^exponent. A bundle holds
    /// more of what matters when, of two about equally relevant files, the smaller comes first.
    /// </summary>
    public double SizeExponent { get; init; } = 0.05;
}
