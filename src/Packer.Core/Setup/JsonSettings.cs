using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Text;

namespace Packer.Core.Setup;

/// <summary>
/// The two JSON files <c>init --agent claude</c> adds to, read as trees so that every key already there is kept
/// (in its order): Claude Code's project settings (<c>.claude/settings.json</c>, its SessionStart and UserPromptSubmit hooks) and its
/// project MCP servers (<c>.mcp.json</c>). A file that is not a JSON object is an error naming it.
/// </summary>
internal static class JsonSettings
{
    /// <summary>The name the MCP server is registered under.</summary>
    public const string ServerName = "pack-context";

    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    // A key twice in one object is refused when read (JSON leaves it undefined which wins; a tree cannot hold both).
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false };

    /// <summary>Reads a file as a JSON object (an empty one when it does not exist).</summary>
    /// <exception cref="UsageException">It exists but is not a JSON object.</exception>
    public static JsonObject Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes), documentOptions: Reading) as JsonObject
                ?? throw new UsageException($"{path}: not a JSON object; fix or remove it. Nothing was written.");
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

    /// <summary>The text to write for a tree.</summary>
    public static string Text(JsonObject root) => root.ToJsonString(Writing).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Adds the SessionStart hook that runs <c>session --agent claude</c>, unless one already runs it.</summary>
    /// <returns>Whether the tree changed.</returns>
    public static bool AddSessionHook(JsonObject settings, string command) =>
        AddHook(settings, "SessionStart", new JsonObject { ["matcher"] = "startup|resume|clear|compact" }, new JsonObject { ["type"] = "command", ["command"] = $"{command} session --agent claude" });

    /// <summary>
    /// Adds the UserPromptSubmit hook that runs <c>session --agent claude</c> for each prompt (a short map of the files it
    /// points at), unless one already runs it. Its timeout is short: Claude Code waits for it before the model sees the prompt.
    /// </summary>
    /// <returns>Whether the tree changed.</returns>
    public static bool AddPromptHook(JsonObject settings, string command) =>
        AddHook(settings, "UserPromptSubmit", [], new JsonObject { ["type"] = "command", ["command"] = $"{command} session --agent claude", ["timeout"] = 10 });

    private static bool AddHook(JsonObject settings, string hookEvent, JsonObject group, JsonObject hook)
    {
        var hooks = Object(settings, "hooks", ".claude/settings.json");
        var groups = hooks[hookEvent] as JsonArray;
        if (hooks[hookEvent] is not null && groups is null)
        {
            throw new UsageException($".claude/settings.json: hooks.{hookEvent} is not a list; fix it. Nothing was written.");
        }

        var existing = groups?.OfType<JsonObject>()
            .SelectMany(g => (g["hooks"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Any(h => h["command"]?.GetValueKind() == JsonValueKind.String && h["command"]!.GetValue<string>().Contains("pack-context session", StringComparison.Ordinal));
        if (existing == true)
        {
            return false;
        }

        if (groups is null)
        {
            hooks[hookEvent] = groups = [];
        }

        group["hooks"] = new JsonArray(hook);
        groups.Add(group);
        return true;
    }

    /// <summary>Adds the MCP server that runs <c>mcp</c>, unless a server of that name is there.</summary>
    /// <returns>Whether the tree changed.</returns>
    public static bool AddMcpServer(JsonObject config, string command)
    {
        var servers = Object(config, "mcpServers", ".mcp.json");
        if (servers.ContainsKey(ServerName))
        {
            return false;
        }

        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        servers[ServerName] = new JsonObject
        {
            ["type"] = "stdio",
            ["command"] = words[0],
            ["args"] = new JsonArray([.. words.Skip(1).Append("mcp").Select(w => (JsonNode)JsonValue.Create(w))]),
        };
        return true;
    }

    private static JsonObject Object(JsonObject parent, string key, string file)
    {
        if (parent[key] is null)
        {
            var created = new JsonObject();
            parent[key] = created;
            return created;
        }

        return parent[key] as JsonObject ?? throw new UsageException($"{file}: '{key}' is not an object; fix it. Nothing was written.");
    }
}
