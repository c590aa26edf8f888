namespace Packer.Core.Graph;

/// <summary>
/// The second stage's output: the part of the solution's file dependency graph around the targets.
/// Files farther than the expansion reached are simply absent.
/// </summary>
/// <param name="Targets">The target files, sorted.</param>
/// <param name="Hops">Each reached file's hop distance from the nearest target.</param>
/// <param name="Edges">Every edge found, sorted by (From, To).</param>
/// <param name="Usages">What each bound file uses, by file: the basis of co-usage similarity.</param>
internal sealed record DocumentGraph(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, int> Hops,
    IReadOnlyList<Edge> Edges,
    IReadOnlyDictionary<string, IReadOnlyList<Usage>> Usages)
{
    /// <summary>Gets how many files were bound with the semantic model.</summary>
    public int BoundFiles => Usages.Count;
}
