namespace Packer.Core.Redaction;

/// <summary>
/// One kind of secret. Like a gitleaks rule, it has keywords that are looked for first (ordinal, ignoring
/// case) and is only run on texts that hold one of them.
/// </summary>
internal abstract class SecretRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The rule id, as in the marker <c>[REDACTED:id]</c>.</param>
    /// <param name="keywords">Strings one of which every match contains.</param>
    protected SecretRule(string id, IReadOnlyList<string> keywords)
    {
        Id = id;
        Keywords = keywords;
    }

    /// <summary>Gets the rule id.</summary>
    public string Id { get; }

    /// <summary>Gets the keywords one of which every match contains.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>
    /// Gets how keywords are compared: ordinally for tokens whose expression is case-sensitive (faster, and
    /// <c>ASIA</c> is not <c>Asia</c>), ignoring case for keys a human spells.
    /// </summary>
    public StringComparison KeywordComparison { get; init; } = StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// Gets a value indicating whether the rule's own search finds its keywords (vectorized), so that looking for
    /// them first would only scan the text twice.
    /// </summary>
    public virtual bool FindsItsKeywords => false;

    /// <summary>Tells whether the rule is run on a file at all (e.g. only on configuration files).</summary>
    /// <param name="path">The repository-relative path.</param>
    public virtual bool AppliesTo(string path) => true;

    /// <summary>Adds the spans of the secret values in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="rule">This rule's position in the catalogue, for the spans.</param>
    /// <param name="spans">Where to add them.</param>
    public abstract void Find(string text, int rule, List<SecretSpan> spans);
}
