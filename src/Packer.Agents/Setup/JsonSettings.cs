using Packer.Core;
using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Text;

namespace Packer.Agents.Setup;

/// <summary>
/// What <c>init --agent</c> adds to an agent's JSON settings: hooks (Claude Code's SessionStart and UserPromptSubmit,
/// Gemini CLI's SessionStart) and the MCP server, in the list each agent reads. What is there decides what
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
    /// <param name="settings">The settings file (Claude Code's, or Gemini CLI's: it takes the same hook protocol).</param>
    /// <param name="command">The words that start the tool.</param>
    /// <param name="timeout">How long the agent lets the hook run, in its unit (Claude Code: seconds; Gemini CLI: milliseconds).</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="matcher">The sources of a session start it runs for, or null for all.</param>
    /// <returns>Whether the file changed.</returns>
    public static bool AddSessionHook(JsonEdit settings, IReadOnlyList<string> command, int timeout, string file, string? matcher = "startup|resume|clear|compact") =>
        AddHook(settings, "SessionStart", matcher is null ? [] : new JsonObject { ["matcher"] = matcher }, Hook(command, timeout), file);

    /// <summary>
    /// Adds the UserPromptSubmit hook that runs <c>session --agent claude</c> for each prompt (a short map of the files it
    /// points at), unless one already runs it. Its timeout is short: Claude Code waits for it before the model sees the prompt.
    /// </summary>
    /// <returns>Whether the file changed.</returns>
    public static bool AddPromptHook(JsonEdit settings, IReadOnlyList<string> command) => AddHook(settings, "UserPromptSubmit", [], Hook(command, 10), ".claude/settings.json");

    // A hook's command is one line a shell splits, so a path with spaces or quotes is quoted.
    private static JsonObject Hook(IReadOnlyList<string> command, int timeout) =>
        new() { ["type"] = "command", ["command"] = ToolCommand.Join([.. command, "session", "--agent", "claude"]), ["timeout"] = timeout };

    private static bool AddHook(JsonEdit settings, string hookEvent, JsonObject group, JsonObject hook, string file)
    {
        var hooks = Member(settings.Tree!.AsObject(), "hooks", file);
        group["hooks"] = new JsonArray(hook);
        if (hooks is null)
        {
            settings.AddMember([], "hooks", new JsonObject { [hookEvent] = new JsonArray(group) });
            return true;
        }

        var groups = hooks[hookEvent] as JsonArray;
        if (hooks[hookEvent] is not null && groups is null)
        {
            throw new UsageException($"{file}: hooks.{hookEvent} is not a list; fix it. Nothing was written.");
        }

        var existing = groups?.OfType<JsonObject>()
            .SelectMany(g => (g["hooks"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Any(h => h["command"]?.GetValueKind() == JsonValueKind.String && IsOurs(h["command"]!.GetValue<string>()));
        if (existing == true)
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
    /// <param name="config">The file that lists the agent's MCP servers.</param>
    /// <param name="key">The object that lists them (<c>mcpServers</c>; VS Code: <c>servers</c>).</param>
    /// <param name="command">The words that start the tool (a program, then its arguments).</param>
    /// <param name="typed">Whether the entry says <c>"type": "stdio"</c> (Claude Code and VS Code take it; Cursor and Gemini CLI need not).</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <returns>Whether the file changed.</returns>
    public static bool AddMcpServer(JsonEdit config, string key, IReadOnlyList<string> command, bool typed, string file)
    {
        var servers = Member(config.Tree!.AsObject(), key, file);
        if (servers?.ContainsKey(ServerName) == true)
        {
            return false;
        }

        var server = new JsonObject();
        if (typed)
        {
            server["type"] = "stdio";
        }

        server["command"] = command[0];
        server["args"] = new JsonArray([.. command.Skip(1).Append("mcp").Select(w => (JsonNode)JsonValue.Create(w))]);
        if (servers is null)
        {
            config.AddMember([], key, new JsonObject { [ServerName] = server });
        }
        else
        {
            config.AddMember([key], ServerName, server);
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
