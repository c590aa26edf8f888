using Packer.Core;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Packer.Core.Redaction;

namespace Packer.Agents.Server;

/// <summary>
/// The JSON the tools answer with: camelCase keys in declaration order, no nulls, compact. Every string in it is
/// redacted first (paths, reasons and warnings come from the repository, and the answer goes to the model), one
/// value at a time, so that a marker never cuts through the JSON around it.
/// </summary>
public static class AnswerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes an answer, its strings redacted.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="redactor">Redacts each string value.</param>
    public static string Of<T>(T answer, SecretRedactor redactor)
    {
        var node = JsonSerializer.SerializeToNode(answer, Options);
        Redact(node, redactor);
        return node?.ToJsonString(Options) ?? "null";
    }

    // Replaces each string value inside a node by its redacted text.
    private static void Redact(JsonNode? node, SecretRedactor redactor)
    {
        if (node is JsonObject item)
        {
            foreach (var key in item.Select(p => p.Key).ToList())
            {
                if (Text(item[key]) is { } text)
                {
                    item[key] = redactor.Redact("answer", text).Text;
                }
                else
                {
                    Redact(item[key], redactor);
                }
            }
        }
        else if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (Text(list[i]) is { } text)
                {
                    list[i] = redactor.Redact("answer", text).Text;
                }
                else
                {
                    Redact(list[i], redactor);
                }
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
