namespace Packer.Core.Ranking;

/// <summary>
/// What the score is made of: per file, the features bench/features.py computes from a manifest's signals
/// (keep the two in step: the weights in <see cref="RankingWeights"/> were fitted on what that script
/// computes), each in [0, 1] and rounded to six decimals, so that the last bits of a math library cannot
/// reorder files. Scaled features divide by the best value among the run's non-target files; rank features
/// are 1 / (1 + how many non-target files are ahead of it by one feature), so equal values share a place and
/// no feature depends on the order the files come in.
/// </summary>
internal static class FileFeatures
{
    /// <summary>The features' names, in bench/features.py's order (the weights are keyed by them).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "graph", "direct", "twoHops", "uses", "usedBy", "baseOfTarget", "derives", "partial", "coUsage", "coCited",
        "names", "nameSim", "testPair", "sameName", "stemWords", "stemContains", "sameSuffix", "sameFolder", "folder",
        "sameNamespace", "namespace", "sameProject", "nearProject", "test", "siblingTest", "subjectOfTest", "history",
        "historyCommits", "churn", "recency", "mentions", "size",
        "recencyRank", "graphRank", "historyRank", "coUsageRank", "stemWordsRank",
    ];

    // Each rank feature and what it orders by, higher first, or null when the file has nothing to order by (its
    // rank feature is then 0). Recency ranks by the time of the last change itself, so that a commit that does not
    // touch a file leaves the order of the others as it was.
    private static readonly (string Rank, Func<Signals, double[], double?> By)[] Ranked =
    [
        ("recencyRank", (s, _) => s.Age >= 0 ? -s.Age : null),
        ("graphRank", ByFeature("graph")),
        ("historyRank", ByFeature("history")),
        ("coUsageRank", ByFeature("coUsage")),
        ("stemWordsRank", ByFeature("stemWords")),
    ];

    /// <summary>The features of every file of one run, in the order given (targets included; their rank features are 0).</summary>
    /// <param name="files">Every file of the run: its path, its signals, and whether it is a target.</param>
    public static double[][] Of(IReadOnlyList<(string Path, Signals Signals, bool Target)> files)
    {
        var others = files.Where(f => !f.Target).Select(f => f.Signals).ToList();
        var bestUses = Best(others, s => s.Uses);
        var bestUsedBy = Best(others, s => s.UsedBy);
        var bestChurn = Best(others, s => s.Churn);
        var bestNames = Best(others, s => s.NamesRaw);
        var targetIsTest = files.Any(f => f.Target && f.Signals.Test == 1);

        var vectors = files.Select(f => Vector(f.Signals, bestUses, bestUsedBy, bestChurn, bestNames, targetIsTest)).ToArray();
        var nonTargets = Enumerable.Range(0, files.Count).Where(i => !files[i].Target).ToList();
        foreach (var (rank, by) in Ranked)
        {
            var r = Index(rank);
            var values = nonTargets.Select(i => (File: i, Value: by(files[i].Signals, vectors[i]))).Where(x => x.Value is not null).ToList();
            var descending = values.Select(x => x.Value!.Value).OrderDescending().ToList();
            foreach (var (i, value) in values)
            {
                vectors[i][r] = Round(1.0 / (1 + Ahead(descending, value!.Value)));
            }
        }

        return vectors;
    }

    /// <summary>The position of a feature in <see cref="Names"/> (and in a vector).</summary>
    public static int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"no feature is named {name}", nameof(name));
    }

    private static double[] Vector(Signals s, double bestUses, double bestUsedBy, double bestChurn, double bestNames, bool targetIsTest)
    {
        var test = s.Test == 1;
        var x = new double[Names.Count];
        double[] values =
        [
            s.Graph,
            s.Hops == 1 ? 1 : 0,
            s.Hops == 2 ? 1 : 0,
            bestUses > 0 ? s.Uses / bestUses : 0,
            bestUsedBy > 0 ? s.UsedBy / bestUsedBy : 0,
            s.BaseOfTarget,
            s.DerivesFromTarget,
            s.Partial,
            s.CoUsage,
            s.CoCited,
            s.Names,
            bestNames > 0 ? s.NamesRaw / bestNames : 0,
            s.FileName == 1 ? 1 : 0,
            s.FileName == 0.5 ? 1 : 0,
            s.StemWords,
            s.StemContains,
            s.SameSuffix,
            s.Folder == 1 ? 1 : 0,
            s.Folder,
            s.Namespace == 0 ? 1 : 0,
            s.Namespace >= 0 ? 1.0 / (1 + s.Namespace) : 0,
            s.Project == 1 ? 1 : 0,
            s.Project == 0.5 ? 1 : 0,
            test ? 1 : 0,
            test && targetIsTest ? 1 : 0,
            !test && targetIsTest ? 1 : 0,
            s.History,
            1 - (1.0 / (1 + s.HistoryCommits)),
            bestChurn > 0 ? Math.Log(1 + s.Churn) / Math.Log(1 + bestChurn) : 0,
            s.Age >= 0 ? 1.0 / (1 + (s.Age / 30)) : 0,
            Math.Sqrt(s.Mentions),
            Math.Log(1 + (s.Length / 4)) / 10,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            x[i] = Round(values[i]);
        }

        return x;
    }

    /// <summary>How many of the values (in descending order) are greater than the value: equal values share a place.</summary>
    internal static int Ahead(List<double> descending, double value)
    {
        var (low, high) = (0, descending.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = descending[middle] > value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private static Func<Signals, double[], double?> ByFeature(string name)
    {
        var k = Index(name);
        return (_, x) => x[k] > 0 ? x[k] : null;
    }

    private static double Best(IEnumerable<Signals> signals, Func<Signals, double> of) => signals.Select(of).DefaultIfEmpty(0).Max();

    private static double Round(double value) => Math.Round(value, 6);
}
