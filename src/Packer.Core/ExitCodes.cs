namespace Packer.Core;

/// <summary>The process exit codes of <c>dotnet pack-context</c>.</summary>
public static class ExitCodes
{
    /// <summary>The bundle was written.</summary>
    public const int Success = 0;

    /// <summary>Anything unexpected, or a solution that could not be loaded.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage, bad configuration, or an unknown or ambiguous target.</summary>
    public const int Usage = 2;
}
