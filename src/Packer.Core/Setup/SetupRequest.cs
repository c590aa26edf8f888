namespace Packer.Core.Setup;

/// <summary>What <c>init</c> sets up.</summary>
/// <param name="Folder">The folder to set up (absolute): packer.yaml and the agent's files go here.</param>
/// <param name="Solution">The solution (absolute), or null to find the one in <paramref name="Folder"/>.</param>
/// <param name="Targets">The targets packer.yaml names (required when there is no packer.yaml yet).</param>
/// <param name="Claude">Whether to add Claude Code's SessionStart hook and MCP server.</param>
/// <param name="Command">How the hook and the MCP server start the tool, e.g. "dotnet pack-context".</param>
public sealed record SetupRequest(string Folder, string? Solution, IReadOnlyList<string> Targets, bool Claude, string Command)
{
    /// <summary>The command that starts an installed tool.</summary>
    public const string DefaultCommand = "dotnet pack-context";
}

/// <summary>What <c>init</c> did.</summary>
/// <param name="Written">The files it created or changed (absolute).</param>
/// <param name="Kept">The files that already had what it adds (absolute).</param>
public sealed record SetupOutcome(IReadOnlyList<string> Written, IReadOnlyList<string> Kept);
