using Packer.Core.Text;

namespace Packer.Core.Bundle;

/// <summary>A file as it goes into the bundle.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Project">Owning project, or "" for extra files.</param>
/// <param name="Fidelity">Full text, signatures, a diff, or listed by path.</param>
/// <param name="Text">The text to render, LF line endings, ending with a newline ("" when listed).</param>
public sealed record BundleEntry(string Path, string Project, Fidelity Fidelity, string Text)
{
    /// <summary>
    /// Gets the hash the manifest records of the block (path, project, fidelity and text), so that a later run
    /// can tell whether the same block would render the same bytes.
    /// </summary>
    public string Hash => ContentHash.Of($"{Path}\n{Project}\n{Fidelity}\n{Text}");
}
