using System.Text.Json.Nodes;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Tests.Infrastructure;

namespace Packer.Tests.EndToEnd;

/// <summary>The installed tool's <c>init</c> on folders with and without an agent's files (beside the other classes).</summary>
public sealed class InitTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private const string Settings = """
        {
          "model": "opus",
          "permissions": { "allow": ["Bash(ls:*)"] },
          "hooks": {
            "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "check.sh" }] }],
            "SessionStart": [{ "hooks": [{ "type": "command", "command": "echo hello" }] }]
          }
        }
        """;

    [Fact]
    public async Task Adds_the_hook_and_the_server_keeping_every_key_and_a_second_run_changes_nothing()
    {
        // Given a folder whose Claude Code settings, MCP servers and .gitignore exist
        var root = Fixtures.Copy("Shop");
        Directory.CreateDirectory(Path.Combine(root, ".claude"));
        File.WriteAllText(Path.Combine(root, ".claude", "settings.json"), Settings);
        File.WriteAllText(Path.Combine(root, ".mcp.json"), """{ "mcpServers": { "other": { "command": "other-server" } } }""");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/");

        // When
        var first = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude"]);
        var written = Snapshot(root);
        var second = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude"]);

        // Then
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var config = ConfigLoader.Load(Path.Combine(root, "packer.yaml"));
        Assert.Equal(["OrderService"], config.Targets);
        Assert.Equal(Path.Combine(root, "Shop.sln"), config.Solution);
        Assert.Equal(16000, config.SplitTokens);

        var settings = JsonNode.Parse(written[".claude/settings.json"])!;
        Assert.Equal("opus", (string?)settings["model"]);
        Assert.Equal("Bash(ls:*)", (string?)settings["permissions"]!["allow"]![0]);
        Assert.Equal("check.sh", (string?)settings["hooks"]!["PreToolUse"]![0]!["hooks"]![0]!["command"]);
        var sessionStart = settings["hooks"]!["SessionStart"]!.AsArray();
        Assert.Equal(2, sessionStart.Count);
        Assert.Equal("echo hello", (string?)sessionStart[0]!["hooks"]![0]!["command"]);
        Assert.Equal("startup|resume|clear|compact", (string?)sessionStart[1]!["matcher"]);
        Assert.Equal("dotnet pack-context session --agent claude", (string?)sessionStart[1]!["hooks"]![0]!["command"]);
        var prompt = Assert.Single(settings["hooks"]!["UserPromptSubmit"]!.AsArray());
        Assert.Null(prompt!["matcher"]);
        Assert.Equal("dotnet pack-context session --agent claude", (string?)prompt["hooks"]![0]!["command"]);
        Assert.Equal(10, (int?)prompt["hooks"]![0]!["timeout"]);

        var servers = JsonNode.Parse(written[".mcp.json"])!["mcpServers"]!;
        Assert.Equal("other-server", (string?)servers["other"]!["command"]);
        Assert.Equal("dotnet", (string?)servers["pack-context"]!["command"]);
        Assert.Equal(["pack-context", "mcp"], servers["pack-context"]!["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("bin/\nobj/\n# dotnet pack-context: session and MCP bundles, rewritten on every run\n/.packer/\n", written[".gitignore"]);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(written, Snapshot(root));
        Assert.DoesNotContain("wrote ", second.StandardError, StringComparison.Ordinal);
        Assert.Contains("kept .claude/settings.json (already set up)", second.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"hooks\": ")]
    [InlineData("{ \"hooks\": {}, \"hooks\": {} }")]
    [InlineData("{ \"hooks\": { \"SessionStart\": [], \"SessionStart\": [] } }")]
    public async Task A_broken_settings_file_is_named_and_nothing_is_written(string settings)
    {
        var root = Fixtures.Copy("Shop");
        Directory.CreateDirectory(Path.Combine(root, ".claude"));
        File.WriteAllText(Path.Combine(root, ".claude", "settings.json"), settings);

        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"error: {Path.Combine(root, ".claude", "settings.json")}: not valid JSON", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "packer.yaml")));
        Assert.False(File.Exists(Path.Combine(root, ".gitignore")));
        Assert.False(File.Exists(Path.Combine(root, ".mcp.json")));
        Assert.Equal(settings, File.ReadAllText(Path.Combine(root, ".claude", "settings.json")));
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_file_that_is_a_link_is_never_replaced_and_nothing_is_written()
    {
        // Given .claude/settings.json as a link to the user's own settings elsewhere
        var root = Fixtures.Copy("Shop");
        var elsewhere = Path.Combine(TempFolder.Create(), "settings.json");
        File.WriteAllText(elsewhere, Settings);
        Directory.CreateDirectory(Path.Combine(root, ".claude"));
        File.CreateSymbolicLink(Path.Combine(root, ".claude", "settings.json"), elsewhere);

        // When
        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude"]);

        // Then
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"error: {Path.Combine(root, ".claude", "settings.json")} is a symbolic link; init reads and writes only regular files. Nothing was written.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(Settings, File.ReadAllText(elsewhere));
        Assert.False(File.Exists(Path.Combine(root, "packer.yaml")));
        Assert.False(File.Exists(Path.Combine(root, ".mcp.json")));
    }

    [Fact]
    public async Task Without_packer_yaml_it_asks_for_a_target_naming_the_projects()
    {
        var root = Fixtures.Copy("Shop");

        var result = await tool.RunAsync(root, ["init"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("error: init needs a target for packer.yaml: pass --target with a project, file, type, namespace or folder of Shop.sln (its projects: Shop.Application,", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "packer.yaml")));
    }

    private static Dictionary<string, string> Snapshot(string root) => new[] { "packer.yaml", ".gitignore", ".mcp.json", ".claude/settings.json" }
        .ToDictionary(name => name, name => File.ReadAllText(Path.Combine(root, name)));
}
