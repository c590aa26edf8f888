namespace Packer.Core;

/// <summary>
/// An expected failure that ends a run with one clear message and an exit code, never a stack trace.
/// </summary>
public class PackerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="exitCode">The process exit code this failure maps to.</param>
    public PackerException(string message, int exitCode)
        : base(message)
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
