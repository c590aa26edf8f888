using Packer.Core;
using System.Text.Json.Nodes;
using Packer.Core.Text;

namespace Packer.Agents.Setup;

/// <summary>
/// The files <c>init</c> adds to for each agent, in the configuration format that agent reads today: its MCP server
/// list (the server <c>pack-context</c>), its hooks where it has hooks that add to the context (Claude Code, Gemini
/// CLI), and otherwise its instructions file, with a short section saying how to ask the server for a task's files.
/// Each is added to as <see cref="JsonSettings"/> adds to JSON: what is there stays, and what is there already is not
/// added twice.
/// </summary>
internal static class AgentFiles
{
    /// <summary>The line that marks the instructions section as this tool's (so a second run finds it).</summary>
    public const string InstructionsMarker = "<!-- dotnet-pack-context -->";

    /// <summary>The files an agent's setup reads and may write, relative to the folder.</summary>
    public static IReadOnlyList<string> Of(Agent agent) => agent switch
    {
        Agent.Claude => [".claude/settings.json", ".mcp.json"],
        Agent.Copilot => [".vscode/mcp.json", ".github/copilot-instructions.md"],
        Agent.Cursor => [".cursor/mcp.json", ".cursor/rules/pack-context.mdc"],
        Agent.Codex => [".codex/config.toml", "AGENTS.md"],
        _ => [".gemini/settings.json", "GEMINI.md"],
    };

    /// <summary>What to write for an agent: each file's new text, or null when it has what init adds.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="folder">The folder being set up.</param>
    /// <param name="command">The words that start the tool.</param>
    /// <param name="timeout">How many seconds a session hook may take.</param>
    /// <returns>The files, and whether each one's addition names the command.</returns>
    public static IReadOnlyList<(string Path, string? Text, bool NamesCommand)> Plan(Agent agent, string folder, IReadOnlyList<string> command, int timeout)
    {
        var paths = Of(agent).Select(p => Path.Combine(folder, p)).ToList();
        switch (agent)
        {
            case Agent.Claude:
            {
                var settings = JsonSettings.Read(paths[0]);
                var hooks = JsonSettings.AddSessionHook(settings, command, timeout, ".claude/settings.json")
                    | JsonSettings.AddPromptHook(settings, command);
                var mcp = JsonSettings.Read(paths[1]);
                return [(paths[0], hooks ? settings.Text : null, true), (paths[1], Added(mcp, JsonSettings.AddMcpServer(mcp, "mcpServers", command, typed: true, ".mcp.json")), true)];
            }

            case Agent.Copilot:
            {
                var mcp = JsonSettings.Read(paths[0]);
                return [(paths[0], Added(mcp, JsonSettings.AddMcpServer(mcp, "servers", command, typed: true, ".vscode/mcp.json")), true), Instructions(paths[1], null)];
            }

            case Agent.Cursor:
            {
                var mcp = JsonSettings.Read(paths[0]);
                return [(paths[0], Added(mcp, JsonSettings.AddMcpServer(mcp, "mcpServers", command, typed: false, ".cursor/mcp.json")), true), Instructions(paths[1], CursorRuleHeader)];
            }

            case Agent.Codex:
                return [(paths[0], CodexConfig.WithServer(paths[0], command), true), Instructions(paths[1], null)];

            default:
            {
                // Gemini CLI's hooks take Claude Code's input and answer (SessionStart, hookSpecificOutput.additionalContext); its timeouts are in milliseconds.
                var settings = JsonSettings.Read(paths[0]);
                var hook = JsonSettings.AddSessionHook(settings, command, timeout * 1000, ".gemini/settings.json", matcher: null);
                var server = JsonSettings.AddMcpServer(settings, "mcpServers", command, typed: false, ".gemini/settings.json");
                return [(paths[0], hook || server ? settings.Text : null, true), Instructions(paths[1], null)];
            }
        }
    }

    // A Cursor rule applied to every request.
    private const string CursorRuleHeader = "---\ndescription: How to get the files that matter for a task in this .NET repository (dotnet pack-context)\nalwaysApply: true\n---\n\n";

    private static string? Added(JsonEdit file, bool added) => added ? file.Text : null;

    // The instructions section, appended to what the file holds, unless the file has it.
    private static (string Path, string? Text, bool NamesCommand) Instructions(string path, string? header)
    {
        var text = File.Exists(path) ? BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes) : null;
        if (text?.Contains(InstructionsMarker, StringComparison.Ordinal) == true)
        {
            return (path, null, false);
        }

        var before = text is null ? header ?? string.Empty : text + (text.Length == 0 || text.EndsWith('\n') ? "\n" : "\n\n");
        return (path, before + Section, false);
    }

    private const string Section = InstructionsMarker + """

        ## Finding the code for a task (dotnet pack-context)

        This .NET repository has an MCP server, `pack-context`, that knows its compiler's view of the code: which
        files a task touches, and what they depend on. Before you read around the repository for a task:

        - call `pack_context` with `task` set to what you are about to do (the user's request, an issue, a stack
          trace) and read the bundle it returns: the files that matter for it, within a token budget;
        - `rank_files` lists the files for a task or a target (a project, type, namespace, file or folder) with why
          each is there; `explain_file` says why one file is or is not in a bundle; `read_bundle` reads part of a
          bundle too large to return whole;
        - give a sub-agent a bundle made for its own brief, not the whole repository;
        - `.packer/map.md`, when there is one, maps the bundle the last `dotnet pack-context session` packed (run
          before a session starts): read it first.

        """;
}
