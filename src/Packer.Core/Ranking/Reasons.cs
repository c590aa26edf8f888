using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>Explains a reached file's place: its strongest edge to a target, or its distance and the file it came through.</summary>
internal sealed class Reasons
{
    private readonly IReadOnlyDictionary<string, double> proximity;
    private readonly HashSet<string> targets;
    private readonly Dictionary<string, List<Edge>> edgesByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> distance = new(StringComparer.Ordinal);

    public Reasons(DocumentGraph graph, IReadOnlyDictionary<string, double> proximity)
    {
        this.proximity = proximity;
        targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            Add(edge.From, edge);
            Add(edge.To, edge);
        }

        // Edge hops from the nearest target, in either direction.
        var queue = new Queue<string>(graph.Targets);
        graph.Targets.ToList().ForEach(t => distance[t] = 0);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            foreach (var neighbour in Neighbours(path))
            {
                if (distance.TryAdd(neighbour, distance[path] + 1))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }
    }

    public int? Distance(string path) => distance.TryGetValue(path, out var hops) ? hops : null;

    public string? For(string path)
    {
        if (targets.Contains(path))
        {
            return "target";
        }

        if (!distance.TryGetValue(path, out var hops))
        {
            return null;
        }

        if (hops == 1)
        {
            var edge = Strongest(path);
            return edge switch
            {
                { Kind: EdgeKind.Partial } => $"declares another part of {edge.Symbol}",
                { Kind: EdgeKind.Implements } when edge.To == path => $"declares {edge.Symbol}, which {Name(edge.From)} implements or extends",
                { Kind: EdgeKind.Implements } => $"implements or extends {edge.Symbol} from {Name(edge.To)}",
                _ when edge.To == path => $"declares {edge.Symbol} used by {Name(edge.From)}",
                _ => $"uses {edge.Symbol} from {Name(edge.To)}",
            };
        }

        var via = Neighbours(path)
            .Where(n => distance.GetValueOrDefault(n, int.MaxValue) == hops - 1)
            .OrderByDescending(n => proximity.GetValueOrDefault(n))
            .ThenBy(n => n, StringComparer.Ordinal)
            .First();
        return $"{hops} hops via {Name(via)}";
    }

    // The heaviest edge between a file and a target (ties broken by path, so it is always the same one).
    private Edge Strongest(string path) => edgesByFile[path]
        .Where(e => targets.Contains(e.From) || targets.Contains(e.To))
        .OrderByDescending(e => e.Weight)
        .ThenBy(e => e.From, StringComparer.Ordinal)
        .ThenBy(e => e.To, StringComparer.Ordinal)
        .First();

    private IEnumerable<string> Neighbours(string path) =>
        edgesByFile.TryGetValue(path, out var edges)
            ? edges.Select(e => e.From == path ? e.To : e.From).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            : [];

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    private void Add(string path, Edge edge)
    {
        if (!edgesByFile.TryGetValue(path, out var list))
        {
            edgesByFile[path] = list = [];
        }

        list.Add(edge);
    }
}
