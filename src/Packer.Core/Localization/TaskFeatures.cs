using Packer.Core.Ranking;

namespace Packer.Core.Localization;

/// <summary>
/// The features a task ranks files by (bench/taskfit.py reads them from the manifest's <c>task</c> entries: keep
/// the two in step). Text features come from <see cref="TaskLocalizer"/>; graph features from the ranking around
/// the anchors (the files the text matched best, and any targets).
/// </summary>
public static class TaskFeatures
{
    /// <summary>The features' names, in order (the weights are keyed by them).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        // from the text
        "bm25", "bm25Rank", "declares", "member", "frame", "literal", "fileName", "uses", "test",

        // from the graph around the anchors
        "anchor", "near", "direct", "twoHops", "nearRank", "size", "pair", "inScope",
    ];

    /// <summary>How many of <see cref="Names"/> come from the text alone.</summary>
    public const int TextCount = 9;

    /// <summary>The position of a feature in <see cref="Names"/>.</summary>
    public static int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"no task feature is named {name}", nameof(name));
    }

    /// <summary>A rank feature: 1 / (1 + how many of the values are greater than <paramref name="value"/>), so equal values share a place.</summary>
    /// <param name="descending">The values to rank among, sorted descending.</param>
    /// <param name="value">The value to rank.</param>
    public static double Rank(List<double> descending, double value) => 1.0 / (1 + FileFeatures.Ahead(descending, value));
}
