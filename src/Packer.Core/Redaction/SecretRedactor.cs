using System.Buffers;
using Packer.Core.Diagnostics;
using Packer.Core.Text;

namespace Packer.Core.Redaction;

/// <summary>
/// Replaces secrets in a text by fixed markers, <c>[REDACTED:rule-id]</c>, so that nothing secret leaves in a
/// bundle and the same input always gives the same output (bundles stay byte- and cache-stable). Only the
/// value goes: <c>Password=[REDACTED:connection-string-password];</c> keeps the rest of the line readable.
/// </summary>
/// <remarks>
/// Pure and thread-safe: one instance serves every file of a run, from any thread. Like gitleaks, each rule has
/// keywords that are looked for (vectorized) before its expression runs, so a text holding none of them costs a
/// few fast scans. The rules run once more over the contents of string literals joined by <c>+</c>
/// (<see cref="StringConcatenation"/>), so a value split in two is found. Redacting redacted text changes nothing.
/// Line numbers in findings are those of the text as given.
/// </remarks>
public sealed class SecretRedactor
{
    /// <summary>The start of every marker.</summary>
    internal const string MarkerPrefix = "[REDACTED:";

    private readonly bool enabled;
    private readonly List<(SecretRule Rule, int Index, SearchValues<string>[] Keywords)> rules = [];
    private readonly Glob[] allowedPaths;
    private readonly HashSet<string> allowedValues;
    private readonly string[] ruleIds;

    /// <summary>Creates a redactor.</summary>
    /// <param name="options">Whether to redact, and what to let through.</param>
    /// <exception cref="UsageException">The allow list names a rule that does not exist.</exception>
    public SecretRedactor(RedactionOptions options)
    {
        var unknown = options.Allow.Rules.Where(id => !RuleCatalog.Ids.Contains(id, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException(
                $"Unknown redaction rule '{unknown[0]}' in the allow list; the rules are: {string.Join(", ", RuleCatalog.Ids)}.", DiagnosticCodes.ConfigValue);
        }

        enabled = options.Enabled;
        ruleIds = [.. RuleCatalog.All.Select(rule => rule.Id)];
        var all = RuleCatalog.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (!options.Allow.Rules.Contains(all[i].Id, StringComparer.Ordinal))
            {
                rules.Add((all[i], i, all[i].FindsItsKeywords ? [] : [.. all[i].Keywords.Select(k => SearchValues.Create([k], all[i].KeywordComparison))]));
            }
        }

        allowedPaths = [.. options.Allow.Paths.Select(Glob.Parse)];
        allowedValues = new HashSet<string>(options.Allow.Values, StringComparer.Ordinal);
    }

    /// <summary>Gets the ids of every rule, sorted ordinally (the names an allow list may turn off).</summary>
    public static IReadOnlyList<string> RuleIds => RuleCatalog.Ids;

    /// <summary>Gets the marker that stands for a value a rule found.</summary>
    /// <param name="ruleId">The rule id.</param>
    public static string Marker(string ruleId) => MarkerPrefix + ruleId + "]";

    /// <summary>Redacts one text.</summary>
    /// <param name="path">The text's repository-relative path with <c>/</c> (for the allow list's globs, the
    /// rules that only apply to configuration files, and the findings).</param>
    /// <param name="text">The text, with LF line ends.</param>
    /// <returns>The redacted text (the same instance when nothing was found) and the findings.</returns>
    public RedactionResult Redact(string path, string text)
    {
        var spans = Spans(path, text);
        return spans.Count == 0 ? new RedactionResult(text, []) : RedactionWriter.Write(path, text, spans, ruleIds);
    }

    /// <summary>Finds where the values <see cref="Redact"/> would replace stand, in no particular order.</summary>
    /// <param name="path">The text's repository-relative path with <c>/</c>.</param>
    /// <param name="text">The text.</param>
    internal List<SecretSpan> Spans(string path, string text)
    {
        if (!enabled || text.Length == 0 || IsAllowedPath(path))
        {
            return [];
        }

        var spans = Find(path, text);
        if (StringConcatenation.Join(text) is { } joined)
        {
            // A value split over literals ("ghp_…" + "…") goes from its first character to its last.
            var offsets = joined.Offsets;
            foreach (var span in Find(path, joined.Text))
            {
                if (!offsets.AsSpan(span.Start, span.Length).Contains(-1))
                {
                    var start = offsets[span.Start];
                    spans.Add(new SecretSpan(start, offsets[span.End - 1] + 1 - start, span.Rule));
                }
            }
        }

        return spans;
    }

    /// <summary>Finds the values every rule that applies accepts, less those the allow list lets through.</summary>
    private List<SecretSpan> Find(string path, string text)
    {
        var spans = new List<SecretSpan>();
        foreach (var (rule, index, keywords) in rules)
        {
            if (rule.AppliesTo(path) && (rule.FindsItsKeywords || HasKeyword(text, keywords)))
            {
                rule.Find(text, index, spans);
            }
        }

        spans.RemoveAll(span => IsAllowedValue(text.AsSpan(span.Start, span.Length)));
        return spans;
    }

    /// <summary>
    /// Tells whether a text holds one of a rule's keywords, one vectorized search per keyword: measured on
    /// spectre.console, a multi-string <c>SearchValues</c> search of a rule's few keywords was up to three times
    /// slower, and one search for every rule's keywords at once ten times slower (its candidate rate is high). Each
    /// keyword is a single-string <c>SearchValues</c> rather than <c>IndexOf(keyword, OrdinalIgnoreCase)</c>, which
    /// in the invariant globalization mode this tool runs in compares character by character: 40 times slower over
    /// bitwarden/server's 21 M characters of C# (0.48 s against 0.012 s for eight keywords).
    /// </summary>
    private static bool HasKeyword(string text, SearchValues<string>[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (text.AsSpan().ContainsAny(keyword))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAllowedPath(string path)
    {
        foreach (var glob in allowedPaths)
        {
            if (glob.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAllowedValue(ReadOnlySpan<char> value) =>
        WellKnownValues.Contains(value)
        || (allowedValues.Count > 0 && allowedValues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value));
}
