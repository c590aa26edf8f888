using System.Text;
using Packer.Core.Budget;

namespace Packer.Core.Rendering;

/// <summary>Markdown: a heading per file and a code fence longer than any backtick run inside it.</summary>
internal sealed class MarkdownRenderer : IBundleRenderer
{
    public string Begin(BundleHeader header)
    {
        var text = new StringBuilder($"# Context: {header.Solution}\n\nTargets:\n");
        foreach (var target in header.Targets)
        {
            text.Append($"- {Names.Of(target.Kind)} `{target.Spec}` ({target.Files.Count} files)\n");
        }

        return text.Append('\n').ToString();
    }

    public string File(BundleEntry entry, bool first)
    {
        var fence = new string('`', Math.Max(3, LongestBacktickRun(entry.Text) + 1));
        var project = entry.Project.Length == 0 ? string.Empty : $"{entry.Project}, ";
        return $"## {entry.Path}\n({project}{Names.Of(entry.Fidelity)})\n\n{fence}{Language(entry.Path)}\n{entry.Text}{fence}\n\n";
    }

    public string BeginListing(int count) => count == 0 ? string.Empty : "## Other files (not included)\n\n";

    public string Listed(string path, bool first) => $"- {path}\n";

    public string EndListing(int count) => count == 0 ? string.Empty : "\n";

    public string End() => string.Empty;

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
