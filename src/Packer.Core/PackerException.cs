namespace Packer.Core;

/// <summary>
/// An expected failure: the CLI ends the run with its one-line message and its exit code. Code that can fail
/// this way (bad input, a missing file, a folder that cannot be written) throws one of these; anything else
/// that escapes is a bug, and shows as one.
/// </summary>
public class PackerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="exitCode">The process exit code this failure maps to.</param>
    /// <param name="inner">The failure behind it, if any.</param>
    public PackerException(string message, int exitCode, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>Gets the process exit code this failure maps to.</summary>
    public int ExitCode { get; }
}

/// <summary>Bad usage, bad configuration, or a target that resolves to nothing or to too much.</summary>
public sealed class UsageException(string message) : PackerException(message, ExitCodes.Usage);

/// <summary>The solution could not be found or loaded at all.</summary>
public sealed class LoadException(string message) : PackerException(message, ExitCodes.Failure);

/// <summary>A file or folder could not be read or written (the message names it).</summary>
public sealed class FileAccessException(string message, Exception inner) : PackerException(message, ExitCodes.Failure, inner)
{
    /// <summary>Tells whether an exception is a file-system failure that <see cref="From"/> turns into this one.</summary>
    public static bool Covers(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The typed failure for a file-system exception, naming the path when the exception does not.</summary>
    /// <param name="e">An exception that <see cref="Covers"/> covers.</param>
    /// <param name="path">The path that was being read or written, if known.</param>
    public static FileAccessException From(Exception e, string? path = null) =>
        new(path is null || e.Message.Contains(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}", e);
}
