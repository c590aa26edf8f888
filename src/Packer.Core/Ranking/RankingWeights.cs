namespace Packer.Core.Ranking;

/// <summary>The knobs of the ranking. The defaults were fitted on real commit history (see docs/measurements.md).</summary>
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
    // (`fit.py weights --derived /work/bench-results/merged`, the ten tuning repositories' 200 mined commits)
    // and checked leave one repository out against the lexical baseline (docs/measurements.md).
    // CommittedWeightsTests refits them from bench/recorded/model-features.tsv.gz: do not edit them by hand.
    // Read as log-odds: +1 multiplies a file's odds by e. What they say: identifier similarity weighs most,
    // then having changed more recently than the other files (recencyRank), co-change and how often a file
    // changes at all, then graph proximity, files that use a target more than files it uses; a file that many
    // others mention, a base type of the target, or a file named like the target elsewhere is less likely.

    /// <summary>Gets the log-odds of a file with every feature 0.</summary>
    public double Bias { get; init; } = -2.7041;

    /// <summary>Gets the weight of each feature of <see cref="FileFeatures.Names"/> the model uses (the others weigh 0).</summary>
    public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["graph"] = 0.8383,
        ["direct"] = 0.3988,
        ["twoHops"] = 0.4351,
        ["uses"] = -0.3353,
        ["usedBy"] = 0.6103,
        ["baseOfTarget"] = -0.1292,
        ["derives"] = -0.1135,
        ["partial"] = -0.1017,
        ["coUsage"] = -0.7391,
        ["coCited"] = -0.1785,
        ["names"] = 1.6703,
        ["nameSim"] = 1.9346,
        ["testPair"] = 0.0857,
        ["sameName"] = -0.7518,
        ["stemWords"] = 0.7618,
        ["stemContains"] = -0.1549,
        ["sameSuffix"] = -0.0191,
        ["sameFolder"] = 0.2687,
        ["folder"] = 0.7493,
        ["sameNamespace"] = 0.3319,
        ["namespace"] = -0.5892,
        ["sameProject"] = 0.4539,
        ["nearProject"] = 0.4001,
        ["test"] = -0.0913,
        ["siblingTest"] = -0.0865,
        ["subjectOfTest"] = 0.4715,
        ["history"] = 0.4142,
        ["historyCommits"] = 0.6317,
        ["churn"] = 1.1660,
        ["mentions"] = -0.9208,
        ["recencyRank"] = 1.5895,
        ["graphRank"] = 0.7791,
        ["historyRank"] = 0.9714,
        ["coUsageRank"] = 0.5316,
        ["stemWordsRank"] = 0.5003,
    };

    /// <summary>The weights in <see cref="FileFeatures.Names"/>' order, 0 for a feature the model does not use.</summary>
    public double[] Coefficients()
    {
        var coefficients = new double[FileFeatures.Names.Count];
        foreach (var (name, weight) in Features)
        {
            coefficients[FileFeatures.Index(name)] = weight;
        }

        return coefficients;
    }

    /// <summary>The model's log-odds that a file with these features changes with the targets.</summary>
    /// <param name="features">The file's features (<see cref="FileFeatures.Of"/>).</param>
    /// <param name="coefficients">What <see cref="Coefficients"/> gives: computed once for a run.</param>
    public double Logit(double[] features, double[] coefficients)
    {
        var logit = Bias;
        for (var k = 0; k < coefficients.Length; k++)
        {
            logit += coefficients[k] * features[k];
        }

        return logit;
    }

    /// <summary>
    /// Gets the share of the files whose best identifier similarity scales the capped signal to 1 (higher ones
    /// are capped at 1): with a twentieth, the 13th best of 250 files, the best of 20.
    /// </summary>
    public double NamesScaleShare { get; init; } = 0.05;

    /// <summary>
    /// Gets how strongly a file's size discounts its score: score / (tokens + 50)^exponent. A bundle holds
    /// more of what matters when, of two about equally relevant files, the smaller comes first.
    /// </summary>
    public double SizeExponent { get; init; } = 0.05;
}
