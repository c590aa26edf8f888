using Packer.Core;
using System.Text;
using Packer.Core.Redaction;

namespace Packer.Agents.Session;

/// <summary>
/// The text a session prints for the agent: where the bundle is and how to read it, then a map of what it
/// holds (the edits appended, the targets, the files next to them, the wider context, the paths only listed),
/// each file with its fidelity, tokens and one-line reason, most relevant first. An agent caps a hook's output
/// (Claude Code: 10,000 characters), so the map never exceeds its cap; it gives up detail in steps, each
/// taken only when the last did not fit: listed paths folded into folders with their names, then into
/// per-folder counts (with shorter reasons); then the wider context, then the targets' neighbours, keep only
/// as many of their most relevant files on lines of their own as fit, the rest folded into folders; then
/// listed paths become one count; and last, whole lines are kept in that order with a count of the rest. The
/// lines saying where the bundle is come first and always fit.
/// </summary>
internal static class ContextMap
{
    /// <summary>The map's file name in the state folder (and the path its redaction goes by).</summary>
    public const string FileName = "map.md";

    /// <summary>The map within <paramref name="maxChars"/>, secrets redacted (it goes to the model as the bundle does).</summary>
    /// <param name="input">What the map tells about.</param>
    /// <param name="maxChars">The cap, in characters.</param>
    /// <param name="redactor">Redacts the map's text (paths, reasons and warnings come from the repository).</param>
    public static string Render(MapInput input, int maxChars, SecretRedactor redactor)
    {
        var map = Render(input, maxChars);
        var redacted = redactor.Redact(FileName, map).Text;
        if (redacted.Length <= maxChars)
        {
            return redacted;
        }

        // A marker longer than the value it replaced: whole lines are given up from the end.
        var cut = redacted.LastIndexOf('\n', maxChars - 1);
        return cut < 0 ? redacted[..maxChars] : redacted[..(cut + 1)];
    }

    private static string Render(MapInput input, int maxChars)
    {
        var intro = MapIntro.Text(input);
        var sections = new MapSections(input.Manifest);
        string Text(MapDetail detail) => Compose(intro, sections.Lines(detail));
        bool Fits(MapDetail detail) => Text(detail).Length <= maxChars;

        var all = MapDetail.All(sections);
        MapDetail[] steps =
        [
            all,
            all with { Listed = ListedDetail.FoldersWithNames },
            all with { Listed = ListedDetail.FolderCounts, ReasonLength = MapDetail.ShortReason },
        ];
        foreach (var step in steps)
        {
            if (Fits(step))
            {
                return Text(step);
            }
        }

        var folded = steps[^1];
        var wider = Largest(sections.Wider.Count, k => Fits(folded with { WiderLines = k }));
        if (wider is { } w)
        {
            return Text(folded with { WiderLines = w });
        }

        folded = folded with { WiderLines = 0 };
        var near = Largest(sections.Near.Count, k => Fits(folded with { NearLines = k }));
        if (near is { } n)
        {
            return Text(folded with { NearLines = n });
        }

        folded = folded with { NearLines = 0, Listed = ListedDetail.Total };
        if (Fits(folded))
        {
            return Text(folded);
        }

        var targets = sections.Targets.Count > MapSections.TargetsAlwaysListed
            ? Largest(sections.Targets.Count, k => Fits(folded with { TargetLines = k }))
            : null;
        return targets is { } t ? Text(folded with { TargetLines = t }) : Truncated(intro, sections.Lines(folded with { TargetLines = 0 }), maxChars);
    }

    // The largest k in [0, count] for which fits(k) holds (the map grows with k), or null when not even 0 fits.
    private static int? Largest(int count, Func<int, bool> fits)
    {
        if (!fits(0))
        {
            return null;
        }

        var (low, high) = (0, count);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = fits(middle) ? (middle, high) : (low, middle - 1);
        }

        return low;
    }

    private static string Compose(string intro, IEnumerable<(string Title, List<string> Lines)> sections)
    {
        var text = new StringBuilder(intro);
        foreach (var (title, lines) in sections.Where(s => s.Lines.Count > 0))
        {
            text.Append($"\n## {title}\n");
            lines.ForEach(l => text.Append(l).Append('\n'));
        }

        return text.ToString();
    }

    // Whole lines in section order while they fit; each section that lost lines ends with their count.
    private static string Truncated(string intro, IEnumerable<(string Title, List<string> Lines)> sections, int maxChars)
    {
        if (intro.Length > maxChars)
        {
            return intro[..maxChars];
        }

        var text = new StringBuilder(intro);
        foreach (var (title, lines) in sections.Where(s => s.Lines.Count > 0))
        {
            var heading = $"\n## {title}\n";
            var body = new StringBuilder();
            var kept = 0;
            foreach (var line in lines)
            {
                var more = $"- … {lines.Count - kept - 1} more: see the manifest\n";
                if (text.Length + heading.Length + body.Length + line.Length + 1 + more.Length > maxChars)
                {
                    break;
                }

                body.Append(line).Append('\n');
                kept++;
            }

            var omitted = $"- … {lines.Count - kept} more: see the manifest\n";
            if (kept < lines.Count && text.Length + heading.Length + body.Length + omitted.Length <= maxChars)
            {
                body.Append(omitted);
            }

            if (body.Length > 0)
            {
                text.Append(heading).Append(body);
            }
        }

        return text.ToString();
    }
}
