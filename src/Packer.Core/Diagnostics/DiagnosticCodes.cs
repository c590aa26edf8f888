namespace Packer.Core.Diagnostics;

/// <summary>
/// The stable codes of every error and warning the tool reports, in one place. They appear in the build log
/// and an IDE's error list (<c>--log-format msbuild</c>), where a warning's code can be silenced with
/// <c>NoWarn</c>. A code never changes meaning; a retired code is never reused. Errors are PCTX0xx, warnings
/// PCTX1xx.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>Bad usage: an unknown flag, a flag's bad value, a cap too small for the bundle's header.</summary>
    public const string Usage = "PCTX001";

    /// <summary>The config file named by --config does not exist.</summary>
    public const string ConfigNotFound = "PCTX002";

    /// <summary>The config file is not valid YAML.</summary>
    public const string ConfigSyntax = "PCTX003";

    /// <summary>The config file has a key the tool does not know (the message suggests the nearest one).</summary>
    public const string ConfigUnknownKey = "PCTX004";

    /// <summary>A config key has a value of the wrong type or out of range.</summary>
    public const string ConfigValue = "PCTX005";

    /// <summary>An -o or --manifest path that must not be written (a link, folder, device, source or tracked file, a file the tool did not write, one path for both).</summary>
    public const string OutputRefused = "PCTX006";

    /// <summary>A packer.yaml names an output, previous or cache path outside its repository.</summary>
    public const string ConfigPathOutside = "PCTX007";

    /// <summary>The config file is larger than a config file can be.</summary>
    public const string ConfigTooLarge = "PCTX008";

    /// <summary>The solution path names no file or folder, nothing loadable, or several candidates.</summary>
    public const string SolutionNotFound = "PCTX010";

    /// <summary>No target was given.</summary>
    public const string NoTarget = "PCTX011";

    /// <summary>A target matches nothing in the solution (the message lists close candidates).</summary>
    public const string UnknownTarget = "PCTX012";

    /// <summary>A target matches several types (the message lists them).</summary>
    public const string AmbiguousTarget = "PCTX013";

    /// <summary>The solution could not be loaded at all.</summary>
    public const string LoadFailed = "PCTX020";

    /// <summary>No .NET SDK with MSBuild was found.</summary>
    public const string NoSdk = "PCTX021";

    /// <summary>A file or folder could not be read or written (the message names it).</summary>
    public const string FileAccess = "PCTX022";

    /// <summary>An unexpected failure: a bug in the tool (the log carries the stack trace).</summary>
    public const string Unexpected = "PCTX030";

    /// <summary>MSBuild package: the tool ended with an exit code and no error of its own (it crashed or was killed).</summary>
    public const string ToolFailed = "PCTX031";

    /// <summary>The run was cancelled.</summary>
    public const string Cancelled = "PCTX032";

    /// <summary>A project failed to load, or was read from its project file because MSBuild could not evaluate it.</summary>
    public const string ProjectLoad = "PCTX101";

    /// <summary>MSBuild could not evaluate the solution; its project files were read directly.</summary>
    public const string SolutionReadDirectly = "PCTX102";

    /// <summary>The SDK that global.json asks for is not installed; another was used.</summary>
    public const string SdkMismatch = "PCTX103";

    /// <summary>A project that is not C# was skipped.</summary>
    public const string NotCSharp = "PCTX104";

    /// <summary>Projects without framework references (not restored) were bound against the SDK's reference assemblies.</summary>
    public const string NotRestored = "PCTX105";

    /// <summary>A target file outside the solution's projects was analysed anyway.</summary>
    public const string LooseFile = "PCTX106";

    /// <summary>Large solution: projects that cannot use the targets were read from their project files.</summary>
    public const string ProjectFocus = "PCTX107";

    /// <summary>A project file could not be read (not XML, or unreadable); the rest of the solution loaded.</summary>
    public const string ProjectFileUnreadable = "PCTX108";

    /// <summary>A target file is not in the bundle in full.</summary>
    public const string TargetNotInFull = "PCTX110";

    /// <summary>The --previous manifest exists but could not be read.</summary>
    public const string PreviousUnreadable = "PCTX111";

    /// <summary>A file is a symbolic link leading outside the repository; it was skipped.</summary>
    public const string LinkOutsideRepository = "PCTX112";

    /// <summary>A file is not valid UTF-8; its invalid bytes were packed as U+FFFD.</summary>
    public const string InvalidUtf8 = "PCTX113";

    /// <summary>
    /// The targets are larger than the cap and were packed as a module (an outline and their central files), or, with a
    /// task, narrowed its ranking. What was asked for, so in a build's log (the msbuild log format) it is a message, not a warning.
    /// </summary>
    public const string TargetsLargerThanCap = "PCTX114";

    /// <summary>MSBuild package: the SDK running the build is older than the tool needs; nothing was packed.</summary>
    public const string SdkTooOld = "PCTX120";
}
