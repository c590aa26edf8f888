namespace Packer.Core.Graph;

/// <summary>
/// The second stage's output: the part of the solution's file dependency graph around the targets.
/// Files farther than the expansion reached are simply absent.
/// </summary>
/// <param name="Targets">The target files, sorted.</param>
/// <param name="Hops">Each reached file's hop distance from the nearest target.</param>
/// <param name="Edges">Every edge found, sorted by (From, To).</param>
/// <param name="Usages">What each file the expansion looked at uses, by file: the basis of co-usage similarity.</param>
/// <param name="BoundFiles">How many of those files were bound with the semantic model in this run (the others were known from the cache).</param>
internal sealed record DocumentGraph(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, int> Hops,
    IReadOnlyList<Edge> Edges,
    IReadOnlyDictionary<string, IReadOnlyList<Usage>> Usages,
    int BoundFiles);
