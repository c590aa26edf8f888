using Microsoft.CodeAnalysis;

namespace Packer.Core.Loading;

/// <summary>
/// Turns workspace diagnostics into short, stable warnings: absolute paths become repository-relative,
/// duplicates go, and the order is ordinal, so the manifest stays byte-identical across machines.
/// </summary>
internal static class LoadWarnings
{
    public static IReadOnlyList<string> Summarize(IEnumerable<WorkspaceDiagnostic> diagnostics, string root)
    {
        var rootWithSlash = root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return diagnostics
            .Where(d => d.Kind == WorkspaceDiagnosticKind.Failure)
            .Select(d => d.Message.Replace(rootWithSlash, string.Empty, StringComparison.Ordinal).Replace('\\', '/'))
            .Select(m => m.ReplaceLineEndings(" ").Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
