namespace Packer.Core.Diagnostics;

/// <summary>
/// The code of a run's warning. Warnings travel as text (the manifest and the cache keep them so), so the code is
/// read from the text's opening or a fixed part of it, which each producer keeps (WarningCodesTests makes each
/// producer's warning and checks its code); everything else the loader reports (the workspace's own failure
/// messages, in MSBuild's words) is a project load problem.
/// </summary>
public static class WarningCodes
{
    private static readonly (string Opening, string Code)[] Openings =
    [
        ("target file ", DiagnosticCodes.TargetNotInFull),
        ("the target ", DiagnosticCodes.TargetsLargerThanCap),
        ("the targets ", DiagnosticCodes.TargetsLargerThanCap),
        ("the previous manifest ", DiagnosticCodes.PreviousUnreadable),
        ("the SDK that global.json asks for ", DiagnosticCodes.SdkMismatch),
        ("MSBuild could not evaluate ", DiagnosticCodes.SolutionReadDirectly),
    ];

    private static readonly (string Part, string Code)[] Parts =
    [
        (": only C# is analysed.", DiagnosticCodes.NotCSharp),
        (": its project file could not be read (", DiagnosticCodes.ProjectFileUnreadable),
        (": it is a symbolic link to a file outside the repository.", DiagnosticCodes.LinkOutsideRepository),
        (" is not valid UTF-8; ", DiagnosticCodes.InvalidUtf8),
        (" project(s) had no framework references", DiagnosticCodes.NotRestored),
        (" is not compiled by any loaded project", DiagnosticCodes.LooseFile),
        (" compiles a target but is not in ", DiagnosticCodes.LooseFile),
        (" of the solution's projects are not needed to bind the targets", DiagnosticCodes.ProjectFocus),
    ];

    /// <summary>
    /// Gets the codes of warnings a build logs as messages (seen at normal verbosity, never failing a -warnaserror
    /// build): they say what the run did as asked, and a build would repeat them every time.
    /// </summary>
    public static IReadOnlySet<string> BuildMessages { get; } = new HashSet<string>(StringComparer.Ordinal) { DiagnosticCodes.TargetsLargerThanCap };

    /// <summary>The code of <paramref name="warning"/>.</summary>
    public static string For(string warning)
    {
        foreach (var (opening, code) in Openings)
        {
            if (warning.StartsWith(opening, StringComparison.Ordinal))
            {
                return code;
            }
        }

        foreach (var (part, code) in Parts)
        {
            if (warning.Contains(part, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return DiagnosticCodes.ProjectLoad;
    }
}
