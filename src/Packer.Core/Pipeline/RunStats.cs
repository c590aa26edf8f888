namespace Packer.Core.Pipeline;

/// <summary>Counts of one run, for <c>--verbose</c> and the benchmark (never in outputs).</summary>
/// <param name="Projects">The loaded C# projects.</param>
/// <param name="Files">The files that could go into the bundle.</param>
/// <param name="ChangedFiles">The C# files a warm run found changed since the cache was written.</param>
/// <param name="BoundFiles">The files bound with the semantic model in this run.</param>
/// <param name="GraphFiles">The files the graph expansion reached.</param>
/// <param name="Edges">The graph's edges.</param>
/// <param name="Included">The files the bundle gives content of.</param>
/// <param name="Listed">The files the bundle lists by path.</param>
/// <param name="KeptFiles">The files of the previous bundle kept in place.</param>
/// <param name="AppendedEdits">The diffs and files appended to the previous bundle.</param>
/// <param name="Outlined">The target files only counted in the outline of targets larger than the cap.</param>
public sealed record RunStats(
    int Projects, int Files, int ChangedFiles, int BoundFiles, int GraphFiles, int Edges, int Included, int Listed, int KeptFiles, int AppendedEdits, int Outlined = 0)
{
    /// <summary>Gets each count with its name, sorted by name.</summary>
    public IReadOnlyList<(string Name, int Value)> Named =>
    [
        ("appendedEdits", AppendedEdits), ("boundFiles", BoundFiles), ("changedFiles", ChangedFiles), ("edges", Edges), ("files", Files),
        ("graphFiles", GraphFiles), ("included", Included), ("keptFiles", KeptFiles), ("listed", Listed), ("outlined", Outlined), ("projects", Projects),
    ];
}
