namespace Packer.Core.Ranking;

/// <summary>One file with its proximity to the targets.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Project">Owning project, or "" for extra files.</param>
/// <param name="Rank">1-based position in the ranking.</param>
/// <param name="Score">Proximity score; targets score highest.</param>
/// <param name="IsTarget">Whether the file is one of the targets'.</param>
/// <param name="Reason">Why it ranks where it does.</param>
/// <param name="Signals">The evidence the score weighs.</param>
/// <param name="Distance">Edges between it and the nearest target in the dependency graph, or null when not reached.</param>
/// <param name="Drivers">The features that raised its score most (none for a target).</param>
public sealed record RankedFile(string Path, string Project, int Rank, double Score, bool IsTarget, string Reason, Signals Signals, int? Distance, IReadOnlyList<Driver>? Drivers = null)
{
    /// <summary>Gets, when a task was given, its features (<see cref="Localization.TaskFeatures.Names"/>' order) and what in the task matched the file.</summary>
    public TaskMatchInfo? Task { get; init; }
}
