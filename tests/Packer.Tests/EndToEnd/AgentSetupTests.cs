using System.Text.Json.Nodes;
using Packer.Core;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>
/// <c>init --agent</c> for the agents beyond Claude Code, checked by what each writes and, where the agent's CLI is
/// an npm package (Gemini CLI, Codex, the Copilot CLI), by that CLI itself: installed here at a pinned version and
/// run offline in the set-up folder, it must list the server (Gemini CLI also connects to it).
/// </summary>
public sealed class AgentSetupTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    // The agents' CLIs, as their npm packages ship them (pinned: their configuration formats change).
    private static readonly Lazy<Task<string>> Clis = new(async () =>
    {
        var folder = TempFolder.Create();
        await ProcessResult.RunCheckedAsync("npm", ["init", "-y"], folder);
        await ProcessResult.RunCheckedAsync(
            "npm", ["install", "--no-audit", "--no-fund", "@google/gemini-cli@0.61.0", "@openai/codex@0.171.0", "@github/copilot@1.0.102"], folder);
        return Path.Combine(folder, "node_modules", ".bin");
    });

    private static readonly object ListedGate = new();
    private static Task<string>? listed;

    [Fact]
    public async Task Each_agent_gets_its_server_and_instructions_keeping_what_is_there_and_a_second_run_changes_nothing()
    {
        // Given a repository whose AGENTS.md and Codex configuration exist
        var root = await SetUpAsync(
            ("AGENTS.md", "# Team notes\n\nUse tabs.\n"),
            (".codex/config.toml", "model = \"o3\" # ours\n\n[mcp_servers.other]\ncommand = \"x\"\n"));
        var files = new[] { ".vscode/mcp.json", ".github/copilot-instructions.md", ".cursor/mcp.json", ".cursor/rules/pack-context.mdc", ".codex/config.toml", "AGENTS.md", ".gemini/settings.json", "GEMINI.md" };
        var written = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f)));

        // When init runs again
        var second = await tool.RunAsync(root, ["init", "--agent", "copilot", "cursor", "codex", "gemini"]);

        // Then
        Assert.Equal("stdio", (string?)JsonNode.Parse(written[".vscode/mcp.json"])!["servers"]!["pack-context"]!["type"]);
        Assert.Equal(tool.Command, (string?)JsonNode.Parse(written[".cursor/mcp.json"])!["mcpServers"]!["pack-context"]!["command"]);
        Assert.StartsWith("---\ndescription: ", written[".cursor/rules/pack-context.mdc"], StringComparison.Ordinal);
        Assert.Contains("alwaysApply: true\n", written[".cursor/rules/pack-context.mdc"], StringComparison.Ordinal);
        Assert.StartsWith("model = \"o3\" # ours\n\n[mcp_servers.other]\ncommand = \"x\"\n\n", written[".codex/config.toml"], StringComparison.Ordinal);
        Assert.EndsWith($"[mcp_servers.pack-context]\ncommand = \"{tool.Command}\"\nargs = [\"mcp\"]\n", written[".codex/config.toml"], StringComparison.Ordinal);
        Assert.StartsWith("# Team notes\n\nUse tabs.\n\n<!-- dotnet-pack-context -->\n", written["AGENTS.md"], StringComparison.Ordinal);
        Assert.All(new[] { ".github/copilot-instructions.md", "GEMINI.md" }, f => Assert.Contains("call `pack_context` with `task`", written[f], StringComparison.Ordinal));
        var gemini = JsonNode.Parse(written[".gemini/settings.json"])!;
        Assert.Equal($"{tool.Command} session --agent claude", (string?)gemini["hooks"]!["SessionStart"]![0]!["hooks"]![0]!["command"]);
        Assert.Equal(60_000, (int?)gemini["hooks"]!["SessionStart"]![0]!["hooks"]![0]!["timeout"]);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(written, files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f))));
        Assert.DoesNotContain("wrote ", second.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gemini_cli_lists_and_connects_to_the_server_and_its_session_hook_gets_the_map()
    {
        var root = await ListedAsync();
        var home = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(home, ".gemini"));
        File.WriteAllText(Path.Combine(home, ".gemini", "trustedFolders.json"), new JsonObject { [root] = "TRUST_FOLDER" }.ToJsonString());

        var listed = await ProcessResult.RunAsync(Path.Combine(await Clis.Value, "gemini"), ["mcp", "list"], root, Environment(home));
        var hook = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".gemini", "settings.json")))!["hooks"]!["SessionStart"]![0]!["hooks"]![0]!["command"]!;
        var answer = await ProcessResult.RunAsync(
            "sh", ["-c", hook], root, Environment(home), $$"""{"session_id": "s1", "hook_event_name": "SessionStart", "source": "startup", "cwd": "{{root}}", "timestamp": "2026-12-07T00:00:00Z"}""");

        Assert.Contains($"pack-context: {tool.Command} mcp (stdio) - Connected", listed.StandardOutput + listed.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, answer.ExitCode);
        Assert.Contains("# Context bundle for this session (dotnet pack-context)", (string?)JsonNode.Parse(answer.StandardOutput)!["hookSpecificOutput"]!["additionalContext"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codex_lists_the_server_of_a_trusted_project()
    {
        var root = await ListedAsync();
        var home = TempFolder.Create();
        File.WriteAllText(Path.Combine(home, "config.toml"), $"[projects.\"{root}\"]\ntrust_level = \"trusted\"\n");

        var listed = await ProcessResult.RunAsync(
            Path.Combine(await Clis.Value, "codex"), ["mcp", "list"], root, new Dictionary<string, string>(Environment(home)) { ["CODEX_HOME"] = home });

        Assert.Equal(0, listed.ExitCode);
        Assert.Matches($"pack-context +{System.Text.RegularExpressions.Regex.Escape(tool.Command)} +mcp ", listed.StandardOutput);
    }

    [Fact]
    public async Task The_copilot_cli_lists_the_server_of_the_workspace()
    {
        // (the Copilot CLI reads the workspace's .mcp.json, the one Claude Code reads; VS Code's Copilot reads .vscode/mcp.json)
        var root = await ListedAsync();
        var home = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(home, ".copilot"));
        File.WriteAllText(Path.Combine(home, ".copilot", "config.json"), new JsonObject { ["trusted_folders"] = new JsonArray(root) }.ToJsonString());

        var listed = await ProcessResult.RunAsync(Path.Combine(await Clis.Value, "copilot"), ["mcp", "list"], root, Environment(home));

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("Workspace servers:\n  pack-context (local)", listed.StandardOutput, StringComparison.Ordinal);
    }

    // The repository the agents' CLIs list the server of: they only read it (each with a home of its own), so
    // the class sets it up once.
    private Task<string> ListedAsync()
    {
        lock (ListedGate)
        {
            return listed ??= SetUpAsync();
        }
    }

    // A git repository set up for every agent, with the given files first.
    private async Task<string> SetUpAsync(params (string Path, string Text)[] existing)
    {
        var root = Fixtures.Copy("Shop");
        await GitRepository.InitAsync(root);
        foreach (var (path, text) in existing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }

        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude", "copilot", "cursor", "codex", "gemini"]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.StandardError);
        return root;
    }

    // An agent's CLI with a home of its own (no user settings, no sign-in), offline but for the server it starts.
    private Dictionary<string, string> Environment(string home) => new() { ["HOME"] = home, ["XDG_CACHE_HOME"] = tool.CacheHome, ["NO_BROWSER"] = "1" };
}
