using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Localization;
using Packer.Core.Rendering;
using Packer.Core.Targeting;
using Packer.Core.Tokenization;

namespace Packer.Core.Pipeline;

/// <summary>Chooses a run's <see cref="IPackPlan"/>: the one place where targets larger than the cap part ways (docs/output.md, "Targets larger than the cap").</summary>
internal static class PackPlans
{
    /// <summary>
    /// The plan for the run: a <see cref="ModulePlan"/> for targets whose files do not fit the cap, else a
    /// <see cref="FittingPlan"/>. With a task that matched, targets larger than the cap say where to look, not what
    /// to pack: the task ranks the files, those of the targets a little higher (<see cref="IPackPlan.Scope"/>), rather
    /// than the targets' most central files filling the cap; the warning says so.
    /// </summary>
    /// <param name="renderer">Renders the bundle.</param>
    /// <param name="counter">Counts tokens.</param>
    /// <param name="texts">Reads the files.</param>
    /// <param name="loaded">The solution.</param>
    /// <param name="index">Its syntax index.</param>
    /// <param name="targets">The resolved targets.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="header">The bundle's header.</param>
    /// <param name="length">A file's length in characters.</param>
    /// <param name="task">The task's match, or null.</param>
    /// <returns>The plan, and the warning to give when targets larger than the cap narrow a task's ranking.</returns>
    public static (IPackPlan Plan, string? Warning) Choose(
        IBundleRenderer renderer, TokenCounter counter, FileTexts texts, LoadedSolution loaded, SyntaxIndex index,
        IReadOnlyList<ResolvedTarget> targets, PackOptions options, BundleHeader header, Func<string, int> length, TaskMatch? task)
    {
        var module = ModulePlan.Measure(renderer, counter, texts, loaded, index, targets, options, header, length);
        if (module is null)
        {
            var targetFiles = targets.SelectMany(t => t.Files).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return (new FittingPlan(renderer, counter, texts, header, targetFiles, new HashSet<string>()), null);
        }

        if (task is null)
        {
            return (module, null);
        }

        var scope = module.Module.Files.ToHashSet(StringComparer.Ordinal);
        return (new FittingPlan(renderer, counter, texts, header, [], scope),
            $"the targets ({scope.Count} files) do not fit the cap; with a task they narrow the ranking instead: the task chooses the files, those of the targets weigh more.");
    }
}
