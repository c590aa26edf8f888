using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Manifest;

namespace Packer.Core.Session;

/// <summary>
/// The text a session prints for the agent: where the bundle is and how to read it, then a map of what it
/// holds (targets, the files next to them, the wider context, the paths only listed), each file with its
/// fidelity, tokens and one-line reason, most relevant first. An agent caps a hook's output (Claude Code: 10,000
/// characters), so the map never exceeds its cap: it first drops listed paths into per-folder counts, then
/// trims reasons, then groups the wider context and the targets' neighbours by folder, and finally keeps
/// whole lines in priority order with a count of what was left out. The lines saying where the bundle is always
/// come first and always fit.
/// </summary>
internal static class ContextMap
{
    private const int LongReason = 100;
    private const int ShortReason = 50;

    public static string Render(MapInput input, int maxChars)
    {
        var intro = Intro(input);
        var sections = Sections(input.Manifest);
        for (var level = 0; level <= 4; level++)
        {
            var text = Compose(intro, sections.Select(s => (s.Title, Lines: s.Lines(level))));
            if (text.Length <= maxChars)
            {
                return text;
            }
        }

        return Truncated(intro, sections.Select(s => (s.Title, Lines: s.Lines(4))), maxChars);
    }

    private static string Intro(MapInput input)
    {
        var manifest = input.Manifest;
        var text = new StringBuilder();
        var targets = string.Join("; ", manifest.Targets.Select(t => $"{Names.Of(t.Kind)} {t.Spec} ({Count(t.Files.Count, "file")})"));
        text.Append($"# Context bundle for this session (dotnet pack-context)\n");
        text.Append($"The files of {manifest.Solution} that matter most for {targets}, chosen by their place in the code's dependency graph and packed within {manifest.MaxTokens:N0} tokens.\n\n");
        text.Append(Reading(input));
        text.Append($"Why each file is there (rank, score, signals): {input.ManifestPath}\n");
        var withContent = manifest.Files.Count(f => f.HasContent());
        var listed = manifest.Files.Count(f => f.Fidelity == Fidelity.Listed);
        text.Append($"The bundle: {Count(withContent, "file")} with content, {listed} more listed by path; {manifest.TotalTokens:N0} tokens ({manifest.Tokenizer}). Paths below are relative to {input.Root}.\n");
        foreach (var warning in manifest.Warnings.Take(3))
        {
            text.Append($"Note: {warning}\n");
        }

        return text.ToString();
    }

    private static string Reading(MapInput input)
    {
        var files = input.Parts.Count > 0 ? input.Parts : [input.Bundle];
        var list = files.Count == 1 ? files[0] : string.Join(", then ", files);
        var whole = input.Parts.Count > 1 ? $" ({input.Parts.Count} parts, in order; each fits one file read)" : string.Empty;
        var edits = input.EditsLine is { } line
            ? input.Parts.Count > 0
                ? " Its last part(s) hold the edits made since it was first packed: diffs of files shown earlier, and files new next to the targets."
                : $" From line {line:N0} on it holds the edits made since it was first packed: diffs of files shown earlier, and files new next to the targets."
            : string.Empty;
        return input.Source switch
        {
            HookSource.Resume when input.Unchanged =>
                $"The bundle is unchanged since the last session start: if you read it earlier in this conversation, it is as you read it. Otherwise read {list}{whole}.{edits}\n",
            HookSource.Resume when input.Parts.Count > 0 && input.UnchangedParts > 0 =>
                $"Since the last session start, parts 1–{input.UnchangedParts} are unchanged: if you read them earlier in this conversation, read only {string.Join(", then ", files.Skip(input.UnchangedParts))}. Otherwise read {list}{whole}.{edits}\n",
            HookSource.Resume =>
                $"The bundle changed since the last session start; read it again: {list}{whole}.{edits}\n",
            HookSource.Compact =>
                $"The conversation was compacted, so the bundle's text is no longer in your context. Read it again before you go on: {list}{whole}.{edits}\n",
            _ => $"Read it before you start: {list}{whole}.{edits}\n",
        };
    }

    private static List<Section> Sections(ManifestDocument manifest)
    {
        var placed = manifest.Files.Where(f => f.Segment is not null).ToList();
        var edits = manifest.Session?.Blocks.Where(b => b.Segment == SegmentKind.Edits).ToList() ?? [];
        return
        [
            new Section("Edits appended since the bundle was first packed", edits.Select(e => $"- {Names.Of(e.Fidelity)}: {e.Path}").ToList(), null),
            Files("Targets", placed.Where(f => f.Segment == SegmentKind.Targets), groupAt: 2, groupOver: 20),
            Files("Next to the targets (most relevant first)", placed.Where(f => f.Segment == SegmentKind.Volatile && f.HasContent()), groupAt: 3, groupOver: 0),
            Files("Wider context (most relevant first)", placed.Where(f => f.Segment == SegmentKind.Stable && f.HasContent()), groupAt: 1, groupOver: 0),
            Listed(placed.Where(f => f.Fidelity == Fidelity.Listed).ToList()),
        ];
    }

    // Above level groupAt, the files are grouped by folder (when there are more than groupOver of them).
    private static Section Files(string title, IEnumerable<ManifestFile> files, int groupAt, int groupOver)
    {
        var ranked = files.OrderBy(f => f.Rank).ToList();
        return new Section(title, null, level =>
            level > groupAt && ranked.Count > groupOver ? Grouped(ranked, names: true)
            : ranked.Select(f => $"- {f.Path} ({Names.Of(f.Fidelity)}, {f.Tokens:N0} tokens){Reason(f, level == 0 ? LongReason : ShortReason)}").ToList());
    }

    private static Section Listed(List<ManifestFile> listed) => new(
        $"Listed by path only, not in the bundle ({listed.Count})",
        null,
        level => level switch
        {
            0 => listed.OrderBy(f => f.Rank).Select(f => $"- {f.Path}").ToList(),
            1 => Grouped(listed, names: true),
            2 or 3 => Grouped(listed, names: false),
            _ => listed.Count == 0 ? [] : [$"- {Count(listed.Count, "file")} in {listed.Select(f => Folder(f.Path)).Distinct(StringComparer.Ordinal).Count()} folders: see the manifest"],
        });

    // Files by folder, folders in the order of their most relevant file.
    private static List<string> Grouped(List<ManifestFile> files, bool names) => files
        .OrderBy(f => f.Rank)
        .GroupBy(f => Folder(f.Path), StringComparer.Ordinal)
        .Select(g => names
            ? $"- {g.Key} ({g.Count()}): {string.Join(", ", g.Select(f => Path.GetFileName(f.Path)))}"
            : $"- {g.Key} ({Count(g.Count(), "file")})")
        .ToList();

    private static string Reason(ManifestFile file, int length) => file.Reason.Length == 0 ? string.Empty
        : file.Reason.Length <= length ? $": {file.Reason}"
        : $": {file.Reason[..(length - 1)]}…";

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "./";

    private static string Count(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}";

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

    // Whole lines in priority order while they fit; each section that lost lines ends with their count.
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
            var kept = 0;
            var body = new StringBuilder();
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

    /// <summary>One section of the map: fixed lines, or lines at a level of detail (0 most detailed).</summary>
    private sealed record Section(string Title, List<string>? Fixed, Func<int, List<string>>? AtLevel)
    {
        public List<string> Lines(int level) => Fixed ?? AtLevel!(level);
    }
}
