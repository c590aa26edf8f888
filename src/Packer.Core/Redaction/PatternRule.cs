using System.Buffers;
using System.Text.RegularExpressions;

namespace Packer.Core.Redaction;

/// <summary>
/// A rule made of precompiled regular expressions. A match's group <c>s</c> is the value redacted (the whole
/// match when there is none); it must be no placeholder, reach the rule's length and entropy, and pass the
/// rule's own check of its context.
/// </summary>
internal sealed class PatternRule : SecretRule
{
    private readonly Regex[] patterns;

    /// <summary>Creates a rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="keywords">Strings one of which every match contains.</param>
    /// <param name="patterns">The expressions, each with an optional group <c>s</c>.</param>
    public PatternRule(string id, IReadOnlyList<string> keywords, params Regex[] patterns)
        : base(id, keywords)
    {
        this.patterns = patterns;
    }

    /// <summary>Gets the least Shannon entropy (bits per character) of a value, as in gitleaks' rules.</summary>
    public double MinEntropy { get; init; }

    /// <summary>
    /// Gets a value indicating whether values are ones a person chose (passwords), which are placeholders also when
    /// they are words such as <c>changeme</c> (see <see cref="Placeholders"/>); machine-made tokens are not.
    /// </summary>
    public bool ChosenByHuman { get; init; }

    /// <summary>Gets the least length of a value.</summary>
    public int MinLength { get; init; } = 1;

    /// <summary>Gets a check of a match in its context, or null to accept every match.</summary>
    public Func<Candidate, bool>? Accept { get; init; }

    /// <summary>
    /// Gets strings (case ignored) one of which starts every match, or null. When set, they are searched for
    /// (vectorized) and each expression, which must begin with <c>\G</c>, is tried only where one stands: for an
    /// expression whose first characters are common letters, far fewer tries than the engine's own search makes.
    /// </summary>
    public SearchValues<string>? Anchors { get; init; }

    /// <summary>Gets a quick test of an anchor's position (text, offset) that must pass before the expressions are tried there, or null.</summary>
    public Func<string, int, bool>? AnchorCheck { get; init; }

    /// <summary>Gets which files the rule is run on, or null for all.</summary>
    public Func<string, bool>? Files { get; init; }

    /// <inheritdoc/>
    public override bool FindsItsKeywords => Anchors is not null;

    /// <inheritdoc/>
    public override bool AppliesTo(string path) => Files?.Invoke(path) ?? true;

    /// <inheritdoc/>
    public override void Find(string text, int rule, List<SecretSpan> spans)
    {
        foreach (var pattern in patterns)
        {
            if (Anchors is null)
            {
                for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
                {
                    Consider(text, match, rule, spans);
                }

                continue;
            }

            for (var at = IndexOfAnchor(text, 0); at >= 0;)
            {
                var match = AnchorCheck is null || AnchorCheck(text, at) ? pattern.Match(text, at) : Match.Empty;
                if (match.Success)
                {
                    Consider(text, match, rule, spans);
                }

                at = IndexOfAnchor(text, match.Success ? match.Index + Math.Max(1, match.Length) : at + 1);
            }
        }
    }

    private int IndexOfAnchor(string text, int from)
    {
        var at = from < text.Length ? text.AsSpan(from).IndexOfAny(Anchors!) : -1;
        return at < 0 ? -1 : from + at;
    }

    private void Consider(string text, Match match, int rule, List<SecretSpan> spans)
    {
        var group = match.Groups["s"];
        var start = group.Success ? group.Index : match.Index;
        var length = text.AsSpan(start, group.Success ? group.Length : match.Length).TrimEnd().Length;
        var candidate = new Candidate(text, match, start, length);
        if (length >= MinLength
            && !Placeholders.IsPlaceholder(candidate.Value, ChosenByHuman)
            && (MinEntropy <= 0 || Entropy.Of(candidate.Value) >= MinEntropy)
            && (Accept is null || Accept(candidate)))
        {
            spans.Add(new SecretSpan(start, length, rule));
        }
    }
}
