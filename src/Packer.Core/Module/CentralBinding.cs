using Packer.Core.Graph;

namespace Packer.Core.Module;

/// <summary>
/// The graph of targets larger than the cap: only their most central files (<see cref="ModuleScope.Candidates"/>)
/// are bound, on all cores, and what they use forms the edges. Their callers are not bound: for a module's central
/// types they are the rest of the solution, which the cap could not show anyway. So binding stays proportional to
/// what the bundle can hold, not to the size of the target. The graph's targets are those central files: the
/// solution-wide ranking then measures every other file's proximity to them (the few the manifest lists first),
/// at the cost of a few hundred targets rather than thousands; <see cref="WithinTargetRanking.Rerank"/> puts
/// every target file back in front.
/// </summary>
internal static class CentralBinding
{
    public static async Task<DocumentGraph> BindAsync(ModuleScope scope, UsageCollector usages, CancellationToken cancellationToken)
    {
        await usages.PrefetchAsync(scope.Candidates, cancellationToken).ConfigureAwait(false);
        var hops = scope.Candidates.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        var edges = new List<Edge>();
        foreach (var path in scope.Candidates)
        {
            foreach (var use in await usages.UsesOfAsync(path, cancellationToken).ConfigureAwait(false))
            {
                edges.Add(new Edge(path, use.To, use.Implements ? EdgeKind.Implements : EdgeKind.Uses, use.Weight, use.Symbol));
                hops.TryAdd(use.To, 1);
            }
        }

        var sorted = edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        return new DocumentGraph(scope.Candidates, hops, sorted, usages.Used.ToDictionary(StringComparer.Ordinal), usages.Bound.Count);
    }
}
