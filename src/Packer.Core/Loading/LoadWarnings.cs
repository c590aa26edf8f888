using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// Turns workspace diagnostics into short, stable warnings: absolute paths become repository-relative,
/// process ids go, duplicates go, and the order is ordinal, so the manifest stays byte-identical across machines.
/// Roslyn's report that its BuildHost did not exit within half a second of being shut down (a busy machine,
/// after the load is done) says nothing about the solution, and is left out.
/// </summary>
internal static partial class LoadWarnings
{
    public static IReadOnlyList<string> Summarize(IEnumerable<WorkspaceDiagnostic> diagnostics, string root)
    {
        var rootWithSlash = root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return diagnostics
            .Where(d => d.Kind == WorkspaceDiagnosticKind.Failure)
            .Select(d => BuildHostPrefix().Replace(d.Message, string.Empty))
            .Where(m => !m.StartsWith("The BuildHost process is not responding.", StringComparison.Ordinal))
            .Select(m => m.Replace(rootWithSlash, string.Empty, StringComparison.Ordinal).Replace('\\', '/'))
            .Select(m => m.ReplaceLineEndings(" ").Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // The logger category Roslyn puts before a BuildHost's messages: "[BuildHost PID 5323] ".
    [GeneratedRegex(@"^\[BuildHost PID \d+\] ")]
    private static partial Regex BuildHostPrefix();
}
