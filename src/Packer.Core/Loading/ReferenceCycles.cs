using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// A project may reference itself (<c>&lt;ProjectReference Include="A.csproj"/&gt;</c>, or <c>../A/./A.csproj</c>) or
/// close a longer circle (A → B → A). MSBuildWorkspace loads such references as they are, and Roslyn then waits
/// forever for a compilation that needs itself first; MSBuild would refuse to build it. So the references that
/// close a circle are removed before anything is bound, each named in a warning: the rest binds as usual.
/// </summary>
internal static class ReferenceCycles
{
    /// <summary>Removes the project references that close a circle, in a fixed order (projects and references by name).</summary>
    /// <param name="solution">The loaded solution.</param>
    /// <returns>The solution without them, and one warning per project that referenced through a circle (none when there was none).</returns>
    public static (Solution Solution, IReadOnlyList<string> Warnings) Break(Solution solution)
    {
        var removed = new List<(ProjectId From, ProjectReference Reference)>();
        var state = new Dictionary<ProjectId, bool>(); // false: on the current path; true: done.
        foreach (var start in ByName(solution, solution.ProjectIds))
        {
            if (!state.ContainsKey(start))
            {
                Walk(solution, start, state, removed);
            }
        }

        foreach (var (from, reference) in removed)
        {
            solution = solution.RemoveProjectReference(from, reference);
        }

        var warnings = removed
            .Select(r => (From: Name(solution, r.From), To: Name(solution, r.Reference.ProjectId)))
            .Distinct()
            .GroupBy(r => r.From, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Warning(g.Key, g.Select(r => r.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return (solution, warnings);
    }

    /// <summary>
    /// Adds references a project lacks, leaving out (with a warning) each one that would close a circle, which
    /// Roslyn's AddProjectReferences refuses with an exception.
    /// </summary>
    /// <param name="solution">The solution.</param>
    /// <param name="project">The referencing project.</param>
    /// <param name="references">The references it should have.</param>
    /// <param name="warnings">Where a left-out reference is named (once).</param>
    public static Solution Add(Solution solution, ProjectId project, IEnumerable<ProjectReference> references, List<string> warnings)
    {
        foreach (var reference in references)
        {
            if (solution.GetProject(project)!.ProjectReferences.Contains(reference))
            {
                continue;
            }

            var to = reference.ProjectId;
            if (to == project || solution.GetProjectDependencyGraph().GetProjectsThatThisProjectTransitivelyDependsOn(to).Contains(project))
            {
                var warning = Warning(Name(solution, project), [Name(solution, to)]);
                if (!warnings.Contains(warning))
                {
                    warnings.Add(warning);
                }

                continue;
            }

            solution = solution.AddProjectReference(project, reference);
        }

        return solution;
    }

    // Depth first without recursion (a chain of thousands of projects must not overflow the stack): a reference
    // to a project still on the path closes a circle.
    private static void Walk(Solution solution, ProjectId start, Dictionary<ProjectId, bool> state, List<(ProjectId, ProjectReference)> removed)
    {
        var path = new Stack<(ProjectId Project, IEnumerator<ProjectReference> Next)>();
        state[start] = false;
        path.Push((start, References(solution, start).GetEnumerator()));
        while (path.Count > 0)
        {
            var (project, next) = path.Peek();
            if (!next.MoveNext())
            {
                state[project] = true;
                path.Pop();
                continue;
            }

            var reference = next.Current;
            if (!state.TryGetValue(reference.ProjectId, out var done))
            {
                state[reference.ProjectId] = false;
                path.Push((reference.ProjectId, References(solution, reference.ProjectId).GetEnumerator()));
            }
            else if (!done)
            {
                removed.Add((project, reference));
            }
        }
    }

    private static IEnumerable<ProjectReference> References(Solution solution, ProjectId project) =>
        solution.GetProject(project)!.ProjectReferences
            .Where(r => solution.GetProject(r.ProjectId) is not null)
            .OrderBy(r => Name(solution, r.ProjectId), StringComparer.Ordinal)
            .ThenBy(r => solution.GetProject(r.ProjectId)!.FilePath, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<ProjectId> ByName(Solution solution, IEnumerable<ProjectId> projects) =>
        projects
            .OrderBy(id => solution.GetProject(id)!.Name, StringComparer.Ordinal)
            .ThenBy(id => solution.GetProject(id)!.FilePath, StringComparer.Ordinal)
            .ToList();

    private static string Name(Solution solution, ProjectId project) => ProjectNames.WithoutFramework(solution.GetProject(project)!.Name);

    private static string Warning(string from, IReadOnlyList<string> to) =>
        to.Count == 1 && to[0] == from
            ? $"project {from} references itself; the reference was ignored (a project cannot reference itself, and MSBuild would not build it)."
            : $"project {from}'s reference to {string.Join(", ", to)} closes a circle of project references; it was ignored (MSBuild would not build such a circle).";
}
