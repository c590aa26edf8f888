using Packer.Core.Graph;

namespace Packer.Core.Ranking;

/// <summary>
/// The edges between each file and the targets, by direction: what the targets use from it, what it uses from
/// them, the base types a target derives from, the types that derive from a target's, the other parts of a
/// target's partial type; and who uses it against who uses the targets (co-citation).
/// </summary>
internal sealed class DirectTies
{
    private readonly Dictionary<string, double> uses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> usedBy = new(StringComparer.Ordinal);
    private readonly HashSet<string> bases = new(StringComparer.Ordinal);
    private readonly HashSet<string> derived = new(StringComparer.Ordinal);
    private readonly HashSet<string> parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> targetUsers = new(StringComparer.Ordinal);
    private readonly double targetUsersNorm;

    public DirectTies(DocumentGraph graph)
    {
        var targets = new HashSet<string>(graph.Targets, StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            var (fromTarget, toTarget) = (targets.Contains(edge.From), targets.Contains(edge.To));
            if (edge.Kind == EdgeKind.Partial)
            {
                if (fromTarget != toTarget)
                {
                    parts.Add(fromTarget ? edge.To : edge.From);
                }

                continue;
            }

            if (!users.TryGetValue(edge.To, out var byUser))
            {
                users[edge.To] = byUser = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            byUser[edge.From] = byUser.GetValueOrDefault(edge.From) + edge.Weight;
            if (toTarget && !fromTarget)
            {
                targetUsers[edge.From] = targetUsers.GetValueOrDefault(edge.From) + edge.Weight;
            }

            if (fromTarget && !toTarget)
            {
                uses[edge.To] = uses.GetValueOrDefault(edge.To) + edge.Weight;
                if (edge.Kind == EdgeKind.Implements)
                {
                    bases.Add(edge.To);
                }
            }
            else if (toTarget && !fromTarget)
            {
                usedBy[edge.From] = usedBy.GetValueOrDefault(edge.From) + edge.Weight;
                if (edge.Kind == EdgeKind.Implements)
                {
                    derived.Add(edge.From);
                }
            }
        }

        targetUsersNorm = Math.Sqrt(targetUsers.Values.Order().Sum(w => w * w));
    }

    /// <summary>The weight of what the targets use from the file.</summary>
    public double Uses(string path) => uses.GetValueOrDefault(path);

    /// <summary>The weight of what the file uses from the targets.</summary>
    public double UsedBy(string path) => usedBy.GetValueOrDefault(path);

    /// <summary>Whether the file declares a type a target derives from or implements.</summary>
    public bool IsBase(string path) => bases.Contains(path);

    /// <summary>Whether the file derives from or implements a target's type.</summary>
    public bool Derives(string path) => derived.Contains(path);

    /// <summary>Whether the file declares another part of a target's partial type.</summary>
    public bool IsPart(string path) => parts.Contains(path);

    /// <summary>The cosine of the files using it against the files using the targets, in [0, 1].</summary>
    public double CoCited(string path)
    {
        if (targetUsersNorm == 0 || !users.TryGetValue(path, out var byUser))
        {
            return 0;
        }

        double dot = 0, norm = 0;
        foreach (var (user, weight) in byUser.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            norm += weight * weight;
            dot += weight * targetUsers.GetValueOrDefault(user);
        }

        return norm == 0 ? 0 : dot / (targetUsersNorm * Math.Sqrt(norm));
    }
}
