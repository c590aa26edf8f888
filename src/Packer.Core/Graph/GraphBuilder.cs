namespace Packer.Core.Graph;

/// <summary>
/// Expands the dependency graph outward from the targets, one hop at a time: for each file on the
/// frontier, what it uses (bind it) and what uses it (bind only the files whose syntax mentions one of
/// its declared names). Files that form one unit with a frontier file (the other parts of a partial type,
/// an interface and its few implementations) join the same hop. Beyond the targets, files are expanded
/// within a budget of bound files, strongest-tied first. Nothing outside the neighbourhood is bound.
/// </summary>
internal static class GraphBuilder
{
    public static async Task<DocumentGraph> BuildAsync(
        SyntaxIndex index, UsageCollector usages, IReadOnlyList<string> targets, GraphOptions options, CancellationToken cancellationToken)
    {
        var hops = targets.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        var edges = new Dictionary<(string From, string To), Edge>();
        var frontier = targets.Order(StringComparer.Ordinal).ToList();

        var budget = new BindingBudget(options.BindingBudget);
        for (var hop = 0; hop < options.ExpandedHops && frontier.Count > 0; hop++)
        {
            // The targets are expanded in full. Every other file (the targets' twins too) is expanded while the
            // budget lasts, strongest ties first: its uses (one file to bind), then its callers (beyond the
            // targets' hop, only if it is not a hub).
            var expandUses = new HashSet<string>(StringComparer.Ordinal);
            var expandReferrers = new HashSet<string>(StringComparer.Ordinal);
            void Plan(string path)
            {
                var referrers = index.PossibleReferrers(path);
                if (hop == 0 && frontier.Contains(path))
                {
                    budget.Grant([path, .. referrers]);
                    expandUses.Add(path);
                    expandReferrers.Add(path);
                }
                else if (budget.TryTake([path]))
                {
                    expandUses.Add(path);
                    if ((hop == 0 || referrers.Count <= options.ReferrerLimit) && budget.TryTake(referrers))
                    {
                        expandReferrers.Add(path);
                    }
                }
            }

            foreach (var path in hop == 0 ? frontier : ByTies(frontier, edges))
            {
                Plan(path);
            }

            // Bind what this hop will ask for on all cores first; the walk below then reads the results in order.
            await usages.PrefetchAsync(expandUses.Concat(expandReferrers.SelectMany(index.PossibleReferrers)), cancellationToken).ConfigureAwait(false);

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
                if (!expandUses.Contains(path) && !frontier.Contains(path))
                {
                    Plan(path); // a twin that joined this hop
                }

                var referrers = index.PossibleReferrers(path);
                var uses = expandUses.Contains(path) ? await usages.UsesOfAsync(path, cancellationToken).ConfigureAwait(false) : [];
                foreach (var use in uses)
                {
                    edges[(path, use.To)] = Edge(path, use);
                    Reach(use.To);
                    if (use.Implements && index.PossibleReferrers(use.To).Count <= options.ReferrerLimit)
                    {
                        Twin(use.To);
                    }
                }

                if (expandReferrers.Contains(path))
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

    // The frontier in order of how strongly (by edge weight) each file is tied to the files found before it; ties by path.
    private static IEnumerable<string> ByTies(List<string> frontier, Dictionary<(string From, string To), Edge> edges)
    {
        var ties = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var edge in edges.Values.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))
        {
            ties[edge.From] = ties.GetValueOrDefault(edge.From) + edge.Weight;
            ties[edge.To] = ties.GetValueOrDefault(edge.To) + edge.Weight;
        }

        return frontier.OrderByDescending(p => ties.GetValueOrDefault(p)).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    // The files the expansion may bind: all those around the targets, and a fixed number more. A file
    // counts once, however often it is asked for.
    private sealed class BindingBudget(int limit)
    {
        private readonly HashSet<string> granted = new(StringComparer.Ordinal);
        private int left = limit;

        public void Grant(IEnumerable<string> paths) => granted.UnionWith(paths);

        public bool TryTake(IReadOnlyCollection<string> paths)
        {
            var cost = paths.Count(p => !granted.Contains(p));
            if (cost > left)
            {
                return false;
            }

            left -= cost;
            granted.UnionWith(paths);
            return true;
        }
    }

    private static Edge Edge(string from, Usage use) =>
        new(from, use.To, use.Implements ? EdgeKind.Implements : EdgeKind.Uses, use.Weight, use.Symbol);
}
