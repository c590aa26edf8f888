namespace Packer.Core.Redaction;

/// <summary>
/// What redaction lets through although a rule matches it (<c>redact: allow:</c> in packer.yaml). Each list
/// is independent: a match is kept when its rule is turned off, its file matches a path glob, or its value
/// is one of the literal values.
/// </summary>
/// <remarks>
/// Every entry is explicit: there are no regular expressions (a pattern from a cloned repository must not
/// be able to make a run slow or let everything through by accident).
/// </remarks>
public sealed record RedactionAllowList
{
    /// <summary>Gets the empty allow list.</summary>
    public static RedactionAllowList None { get; } = new();

    /// <summary>
    /// Gets rule ids that are turned off everywhere, e.g. <c>jwt</c>; see <see cref="SecretRedactor.RuleIds"/>.
    /// An unknown id is a configuration error (<see cref="SecretRedactor"/> throws).
    /// </summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>
    /// Gets repository-relative globs (<c>*</c> within a folder, <c>**</c> across folders, case-sensitive) of
    /// files that are not redacted at all, e.g. <c>tests/**/Fixtures/**</c>.
    /// </summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// Gets literal values that are never redacted, compared ordinally with the matched value alone (the
    /// password, the token), e.g. a documented sample password such as <c>Pass@word1</c>.
    /// </summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}
