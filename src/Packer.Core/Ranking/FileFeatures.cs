namespace Packer.Core.Ranking;

/// <summary>
/// What the score is made of, per file, each in [0, 1]. bench/features.py computes the same from a manifest's
/// signals (keep the two in step): the weights in <see cref="RankingWeights"/> were fitted on those.
/// </summary>
/// <param name="Graph">Personalized PageRank, the best non-target file 1.</param>
/// <param name="Direct">One edge from a target, either way.</param>
/// <param name="TwoHops">Two edges from a target.</param>
/// <param name="Tie">The kind of its strongest edge to a target, when it is one edge away.</param>
/// <param name="Names">Identifier similarity, capped at 1 from the top twentieth.</param>
/// <param name="NameSimilarity">Identifier similarity, the best non-target file 1 (not capped: the order among the most similar counts).</param>
/// <param name="TestPair">A target's test or subject by name (FooTests for Foo).</param>
/// <param name="FileNameWords">Overlap of its file name's words with a target's.</param>
/// <param name="SameSuffix">The same last file-name word as a target (Controller, Handler).</param>
/// <param name="SiblingTest">A test, and so is a target.</param>
/// <param name="History">Committed together with the targets before, the most often 1.</param>
internal readonly record struct FileFeatures(
    double Graph,
    bool Direct,
    bool TwoHops,
    Tie Tie,
    double Names,
    double NameSimilarity,
    bool TestPair,
    double FileNameWords,
    bool SameSuffix,
    bool SiblingTest,
    double History)
{
    /// <summary>The features of a file from its signals.</summary>
    /// <param name="signals">The file's signals.</param>
    /// <param name="tie">Its tie to a target (<see cref="Reasons.TieOf"/>).</param>
    /// <param name="nameSimilarity">Its unscaled identifier similarity over the best non-target file's.</param>
    /// <param name="targetIsTest">Whether a target is a test.</param>
    public static FileFeatures Of(Signals signals, Tie tie, double nameSimilarity, bool targetIsTest) => new(
        signals.Graph,
        signals.Hops == 1,
        signals.Hops == 2,
        tie,
        signals.Names,
        nameSimilarity,
        signals.FileName == 1,
        signals.StemWords,
        signals.SameSuffix == 1,
        signals.Test == 1 && targetIsTest,
        signals.History);

    /// <summary>The model's log-odds that the file changes with the targets.</summary>
    public double Logit(RankingWeights w) =>
        w.Bias
        + (w.Graph * Graph)
        + (Direct ? w.Direct : 0)
        + (TwoHops ? w.TwoHops : 0)
        + (Tie == Tie.Declares ? w.DeclaresWhatTargetUses : 0)
        + (Tie == Tie.Uses ? w.UsesTarget : 0)
        + (Tie == Tie.Base ? w.BaseOfTarget : 0)
        + (w.Names * Names)
        + (w.NameSimilarity * NameSimilarity)
        + (TestPair ? w.TestPair : 0)
        + (w.FileNameWords * FileNameWords)
        + (SameSuffix ? w.SameSuffix : 0)
        + (SiblingTest ? w.SiblingTest : 0)
        + (w.History * History);
}
