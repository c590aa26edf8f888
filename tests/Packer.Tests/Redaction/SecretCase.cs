namespace Packer.Tests.Redaction;

/// <summary>A text holding one secret, the value a rule must replace, and the rule.</summary>
/// <param name="Path">The repository-relative path the text is redacted for.</param>
/// <param name="Text">The text.</param>
/// <param name="Secret">The value that must be replaced, alone.</param>
/// <param name="RuleId">The rule that must name it.</param>
internal sealed record SecretCase(string Path, string Text, string Secret, string RuleId)
{
    /// <summary>Gets the text with the value replaced by the rule's marker.</summary>
    public string Expected => Text.Replace(Secret, "[REDACTED:" + RuleId + "]", StringComparison.Ordinal);
}
