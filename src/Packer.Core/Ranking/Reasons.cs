using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>Explains a reached file's place: its strongest edge to a target, or the hops and the file it came through.</summary>
internal sealed class Reasons
{
    private readonly DocumentGraph graph;
    private readonly IReadOnlyDictionary<string, double> proximity;
    private readonly HashSet<string> targets;
    private readonly Dictionary<string, List<Edge>> edgesByFile = new(StringComparer.Ordinal);

    public Reasons(DocumentGraph graph, IReadOnlyDictionary<string, double> proximity)
    {
        this.graph = graph;
        this.proximity = proximity;
        targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            Add(edge.From, edge);
            Add(edge.To, edge);
        }
    }

    public string? For(string path)
    {
        if (targets.Contains(path))
        {
            return "target";
        }

        if (!graph.Hops.TryGetValue(path, out var hops) || !edgesByFile.TryGetValue(path, out var edges))
        {
            return null;
        }

        if (hops == 1)
        {
            var edge = edges
                .Where(e => targets.Contains(e.From) || targets.Contains(e.To))
                .OrderByDescending(e => e.Weight)
                .ThenBy(e => e.From, StringComparer.Ordinal)
                .ThenBy(e => e.To, StringComparer.Ordinal)
                .First();
            return edge switch
            {
                { Kind: EdgeKind.Partial } => $"declares another part of {edge.Symbol}",
                _ when edge.To == path => $"declares {edge.Symbol} used by {Name(edge.From)}",
                _ => $"uses {edge.Symbol} from {Name(edge.To)}",
            };
        }

        var via = edges
            .Select(e => e.From == path ? e.To : e.From)
            .Where(n => graph.Hops.GetValueOrDefault(n, int.MaxValue) == hops - 1)
            .OrderByDescending(n => proximity.GetValueOrDefault(n))
            .ThenBy(n => n, StringComparer.Ordinal)
            .First();
        return $"{hops} hops via {Name(via)}";
    }

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
