namespace Packer.Core.Graph;

/// <summary>
/// The state of one expansion (<see cref="GraphBuilder"/>): the hop of every file reached, the edges found,
/// the frontier of the hop being expanded, and the budget of files that may still be bound. Each hop plans
/// which frontier files to expand, binds what they ask for on all cores, then walks them in order.
/// </summary>
internal sealed class GraphWalk(SyntaxIndex index, UsageCollector usages, GraphOptions options, IReadOnlyList<string> targets)
{
    private readonly Dictionary<string, int> hops = targets.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), Edge> edges = [];
    private readonly BindingBudget budget = new(options.BindingBudget);
    private List<string> frontier = [.. targets.Order(StringComparer.Ordinal)];
    private int hop;

    // Within one hop: the files whose uses, and whose callers, are expanded; the files reached for the next
    // hop; and the files still to walk in this one (the frontier, then the twins that join it).
    private HashSet<string> expandUses = new(StringComparer.Ordinal);
    private HashSet<string> expandReferrers = new(StringComparer.Ordinal);
    private SortedSet<string> next = new(StringComparer.Ordinal);
    private Queue<string> queue = new();

    /// <summary>Gets a value indicating whether the last hop reached nothing new.</summary>
    public bool Done => frontier.Count == 0;

    /// <summary>Expands the frontier by one hop.</summary>
    public async Task ExpandHopAsync(CancellationToken cancellationToken)
    {
        expandUses = new HashSet<string>(StringComparer.Ordinal);
        expandReferrers = new HashSet<string>(StringComparer.Ordinal);
        next = new SortedSet<string>(StringComparer.Ordinal);
        queue = new Queue<string>(frontier);
        foreach (var path in hop == 0 ? frontier : ByTies())
        {
            Plan(path);
        }

        // Bind what this hop will ask for on all cores first; the walk below then reads the results in order.
        await usages.PrefetchAsync(expandUses.Concat(expandReferrers.SelectMany(index.PossibleReferrers)), cancellationToken).ConfigureAwait(false);
        while (queue.Count > 0)
        {
            await VisitAsync(queue.Dequeue(), cancellationToken).ConfigureAwait(false);
        }

        frontier = [.. next];
        hop++;
    }

    /// <summary>The graph found so far.</summary>
    public DocumentGraph Graph()
    {
        var sorted = edges.Values
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        return new DocumentGraph([.. targets.Order(StringComparer.Ordinal)], hops, sorted, usages.Used.ToDictionary(StringComparer.Ordinal), usages.Bound.Count);
    }

    // The targets are expanded in full. Every other file (the targets' twins too) is expanded while the
    // budget lasts, strongest ties first: its uses (one file to bind), then its callers (beyond the
    // targets' hop, only if it is not a hub).
    private void Plan(string path)
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

    private async Task VisitAsync(string path, CancellationToken cancellationToken)
    {
        if (!expandUses.Contains(path) && !frontier.Contains(path))
        {
            Plan(path); // a twin that joined this hop
        }

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
            foreach (var referrer in index.PossibleReferrers(path))
            {
                var use = (await usages.UsesOfAsync(referrer, cancellationToken).ConfigureAwait(false)).FirstOrDefault(u => u.To == path);
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

    // A file found one hop further out.
    private void Reach(string path)
    {
        if (hops.TryAdd(path, hop + 1))
        {
            next.Add(path);
        }
    }

    // A file that forms one unit with one of this hop's: it joins this hop (moving up from the next, if it was reached there).
    private void Twin(string path)
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

    // The frontier in order of how strongly (by edge weight) each file is tied to the files found before it; ties by path.
    private List<string> ByTies()
    {
        var ties = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var edge in edges.Values.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))
        {
            ties[edge.From] = ties.GetValueOrDefault(edge.From) + edge.Weight;
            ties[edge.To] = ties.GetValueOrDefault(edge.To) + edge.Weight;
        }

        return frontier.OrderByDescending(p => ties.GetValueOrDefault(p)).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static Edge Edge(string from, Usage use) =>
        new(from, use.To, use.Implements ? EdgeKind.Implements : EdgeKind.Uses, use.Weight, use.Symbol);

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
}
