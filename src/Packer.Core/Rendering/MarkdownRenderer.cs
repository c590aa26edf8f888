using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>Markdown: a heading per file and a code fence longer than any backtick run inside it.</summary>
internal sealed class MarkdownRenderer : IBundleRenderer
{
    public string Begin(BundleHeader header)
    {
        var text = new StringBuilder($"# Context: {header.Solution}\n{BundleSignature.MarkdownLine}\n\n");
        if (header.Projects.Count > 0)
        {
            text.Append("Projects:\n");
            foreach (var project in header.Projects)
            {
                var references = project.References.Count == 0 ? string.Empty : " → " + string.Join(", ", project.References);
                text.Append($"- {project.Name} (`{project.Path}`){references}\n");
            }

            text.Append('\n');
        }

        text.Append("Targets:\n");
        foreach (var target in header.Targets)
        {
            text.Append($"- {Names.Of(target.Kind)} `{target.Spec}` ({target.Files.Count} files)\n");
        }

        return text.Append('\n').ToString();
    }

    public string File(BundleEntry entry, bool first)
    {
        var project = entry.Project.Length == 0 ? string.Empty : $"{entry.Project}, ";
        if (entry.Fidelity == Fidelity.Listed)
        {
            return $"- `{entry.Path}` ({project}listed, not included)\n";
        }

        var fence = new string('`', Math.Max(3, LongestBacktickRun(entry.Text) + 1));
        return $"## {entry.Path}\n({project}{Names.Of(entry.Fidelity)})\n\n{fence}{(entry.Fidelity == Fidelity.Diff ? "diff" : Language(entry.Path))}\n{entry.Text}{fence}\n\n";
    }

    public string End() => string.Empty;

    public RenderedBundle Finish(string composed, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter) =>
        new(composed, SegmentMeasure.Measure(composed, segments, counter));

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string Language(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".cs" => "csharp",
        ".json" => "json",
        ".md" => "markdown",
        ".yaml" or ".yml" => "yaml",
        ".xml" or ".csproj" or ".props" or ".targets" or ".slnx" => "xml",
        ".sh" => "bash",
        _ => string.Empty,
    };
}
