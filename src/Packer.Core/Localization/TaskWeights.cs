namespace Packer.Core.Localization;

/// <summary>
/// The task model: a logistic model over <see cref="TaskFeatures"/> of "the fix of this task changes this file".
/// These weights were set before any task was scored, and checked against fits on the task set (bench/tasks/, 213
/// issues of the ten tuning repositories) left one repository out: bench/taskfit.py's logistic fit simulates 0.508 at
/// 8k and 0.719 at 32k against these weights' 0.503 and 0.738 (and its climb on the simulated recall itself did no
/// better), so these stay until a fit beats them (docs/measurements.md; bench/recorded/task-features.tsv.gz re-runs it).
/// </summary>
internal sealed record TaskWeights
{
    /// <summary>Gets the log-odds of a file with every feature 0.</summary>
    public double Bias { get; init; } = -5.0;

    /// <summary>Gets each feature's weight (a missing one weighs 0).</summary>
    public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["bm25"] = 3.0,
        ["bm25Rank"] = 1.5,
        ["declares"] = 2.0,
        ["member"] = 1.0,
        ["frame"] = 3.0,
        ["literal"] = 2.0,
        ["fileName"] = 1.5,
        ["uses"] = 0.5,
        ["test"] = -0.3,
        ["anchor"] = 1.0,
        ["near"] = 1.5,
        ["direct"] = 0.5,
        ["twoHops"] = 0.2,
        ["nearRank"] = 0.5,
        ["size"] = -1.0,
        ["pair"] = 0.5,
        ["inScope"] = 1.0,
    };

    /// <summary>Gets the most files the graph is walked from.</summary>
    public int MaxAnchors { get; init; } = 3;

    /// <summary>Gets how far below the best text log-odds an anchor may be.</summary>
    public double AnchorMargin { get; init; } = 2.0;

    /// <summary>The weights in <see cref="TaskFeatures.Names"/>' order.</summary>
    public double[] Coefficients() => [.. TaskFeatures.Names.Select(n => Features.GetValueOrDefault(n))];

    /// <summary>The log-odds from the text features alone (what chooses the anchors, before the graph is walked).</summary>
    public double TextLogit(double[] features)
    {
        var logit = Bias;
        for (var k = 0; k < TaskFeatures.TextCount; k++)
        {
            logit += Features.GetValueOrDefault(TaskFeatures.Names[k]) * features[k];
        }

        return logit;
    }
}
