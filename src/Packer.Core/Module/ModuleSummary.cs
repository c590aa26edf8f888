using Packer.Core.Budget;
using Packer.Core.Bundle;

namespace Packer.Core.Module;

/// <summary>
/// Says what a bundle made of targets larger than the cap: the manifest's <see cref="TargetSummary"/>, and the one
/// warning line that stands for what would otherwise be a warning per target file left out.
/// </summary>
internal static class ModuleSummary
{
    private const int InWarning = 3;

    /// <summary>The summary of a fitted selection.</summary>
    /// <param name="scope">The targets, measured.</param>
    /// <param name="outline">Their outline.</param>
    /// <param name="level">The level the bundle shows it at, or null when it shows none.</param>
    /// <param name="decisions">The budget's decision for every file.</param>
    public static TargetSummary Of(ModuleScope scope, ModuleOutline outline, OutlineLevel? level, IReadOnlyDictionary<string, FileDecision> decisions)
    {
        int Count(Fidelity fidelity) => scope.Files.Count(f => decisions[f].Fidelity == fidelity);
        return new TargetSummary(
            scope.Targets.Select(t => t.Spec).ToList(),
            scope.Files.Count,
            scope.Files.Sum(f => scope.Centrality[f].ApproxTokens),
            outline.Folders,
            level?.Describe() ?? "none",
            Count(Fidelity.Full),
            Count(Fidelity.Signatures),
            Count(Fidelity.Outline),
            Count(Fidelity.Listed),
            scope.Candidates.Count,
            scope.Narrower);
    }

    /// <summary>What the outline is of: "the target Core", "the targets Core and Api".</summary>
    public static string Title(IReadOnlyList<string> specs) => specs.Count == 1
        ? $"the target {specs[0]}"
        : $"the targets {string.Join(", ", specs.Take(specs.Count - 1))} and {specs[^1]}";

    /// <summary>The run's one warning about the targets.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="maxTokens">The cap.</param>
    /// <param name="editRoom">The tokens kept free for edits (0 without a session).</param>
    public static string Warning(TargetSummary summary, int maxTokens, int editRoom)
    {
        var within = editRoom > 0 ? $"--max-tokens {maxTokens} less the {editRoom} kept free for edits" : $"--max-tokens {maxTokens}";
        var outline = summary.Outline == "none"
            ? "no outline (not even its first line fits)"
            : $"an outline of {(summary.Targets.Count == 1 ? "its" : "their")} {summary.Folders} folders ({summary.Outline})";
        var narrower = summary.Narrower.Count == 0
            ? string.Empty
            : " To see more of one part, target it: " + string.Join(", ", summary.Narrower.Take(InWarning).Select(n => $"{n.Spec} ({n.Files} files, about {n.ApproxTokens} tokens)")) + ".";
        return $"{Title(summary.Targets)} ({summary.Files} files, about {summary.ApproxTokens} tokens) do{(summary.Targets.Count == 1 ? "es" : string.Empty)} not fit {within}: "
            + $"the bundle gives {outline} and the most central files, {summary.Full} in full and {summary.Signatures} as signatures; "
            + $"{Others(summary)}.{narrower}";
    }

    // What became of the target files neither in full nor as signatures.
    private static string Others(TargetSummary summary)
    {
        var omitted = summary.Files - summary.Full - summary.Signatures - summary.Outlined - summary.Listed;
        if (summary.Listed == 0 && omitted == 0)
        {
            return $"the other {summary.Outlined} files are only counted in the outline";
        }

        var parts = new[] { (summary.Outlined, "only counted in the outline"), (summary.Listed, "only listed by path"), (omitted, "left out (the manifest says why)") }
            .Where(p => p.Item1 > 0)
            .Select(p => $"{p.Item1} {p.Item2}");
        return "of the other files, " + string.Join(", ", parts);
    }
}
