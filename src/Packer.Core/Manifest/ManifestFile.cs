using System.Text.Json.Serialization;
using Packer.Core.Bundle;
using Packer.Core.Ranking;

namespace Packer.Core.Manifest;

/// <summary>One file of the solution as the manifest lists it.</summary>
public sealed record ManifestFile
{
    /// <summary>Gets the repository-relative path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the owning project, or "" for extra files.</summary>
    public required string Project { get; init; }

    /// <summary>Gets the 1-based position in the ranking.</summary>
    public required int Rank { get; init; }

    /// <summary>Gets its score.</summary>
    public required double Score { get; init; }

    /// <summary>Gets how much of it the bundle holds (of its first block, when it has edits appended).</summary>
    public required Fidelity Fidelity { get; init; }

    /// <summary>Gets the segment of its first block; only when it is in the bundle.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SegmentKind? Segment { get; init; }

    /// <summary>Gets the 1-based position of its first block in the bundle; only when it is in the bundle.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Position { get; init; }

    /// <summary>Gets the hash of its first block (<see cref="BundleEntry.Hash"/>); only for a block with content.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Hash { get; init; }

    /// <summary>Gets the tokens of its blocks, each rendered alone.</summary>
    public required int Tokens { get; init; }

    /// <summary>Gets why it ranks where it does.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the evidence its score weighs.</summary>
    public required Signals Signals { get; init; }

    /// <summary>
    /// Gets the features that raised its score most, with what each added to the log-odds; only for a non-target
    /// file the bundle holds in full or as signatures.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Driver>? Drivers { get; init; }

    /// <summary>
    /// Gets, when the run had a task, the task model's features of the file (<c>features</c>, in the order the
    /// manifest's <c>task.features</c> names them) and, for a file the bundle holds, what in the task matched it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaskMatchInfo? Task { get; init; }
}
