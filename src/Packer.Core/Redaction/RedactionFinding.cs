namespace Packer.Core.Redaction;

/// <summary>One redacted secret. It never holds the value.</summary>
/// <param name="Path">The path the text was redacted for, as given.</param>
/// <param name="Line">The 1-based line of the value's first character in the text as given (before redaction).</param>
/// <param name="RuleId">The id of the rule that matched, as in the marker <c>[REDACTED:rule-id]</c>.</param>
public sealed record RedactionFinding(string Path, int Line, string RuleId);
