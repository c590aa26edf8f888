namespace Packer.Core.Budget;

/// <summary>A file as it goes into the bundle.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Project">Owning project, or "" for extra files.</param>
/// <param name="Fidelity">Full text or signatures.</param>
/// <param name="Text">The text to render, LF line endings, ending with a newline.</param>
public sealed record BundleEntry(string Path, string Project, Fidelity Fidelity, string Text);
