using System.Text;

namespace Packer.Core.Redaction;

/// <summary>Replaces found values by their markers and reports each with its line.</summary>
internal static class RedactionWriter
{
    /// <summary>
    /// Writes the redacted text. Spans that overlap are joined into one, named by the rule that comes first in
    /// the catalogue among those starting first, so every character any rule found is replaced exactly once.
    /// </summary>
    /// <param name="path">The path, for the findings.</param>
    /// <param name="text">The text as given.</param>
    /// <param name="spans">The accepted spans, in any order (sorted here).</param>
    /// <param name="ruleIds">The rule id of each catalogue position.</param>
    public static RedactionResult Write(string path, string text, List<SecretSpan> spans, IReadOnlyList<string> ruleIds)
    {
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule)
            : b.Length.CompareTo(a.Length));

        var builder = new StringBuilder(text.Length);
        var findings = new List<RedactionFinding>();
        var copied = 0;
        var line = 1;
        var counted = 0;
        for (var i = 0; i < spans.Count;)
        {
            var first = spans[i];
            var end = first.End;
            for (i++; i < spans.Count && spans[i].Start < end; i++)
            {
                end = Math.Max(end, spans[i].End);
            }

            line += text.AsSpan(counted, first.Start - counted).Count('\n');
            counted = first.Start;
            var id = ruleIds[first.Rule];
            findings.Add(new RedactionFinding(path, line, id));
            builder.Append(text, copied, first.Start - copied).Append(SecretRedactor.MarkerPrefix).Append(id).Append(']');
            copied = end;
        }

        builder.Append(text, copied, text.Length - copied);
        return new RedactionResult(builder.ToString(), findings);
    }
}
