using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// Restore is what flows project references transitively (A → B → C lets A use C's types). Without it a
/// project sees only its direct references, so types two projects away do not bind. This adds the
/// missing transitive references, as a restore would.
/// </summary>
internal static class TransitiveReferences
{
    public static Solution Complete(Solution solution)
    {
        foreach (var projectId in solution.ProjectIds.OrderBy(id => solution.GetProject(id)!.Name, StringComparer.Ordinal))
        {
            var project = solution.GetProject(projectId)!;
            var direct = project.ProjectReferences.Select(r => r.ProjectId).ToHashSet();
            var missing = Closure(solution, projectId).Where(id => id != projectId && !direct.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                solution = solution.AddProjectReferences(projectId, missing.Select(id => new ProjectReference(id)));
            }
        }

        return solution;
    }

    private static List<ProjectId> Closure(Solution solution, ProjectId start)
    {
        var seen = new HashSet<ProjectId> { start };
        var order = new List<ProjectId>();
        var stack = new Stack<ProjectId>([start]);
        while (stack.Count > 0)
        {
            foreach (var reference in solution.GetProject(stack.Pop())!.ProjectReferences)
            {
                if (solution.GetProject(reference.ProjectId) is not null && seen.Add(reference.ProjectId))
                {
                    order.Add(reference.ProjectId);
                    stack.Push(reference.ProjectId);
                }
            }
        }

        return order;
    }
}
