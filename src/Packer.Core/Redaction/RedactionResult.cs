namespace Packer.Core.Redaction;

/// <summary>A text with its secrets replaced by markers, and where they were.</summary>
/// <param name="Text">The redacted text; the very instance given when nothing was found.</param>
/// <param name="Findings">The redactions in text order (by position), empty when none.</param>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactionFinding> Findings)
{
    /// <summary>Gets a value indicating whether anything was redacted.</summary>
    public bool Redacted => Findings.Count > 0;
}
