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
        Assert.Equal(["OrderService"], config.Get(Core.Configuration.Settings.Targets)?.Select(t => t.Text));
        Assert.Equal(Path.Combine(root, "Shop.sln"), config.Get(Core.Configuration.Settings.Solution));
        Assert.Equal(16000, config.GetValue(Core.Configuration.Settings.SplitTokens));

        var settings = JsonNode.Parse(written[".claude/settings.json"])!;
        Assert.Equal("opus", (string?)settings["model"]);
        Assert.Equal("Bash(ls:*)", (string?)settings["permissions"]!["allow"]![0]);
        Assert.Equal("check.sh", (string?)settings["hooks"]!["PreToolUse"]![0]!["hooks"]![0]!["command"]);
        var sessionStart = settings["hooks"]!["SessionStart"]!.AsArray();
        Assert.Equal(2, sessionStart.Count);
        Assert.Equal("echo hello", (string?)sessionStart[0]!["hooks"]![0]!["command"]);
        Assert.Equal("startup|resume|clear|compact", (string?)sessionStart[1]!["matcher"]);
        // (the tool is installed in a folder, not globally, so "dotnet pack-context" does not run here: its path does)
        Assert.Equal($"{tool.Command} session --agent claude", (string?)sessionStart[1]!["hooks"]![0]!["command"]);
        // (at least a minute, and three times the cold pack init timed: more on a loaded machine)
        Assert.True((int?)sessionStart[1]!["hooks"]![0]!["timeout"] is >= 60 and var timeout && timeout % 10 == 0, $"hook timeout {sessionStart[1]!["hooks"]![0]!["timeout"]}");
        var prompt = Assert.Single(settings["hooks"]!["UserPromptSubmit"]!.AsArray());
        Assert.Null(prompt!["matcher"]);
        Assert.Equal($"{tool.Command} session --agent claude", (string?)prompt["hooks"]![0]!["command"]);
        Assert.Equal(10, (int?)prompt["hooks"]![0]!["timeout"]);
        Assert.Contains($"the agent's files start the tool with {tool.Command}: it runs dotnet-pack-context {InstalledTool.Version} here, and a cold pack took ", first.StandardError, StringComparison.Ordinal);

        var servers = JsonNode.Parse(written[".mcp.json"])!["mcpServers"]!;
        Assert.Equal("other-server", (string?)servers["other"]!["command"]);
        Assert.Equal(tool.Command, (string?)servers["pack-context"]!["command"]);
        Assert.Equal(["mcp"], servers["pack-context"]!["args"]!.AsArray().Select(a => (string?)a));
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
        Assert.Contains("error: init needs a target for packer.yaml: pass --target with a project, file, type, namespace or folder of Shop.sln (its projects, largest first: Shop.Domain, Shop.Application,", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Shop.Tests), e.g. --target Shop.Domain.", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "packer.yaml")));
    }

    [Fact]
    public async Task Comments_and_layout_of_existing_settings_are_kept()
    {
        // Given settings with comments (Claude Code reads them) in a layout of their own
        const string commented = """
            {
              // the team's settings
              "model": "opus", /* keep */
              "hooks": {
                "SessionStart": [{ "hooks": [{ "type": "command", "command": "echo hello" }] }] // greet
              }
            }

            """;
        var root = Fixtures.Copy("Shop");
        Directory.CreateDirectory(Path.Combine(root, ".claude"));
        File.WriteAllText(Path.Combine(root, ".claude", "settings.json"), commented);

        // When
        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude", "--no-check"]);

        // Then every line of it is still there, in order, with the hooks added
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var text = File.ReadAllText(Path.Combine(root, ".claude", "settings.json"));
        var at = 0;
        foreach (var piece in new[] { "// the team's settings", "\"model\": \"opus\", /* keep */", "\"command\": \"echo hello\" }] }", "// greet" })
        {
            at = text.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"lost: {piece}\n{text}");
        }

        var settings = JsonNode.Parse(text, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        Assert.Equal(2, settings["hooks"]!["SessionStart"]!.AsArray().Count);
        Assert.Equal("dotnet pack-context session --agent claude", (string?)settings["hooks"]!["UserPromptSubmit"]![0]!["hooks"]![0]!["command"]);
        Assert.Contains("dotnet pack-context (not tried: --no-check)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_with_spaces_and_quotes_is_one_word_quoted_for_the_shell_and_the_hook_runs_it()
    {
        // Given the tool reached through a path with a space and a quote in it
        var root = Fixtures.Copy("Shop");
        var folder = Path.Combine(TempFolder.Create(), "my tools");
        Directory.CreateDirectory(folder);
        var command = Path.Combine(folder, "pack's tool");
        File.WriteAllText(command, $"#!/bin/sh\nexec '{tool.Command}' \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            return; // a shell script as the command is a Unix thing
        }

        File.SetUnixFileMode(command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // When
        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude", "--command", command]);

        // Then the MCP server is that one program, the hook a line the shell splits back into it, and that line runs
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var server = JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".mcp.json")))!["mcpServers"]!["pack-context"]!;
        Assert.Equal(command, (string?)server["command"]);
        Assert.Equal(["mcp"], server["args"]!.AsArray().Select(a => (string?)a));
        var hook = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".claude", "settings.json")))!["hooks"]!["SessionStart"]![0]!["hooks"]![0]!["command"]!;
        Assert.Equal($"'{command.Replace("'", "'\\''", StringComparison.Ordinal)}' session --agent claude", hook);
        var session = await ProcessResult.RunAsync(
            "sh", ["-c", hook], root, new Dictionary<string, string> { ["XDG_CACHE_HOME"] = tool.CacheHome }, "{\"hook_event_name\": \"SessionStart\", \"source\": \"startup\"}");
        Assert.Equal(0, session.ExitCode);
        Assert.Contains("\"hookEventName\":\"SessionStart\"", session.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dotnet tool run dotnet-pack-context", new[] { "dotnet", "tool", "run", "dotnet-pack-context", "mcp" })]
    [InlineData("\"/opt/my tools/dotnet-pack-context\" --verbose", new[] { "/opt/my tools/dotnet-pack-context", "--verbose", "mcp" })]
    [InlineData("'/opt/it'\\''s/dotnet-pack-context'", new[] { "/opt/it's/dotnet-pack-context", "mcp" })]
    public async Task A_command_is_split_as_a_shell_splits_it(string given, string[] words)
    {
        var root = Fixtures.Copy("Shop");

        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude", "--command", given, "--no-check"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var server = JsonNode.Parse(File.ReadAllText(Path.Combine(root, ".mcp.json")))!["mcpServers"]!["pack-context"]!;
        Assert.Equal(words, new[] { (string?)server["command"] }.Concat(server["args"]!.AsArray().Select(a => (string?)a)));
    }

    [Fact]
    public async Task A_command_that_does_not_run_here_is_refused_and_nothing_is_written()
    {
        var root = Fixtures.Copy("Shop");

        var result = await tool.RunAsync(root, ["init", "--target", "OrderService", "--agent", "claude", "--command", "/no/such/dotnet-pack-context"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"error: no command runs dotnet-pack-context {InstalledTool.Version} here (/no/such/dotnet-pack-context: it failed (exit 127: could not start", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--no-check if it runs only where the agent runs. Nothing was written.", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "packer.yaml")));
        Assert.False(File.Exists(Path.Combine(root, ".mcp.json")));
    }

    [Fact]
    public async Task A_target_given_to_an_existing_setup_is_not_silently_dropped()
    {
        var root = Fixtures.Copy("Shop");
        Assert.Equal(ExitCodes.Success, (await tool.RunAsync(root, ["init", "--target", "OrderService"])).ExitCode);

        var result = await tool.RunAsync(root, ["init", "--target", "Money"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("packer.yaml is kept as it is: its targets are OrderService, and --target Money was not applied. Edit 'targets' in packer.yaml to change them.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["OrderService"], ConfigLoader.Load(Path.Combine(root, "packer.yaml")).Get(Core.Configuration.Settings.Targets)?.Select(t => t.Text));
    }

    private static Dictionary<string, string> Snapshot(string root) => new[] { "packer.yaml", ".gitignore", ".mcp.json", ".claude/settings.json" }
        .ToDictionary(name => name, name => File.ReadAllText(Path.Combine(root, name)));
}
