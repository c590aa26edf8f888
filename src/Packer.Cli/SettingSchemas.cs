using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Configuration;

namespace Packer.Cli;

/// <summary>
/// Binds the MCP tools' arguments that set a setting (<see cref="Setting.McpArgument"/>) to the table: their range,
/// their choices, and the sentence that says what they take and their default come from <see cref="Settings"/>,
/// not from attributes written again beside each tool. The tool's own description of the argument comes first.
/// </summary>
internal static class SettingSchemas
{
    /// <summary>Binds a tool's input schema.</summary>
    /// <param name="schema">The schema the SDK made from the tool's parameters.</param>
    /// <returns>The schema with the settings' arguments bound.</returns>
    public static JsonElement Bind(JsonElement schema)
    {
        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        if (root["properties"] is not JsonObject properties)
        {
            return schema;
        }

        foreach (var setting in Settings.All.Where(s => s.McpArgument is not null))
        {
            if (properties[setting.McpArgument!] is not JsonObject property)
            {
                continue;
            }

            if (setting is Setting<int> number)
            {
                property["minimum"] = number.Minimum;
                property["maximum"] = number.Maximum;
            }

            if (setting.Choices.Count > 0)
            {
                property["enum"] = new JsonArray([.. setting.Choices.Select(c => JsonValue.Create(c))]);
            }

            var own = property["description"]?.GetValue<string>();
            property["description"] = $"{(own is null ? setting.Doc : own)} Takes {setting.Takes}. Default: packer.yaml's {setting.Key}, else {setting.Default}.";
        }

        return JsonSerializer.SerializeToElement(root);
    }
}
