using Packer.Core.Diagnostics;

namespace Packer.Core;

/// <summary>
/// An expected failure: the CLI ends the run with its one-line message and its exit code. Code that can fail
/// this way (bad input, a missing file, a folder that cannot be written) throws one of these; anything else
/// that escapes is a bug, and shows as one. Each carries a stable code (<see cref="DiagnosticCodes"/>) and,
/// when the problem is in a file (packer.yaml), where in it.
/// </summary>
public class PackerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="text">What went wrong and what to do about it (without the location).</param>
    /// <param name="exitCode">The process exit code this failure maps to.</param>
    /// <param name="code">Its stable code (<see cref="DiagnosticCodes"/>).</param>
    /// <param name="location">Where in a file the problem is, when it is in one.</param>
    /// <param name="inner">The failure behind it, if any.</param>
    public PackerException(string text, int exitCode, string code, SourceLocation? location = null, Exception? inner = null)
        : base(location is null ? text : $"{location.Display}:{location.Line}: {text}", inner)
    {
        Text = text;
        ExitCode = exitCode;
        Code = code;
        Location = location;
    }

    /// <summary>Gets the process exit code this failure maps to.</summary>
    public int ExitCode { get; }

    /// <summary>Gets the stable code (<see cref="DiagnosticCodes"/>).</summary>
    public string Code { get; }

    /// <summary>Gets where in a file the problem is, or null.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Gets the message without its location.</summary>
    public string Text { get; }
}

/// <summary>Bad usage, bad configuration, an output that must not be written, or a target that resolves to nothing or to too much.</summary>
public sealed class UsageException(string text, string code = DiagnosticCodes.Usage, SourceLocation? location = null)
    : PackerException(text, ExitCodes.Usage, code, location);

/// <summary>The solution could not be found or loaded at all.</summary>
public sealed class LoadException(string text, string code = DiagnosticCodes.LoadFailed)
    : PackerException(text, ExitCodes.Failure, code);

/// <summary>A file or folder could not be read or written (the message names it).</summary>
public sealed class FileAccessException(string message, Exception inner)
    : PackerException(message, ExitCodes.Failure, DiagnosticCodes.FileAccess, inner: inner)
{
    /// <summary>Tells whether an exception is a file-system failure that <see cref="From"/> turns into this one.</summary>
    public static bool Covers(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The typed failure for a file-system exception, naming the path when the exception does not.</summary>
    /// <param name="e">An exception that <see cref="Covers"/> covers.</param>
    /// <param name="path">The path that was being read or written, if known.</param>
    public static FileAccessException From(Exception e, string? path = null) =>
        new(path is null || e.Message.Contains(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}", e);
}
