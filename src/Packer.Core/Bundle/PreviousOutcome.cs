namespace Packer.Core.Bundle;

/// <summary>What became of an earlier bundle (<c>--previous</c>).</summary>
public enum PreviousUse
{
    /// <summary>No --previous was given.</summary>
    Off,

    /// <summary>The file does not exist yet (the first session).</summary>
    Missing,

    /// <summary>It was made with other settings or for other targets.</summary>
    NotUsed,

    /// <summary>It could not be read (a warning says why).</summary>
    Unreadable,

    /// <summary>It was read; planning has not used it yet.</summary>
    Read,

    /// <summary>It was repeated byte for byte with this run's edits appended.</summary>
    Appended,

    /// <summary>The bundle was packed afresh, its opening files kept in place while unchanged.</summary>
    Repacked,
}

/// <summary>What became of an earlier bundle, and why, for <c>--verbose</c>.</summary>
/// <param name="Use">What became of it.</param>
/// <param name="Reason">The details, e.g. "read 96 context files: repeated the earlier bundle and appended 7 diffs, …".</param>
public sealed record PreviousOutcome(PreviousUse Use, string Reason)
{
    /// <summary>Gets the outcome of a run without --previous.</summary>
    public static PreviousOutcome Off { get; } = new(PreviousUse.Off, "off");

    /// <summary>The outcome once planning used the earlier bundle as <paramref name="use"/> says.</summary>
    public PreviousOutcome Then(PreviousUse use, string detail) => new(use, $"{Reason}: {detail}");

    /// <inheritdoc/>
    public override string ToString() => Reason;
}
