namespace Packer.Agents.Setup;

/// <summary>What <c>init</c> sets up.</summary>
/// <param name="Folder">The folder to set up (absolute): packer.yaml and the agent's files go here.</param>
/// <param name="Solution">The solution (absolute), or null to find the one in <paramref name="Folder"/>.</param>
/// <param name="Targets">The targets packer.yaml names (required when there is no packer.yaml yet).</param>
/// <param name="Agents">The agents to set up (their MCP server, hooks or instructions).</param>
/// <param name="Commands">
/// How the hook and the MCP server may start the tool, each as its words (e.g. <c>dotnet pack-context</c>, or an
/// installed tool's path): the first that runs this version here is written; one given with --command is the only one.
/// </param>
/// <param name="Version">This tool's version, which the written command must run.</param>
/// <param name="Check">Whether to try the command (and time a cold pack with it) before writing it.</param>
public sealed record SetupRequest(string Folder, string? Solution, IReadOnlyList<string> Targets, IReadOnlyList<Agent> Agents, IReadOnlyList<IReadOnlyList<string>> Commands, string Version, bool Check = true)
{
    /// <summary>The command that starts an installed tool.</summary>
    public const string DefaultCommand = "dotnet pack-context";

    /// <summary>The session hook's timeout when no trial pack says more: Claude Code's own default.</summary>
    public const int DefaultHookTimeout = 60;
}

/// <summary>What <c>init</c> did.</summary>
/// <param name="Written">The files it created or changed (absolute).</param>
/// <param name="Kept">The files that already had what it adds (absolute).</param>
/// <param name="Notes">What else it has to say: the command it checked and the hook's timeout, a flag it did not apply.</param>
public sealed record SetupOutcome(IReadOnlyList<string> Written, IReadOnlyList<string> Kept, IReadOnlyList<string> Notes);
