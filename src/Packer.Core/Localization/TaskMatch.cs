namespace Packer.Core.Localization;

/// <summary>The task stage's output: each file's evidence, and the files the dependency graph is walked from.</summary>
/// <param name="Evidence">Every file's evidence, by path.</param>
/// <param name="Anchors">The files the text matched best, sorted: the graph is expanded around them as around targets.</param>
internal sealed record TaskMatch(IReadOnlyDictionary<string, TaskEvidence> Evidence, IReadOnlyList<string> Anchors)
{
    /// <summary>Gets a value indicating whether the task matched any file at all.</summary>
    public bool Matched => Anchors.Count > 0;
}
