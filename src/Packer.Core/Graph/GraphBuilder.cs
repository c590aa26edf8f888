namespace Packer.Core.Graph;

/// <summary>
/// Expands the dependency graph outward from the targets, one hop at a time: for each file on the
/// frontier, what it uses (bind it) and what uses it (bind only the files whose syntax mentions one of
/// its declared names). Files that form one unit with a frontier file (the other parts of a partial type,
/// an interface and its few implementations) join the same hop. Nothing outside the neighbourhood is bound.
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
            var queue = new Queue<string>(frontier);
            void Reach(string path)
            {
                if (hops.TryAdd(path, hop + 1))
                {
                    next.Add(path);
                }
            }

            void Twin(string path)
            {
                if (hops.TryAdd(path, hop))
                {
                    queue.Enqueue(path);
                }
                else if (hops[path] == hop + 1 && next.Remove(path))
                {
                    hops[path] = hop;
                    queue.Enqueue(path);
                }
            }

            while (queue.Count > 0)
            {
                var path = queue.Dequeue();
                var referrers = index.PossibleReferrers(path);
                foreach (var use in await usages.UsesOfAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    edges[(path, use.To)] = Edge(path, use);
                    Reach(use.To);
                    if (use.Implements && index.PossibleReferrers(use.To).Count <= options.ReferrerLimit)
                    {
                        Twin(use.To);
                    }
                }

                if (hop == 0 || referrers.Count <= options.ReferrerLimit)
                {
                    var implementations = new List<string>();
                    foreach (var referrer in referrers)
                    {
                        var use = (await usages.UsesOfAsync(referrer, cancellationToken).ConfigureAwait(false))
                            .FirstOrDefault(u => u.To == path);
                        if (use is not null)
                        {
                            edges[(referrer, path)] = Edge(referrer, use);
                            Reach(referrer);
                            if (use.Implements)
                            {
                                implementations.Add(referrer);
                            }
                        }
                    }

                    if (implementations.Count <= options.TwinImplementationLimit)
                    {
                        implementations.ForEach(Twin);
                    }
                }

                foreach (var sibling in index.PartialSiblings(path))
                {
                    var type = index[path]!.Types.Intersect(index[sibling]!.Types, StringComparer.Ordinal).First();
                    edges[(path, sibling)] = new Edge(path, sibling, EdgeKind.Partial, options.PartialWeight, type);
                    Twin(sibling);
                }
            }

            frontier = [.. next];
        }

        var sorted = edges.Values
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        return new DocumentGraph([.. targets.Order(StringComparer.Ordinal)], hops, sorted, usages.Used.ToDictionary(StringComparer.Ordinal), usages.Bound.Count);
    }

    private static Edge Edge(string from, Usage use) =>
        new(from, use.To, use.Implements ? EdgeKind.Implements : EdgeKind.Uses, use.Weight, use.Symbol);
}
