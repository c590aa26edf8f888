namespace Packer.Core.Ranking;

/// <summary>The evidence behind a file's score (see docs/architecture.md).</summary>
public sealed record Signals
{
    /// <summary>Gets personalized PageRank over the semantic dependency graph, scaled so the best non-target file is 1.</summary>
    public double Graph { get; init; }

    /// <summary>Gets the cosine of the files it uses against the files the targets use, scaled so the best non-target file is 1.</summary>
    public double CoUsage { get; init; }

    /// <summary>Gets the TF-IDF cosine of its identifiers against the targets', scaled so the file at the top twentieth is 1.</summary>
    public double Names { get; init; }

    /// <summary>Gets 1 for a target's test or subject by name (FooTests for Foo), 0.5 for a target's file name elsewhere.</summary>
    public double FileName { get; init; }

    /// <summary>Gets 1 in a target's folder, less with each folder step.</summary>
    public double Folder { get; init; }

    /// <summary>Gets 1 in a target's project, 0.5 in a neighbouring project.</summary>
    public double Project { get; init; }

    /// <summary>Gets how often it was committed together with the targets (git), scaled so the most often is 1.</summary>
    public double History { get; init; }

    /// <summary>Gets edges between it and the nearest target, or -1 when the graph did not reach it.</summary>
    public double Hops { get; init; }

    /// <summary>Gets the weight of what the targets use from it.</summary>
    public double Uses { get; init; }

    /// <summary>Gets the weight of what it uses from the targets.</summary>
    public double UsedBy { get; init; }

    /// <summary>Gets 1 when it declares a type a target derives from or implements.</summary>
    public double BaseOfTarget { get; init; }

    /// <summary>Gets 1 when it derives from or implements a type a target declares.</summary>
    public double DerivesFromTarget { get; init; }

    /// <summary>Gets 1 when it declares another part of a target's partial type.</summary>
    public double Partial { get; init; }

    /// <summary>Gets the TF-IDF cosine of its identifiers against the targets', unscaled.</summary>
    public double NamesRaw { get; init; }

    /// <summary>Gets the namespace steps to the nearest of the targets' namespaces, or -1 when it declares none.</summary>
    public double Namespace { get; init; }

    /// <summary>Gets 1 when its path names it a test.</summary>
    public double Test { get; init; }

    /// <summary>Gets the overlap of the words of its file name with a target's (test suffixes removed).</summary>
    public double StemWords { get; init; }

    /// <summary>Gets 1 when its file name contains a target's, or the other way round (test suffixes removed).</summary>
    public double StemContains { get; init; }

    /// <summary>Gets 1 when the last word of its file name is a target's (Controller, Handler).</summary>
    public double SameSuffix { get; init; }

    /// <summary>Gets the co-change sum, unscaled: each commit with a target counts 1/(its other files).</summary>
    public double HistoryRaw { get; init; }

    /// <summary>Gets the number of commits that changed it together with a target.</summary>
    public double HistoryCommits { get; init; }

    /// <summary>Gets the number of commits that changed it.</summary>
    public double Churn { get; init; }

    /// <summary>Gets days between its last change and the newest commit, or -1 when git does not know it.</summary>
    public double Age { get; init; }

    /// <summary>Gets the share of files that spell the most widely spelled name it declares.</summary>
    public double Mentions { get; init; }

    /// <summary>Gets the cosine of the files that use it against the files that use the targets.</summary>
    public double CoCited { get; init; }

    /// <summary>Gets its length in characters.</summary>
    public double Length { get; init; }
}
