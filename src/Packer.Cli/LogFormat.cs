namespace Packer.Cli;

/// <summary>How the tool writes its errors, warnings and summary to standard error.</summary>
internal enum LogFormat
{
    /// <summary>For a person at a terminal: <c>error: text</c>, <c>warning: text</c>.</summary>
    Plain,

    /// <summary>
    /// MSBuild's canonical format, <c>packer.yaml(3,1): error PCTX004: text</c> or <c>pack-context : warning
    /// PCTX101: text</c>, one line each, so that a build's Exec task logs them as errors and warnings with file,
    /// line, column and code, and an IDE lists them.
    /// </summary>
    MsBuild,
}
