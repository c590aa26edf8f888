using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Text;

namespace Packer.Core.Setup;

/// <summary>
/// The two JSON files <c>init --agent claude</c> adds to: Claude Code's project settings (<c>.claude/settings.json</c>, its
/// SessionStart and UserPromptSubmit hooks) and its project MCP servers (<c>.mcp.json</c>). What is there decides what
/// to add, read as a tree; what is added is inserted into the text (<see cref="JsonEdit"/>), so every key, comment and
/// line already there stays as it was. A file that is not a JSON object, or holds a key twice, is an error naming it.
/// </summary>
internal static class JsonSettings
{
    /// <summary>The name the MCP server is registered under.</summary>
    public const string ServerName = "pack-context";

    /// <summary>Reads a file to add to (an empty object when it does not exist).</summary>
    /// <exception cref="UsageException">It exists but is not a JSON object.</exception>
    public static JsonEdit Read(string path)
    {
        try
        {
            var edit = new JsonEdit(File.Exists(path) ? BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes) : null);
            return edit.Tree is JsonObject ? edit : throw new UsageException($"{path}: not a JSON object; fix or remove it. Nothing was written.");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: not valid JSON ({e.Message}); fix or remove it. Nothing was written.");
        }
        catch (FileTooLargeException e)
        {
            throw new UsageException($"{e.Message}; fix or remove it. Nothing was written.");
        }
    }

    /// <summary>Adds the SessionStart hook that runs <c>session --agent claude</c>, unless one already runs it.</summary>
    /// <param name="settings">The .claude/settings.json file.</param>
    /// <param name="command">The words that start the tool.</param>
    /// <param name="timeout">How many seconds Claude Code lets the hook run.</param>
    /// <returns>Whether the file changed.</returns>
    public static bool AddSessionHook(JsonEdit settings, IReadOnlyList<string> command, int timeout) =>
        AddHook(settings, "SessionStart", new JsonObject { ["matcher"] = "startup|resume|clear|compact" }, Hook(command, timeout));

    /// <summary>
    /// Adds the UserPromptSubmit hook that runs <c>session --agent claude</c> for each prompt (a short map of the files it
    /// points at), unless one already runs it. Its timeout is short: Claude Code waits for it before the model sees the prompt.
    /// </summary>
    /// <returns>Whether the file changed.</returns>
    public static bool AddPromptHook(JsonEdit settings, IReadOnlyList<string> command) => AddHook(settings, "UserPromptSubmit", [], Hook(command, 10));

    // A hook's command is one line a shell splits, so a path with spaces or quotes is quoted.
    private static JsonObject Hook(IReadOnlyList<string> command, int timeout) =>
        new() { ["type"] = "command", ["command"] = ToolCommand.Join([.. command, "session", "--agent", "claude"]), ["timeout"] = timeout };

    /// <summary>Tells whether both hooks and the MCP server are in place already (then no command needs writing, or trying).</summary>
    public static bool IsSetUp(JsonEdit settings, JsonEdit mcp) =>
        HasHook(settings, "SessionStart") && HasHook(settings, "UserPromptSubmit")
        && (mcp.Tree as JsonObject)?["mcpServers"] is JsonObject servers && servers.ContainsKey(ServerName);

    private static bool HasHook(JsonEdit settings, string hookEvent) =>
        (settings.Tree as JsonObject)?["hooks"]?[hookEvent] is JsonArray groups
        && groups.OfType<JsonObject>().SelectMany(g => (g["hooks"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Any(h => h["command"]?.GetValueKind() == JsonValueKind.String && IsOurs(h["command"]!.GetValue<string>()));

    private static bool AddHook(JsonEdit settings, string hookEvent, JsonObject group, JsonObject hook)
    {
        var hooks = Member(settings.Tree!.AsObject(), "hooks", ".claude/settings.json");
        group["hooks"] = new JsonArray(hook);
        if (hooks is null)
        {
            settings.AddMember([], "hooks", new JsonObject { [hookEvent] = new JsonArray(group) });
            return true;
        }

        var groups = hooks[hookEvent] as JsonArray;
        if (hooks[hookEvent] is not null && groups is null)
        {
            throw new UsageException($".claude/settings.json: hooks.{hookEvent} is not a list; fix it. Nothing was written.");
        }

        if (HasHook(settings, hookEvent))
        {
            return false;
        }

        if (groups is null)
        {
            settings.AddMember(["hooks"], hookEvent, new JsonArray(group));
        }
        else
        {
            settings.AddElement(["hooks", hookEvent], group);
        }

        return true;
    }

    /// <summary>Adds the MCP server that runs <c>mcp</c>, unless a server of that name is there.</summary>
    /// <param name="config">The .mcp.json file.</param>
    /// <param name="command">The words that start the tool (a program, then its arguments).</param>
    /// <returns>Whether the file changed.</returns>
    public static bool AddMcpServer(JsonEdit config, IReadOnlyList<string> command)
    {
        var servers = Member(config.Tree!.AsObject(), "mcpServers", ".mcp.json");
        if (servers?.ContainsKey(ServerName) == true)
        {
            return false;
        }

        var server = new JsonObject
        {
            ["type"] = "stdio",
            ["command"] = command[0],
            ["args"] = new JsonArray([.. command.Skip(1).Append("mcp").Select(w => (JsonNode)JsonValue.Create(w))]),
        };
        if (servers is null)
        {
            config.AddMember([], "mcpServers", new JsonObject { [ServerName] = server });
        }
        else
        {
            config.AddMember(["mcpServers"], ServerName, server);
        }

        return true;
    }

    // A hook that runs this tool's session, whatever starts the tool (dotnet pack-context, a quoted path).
    private static bool IsOurs(string command) => command.Contains("pack-context", StringComparison.Ordinal) && command.Contains(" session", StringComparison.Ordinal);

    // An object member, or null when there is none.
    private static JsonObject? Member(JsonObject parent, string key, string file) =>
        parent[key] is null ? null
        : parent[key] as JsonObject ?? throw new UsageException($"{file}: '{key}' is not an object; fix it. Nothing was written.");
}
