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
        var walk = new GraphWalk(index, usages, options, targets);
        for (var hop = 0; hop < options.ExpandedHops && !walk.Done; hop++)
        {
            await walk.ExpandHopAsync(cancellationToken).ConfigureAwait(false);
        }

        return walk.Graph();
    }
}
