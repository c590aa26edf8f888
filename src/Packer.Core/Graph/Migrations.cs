using System.Text.RegularExpressions;

namespace Packer.Core.Graph;

/// <summary>
/// Entity Framework's migrations: a <c>Migrations</c> folder's timestamped files (and their designer files) and
/// its model snapshot. Their syntax is not read: they are generated, rarely named by other code (they spell entity
/// names in strings), and they can be most of a solution's text (5,300-file bitwarden/server: 929 migration files,
/// 51 of its 83 MB of C#). They are still listed, ranked by their path and history, and packed when they rank.
/// Other generated files (an <c>&lt;auto-generated&gt;</c> header) are read as any file: spectre.console's
/// committed <c>*.Generated.cs</c> partials are 4 of the tuning set's 713 changed files, tied to their
/// hand-written parts by the partial type, which only their syntax tells.
/// </summary>
internal static partial class Migrations
{
    /// <summary>Tells whether a path is one of Entity Framework's migrations (or the model snapshot beside them).</summary>
    /// <param name="path">A repository-relative path.</param>
    public static bool Is(string path) => Migration().IsMatch(path);

    [GeneratedRegex(@"(^|/)Migrations/(.+/)?(\d{14}_[^/]+|[^/]*ModelSnapshot)\.cs$")]
    private static partial Regex Migration();
}
