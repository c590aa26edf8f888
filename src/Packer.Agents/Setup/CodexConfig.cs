using Packer.Core;
using System.Text;
using Packer.Core.Text;
using Tomlyn;
using Tomlyn.Model;

namespace Packer.Agents.Setup;

/// <summary>
/// Codex's project configuration (<c>.codex/config.toml</c>, read for a project Codex trusts): the MCP server as a
/// <c>[mcp_servers.pack-context]</c> table appended to the file's text, so everything in it stays as it was. The file is
/// parsed first (a file that is not TOML is an error naming it), and a server of that name already there is kept.
/// </summary>
internal static class CodexConfig
{
    /// <summary>The file's text with the server added, or null when it has one of that name.</summary>
    /// <exception cref="UsageException">The file is not TOML, or its mcp_servers is not a table.</exception>
    public static string? WithServer(string path, IReadOnlyList<string> command)
    {
        var text = File.Exists(path) ? BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes) : string.Empty;
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text) ?? [];
        }
        catch (TomlException e)
        {
            throw new UsageException($"{path}: not valid TOML ({e.Message.Split('\n')[0].Trim()}); fix or remove it. Nothing was written.");
        }

        if (model.TryGetValue("mcp_servers", out var servers))
        {
            if (servers is not TomlTable table)
            {
                throw new UsageException($"{path}: 'mcp_servers' is not a table; fix it. Nothing was written.");
            }

            if (table.ContainsKey(JsonSettings.ServerName))
            {
                return null;
            }
        }

        var added = new StringBuilder(text.Length == 0 || text.EndsWith('\n') ? text : text + "\n");
        added.Append(text.Length == 0 ? string.Empty : "\n");
        added.Append("# dotnet pack-context: the files that matter for a task (added by `dotnet pack-context init`)\n");
        added.Append($"[mcp_servers.{JsonSettings.ServerName}]\n");
        added.Append($"command = {Quote(command[0])}\n");
        added.Append($"args = [{string.Join(", ", command.Skip(1).Append("mcp").Select(Quote))}]\n");
        return added.ToString();
    }

    // A TOML basic string.
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
