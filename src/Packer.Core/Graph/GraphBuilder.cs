namespace Packer.Core.Graph;

/// <summary>
/// Expands the dependency graph outward from the targets, one hop at a time: for each file on the
/// frontier, what it uses (bind it) and what uses it (bind only the files whose syntax mentions one of
/// its declared names). Nothing outside the neighbourhood is bound.
/// </summary>
internal static class GraphBuilder
{
    public static async Task<DocumentGraph> BuildAsync(
        SyntaxIndex index, UsageCollector usages, IReadOnlyList<string> targets, GraphOptions options, CancellationToken cancellationToken)
    {
        var hops = targets.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        var edges = new Dictionary<(string From, string To), Edge>();
        var frontier = targets.Order(StringComparer.Ordinal).ToList();

        for (var hop = 0; hop < options.ExpandedHops && frontier.Count > 0; hop++)
        {
            var next = new SortedSet<string>(StringComparer.Ordinal);
            void Reach(string path)
            {
                if (hops.TryAdd(path, hop + 1))
                {
                    next.Add(path);
                }
            }

            foreach (var path in frontier)
            {
                foreach (var use in await usages.UsesOfAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    edges[(path, use.To)] = new Edge(path, use.To, EdgeKind.Uses, use.Weight, use.Symbol);
                    Reach(use.To);
                }

                var referrers = index.PossibleReferrers(path);
                if (hop == 0 || referrers.Count <= options.ReferrerLimit)
                {
                    foreach (var referrer in referrers)
                    {
                        var use = (await usages.UsesOfAsync(referrer, cancellationToken).ConfigureAwait(false))
                            .FirstOrDefault(u => u.To == path);
                        if (use is not null)
                        {
                            edges[(referrer, path)] = new Edge(referrer, path, EdgeKind.Uses, use.Weight, use.Symbol);
                            Reach(referrer);
                        }
                    }
                }

                foreach (var sibling in index.PartialSiblings(path))
                {
                    var type = index[path]!.Types.Intersect(index[sibling]!.Types, StringComparer.Ordinal).First();
                    edges[(path, sibling)] = new Edge(path, sibling, EdgeKind.Partial, options.PartialWeight, type);
                    Reach(sibling);
                }
            }

            frontier = [.. next];
        }

        var sorted = edges.Values
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        return new DocumentGraph([.. targets.Order(StringComparer.Ordinal)], hops, sorted, usages.Bound.ToDictionary(StringComparer.Ordinal));
    }
}
