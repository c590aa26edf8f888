using Packer.Core.Budget;
using Packer.Core.Configuration;
using Packer.Core.Diagnostics;
using Packer.Core.Graph;
using Packer.Core.Loading;
using Packer.Core.Localization;
using Packer.Core.Manifest;
using Packer.Core.Targeting;
using Packer.Core.Text;

namespace Packer.Core.Pipeline;

/// <summary>The task's part of a run: what its text matches, and what the run does when it matches nothing.</summary>
internal static class TaskStage
{
    /// <summary>Gets the task model (its weights: <see cref="TaskWeights"/>).</summary>
    public static TaskWeights Weights { get; } = new();

    /// <summary>
    /// Matches the run's task, if it has one. A task that matches no file is dropped with a warning when there are
    /// targets to pack around, and is an error when there are none.
    /// </summary>
    /// <returns>The match (null without a task, or when it matched nothing) and the warning to give, if any.</returns>
    public static (TaskMatch? Match, string? Warning) Match(PackOptions options, LoadedSolution loaded, SyntaxIndex index, FileTexts texts, IReadOnlyList<ResolvedTarget> targets)
    {
        if (options.Task is not { } text)
        {
            return (null, null);
        }

        var match = TaskLocalizer.Match(TaskText.Parse(text), loaded.Files, index, texts.Read, Weights);
        if (match.Matched)
        {
            return (match, null);
        }

        if (targets.Count == 0)
        {
            throw new UsageException(
                "the task names nothing this solution holds (no file, type, member, message or word of its code matched). "
                + "Name a target with --target, or say in the task which types, files or messages it is about.",
                DiagnosticCodes.NoTarget);
        }

        return (null, "the task matched no file of the solution; the bundle is packed around the targets alone.");
    }

    /// <summary>What the manifest says of the run's task; null without one.</summary>
    public static ManifestTask? Summary(PackOptions options, TaskMatch? match) =>
        options.Task is not { } text ? null : new ManifestTask(ContentHash.Of(text), match?.Anchors ?? [], TaskFeatures.Names);
}
