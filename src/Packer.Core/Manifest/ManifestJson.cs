using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Packer.Core.Bundle;
using Packer.Core.Configuration;

namespace Packer.Core.Manifest;

/// <summary>
/// Writes and reads <see cref="ManifestDocument"/> through one source-generated serializer: indented with
/// LF, only the escapes JSON requires, enum values in lower case, absent optional fields left out, and a
/// final newline. Reading is strict: a missing or null required field, an unknown enum spelling or a
/// number where a name belongs makes the file unreadable (<see cref="JsonException"/>).
/// </summary>
public static class ManifestJson
{
    /// <summary>The manifest's schema version; raise it when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The tool's package id, as manifests name it.</summary>
    public const string ToolName = "dotnet-pack-context";

    private static readonly ManifestJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 16,
        Converters =
        {
            new JsonStringEnumConverter<Fidelity>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<SegmentKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<TargetKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<BundleFormat>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        },
    });

    /// <summary>Gets this build's version, as manifests record it.</summary>
    public static string ToolVersion { get; } = typeof(ManifestJson).Assembly.GetName().Version is { } v
        ? $"{v.Major}.{v.Minor}.{v.Build}"
        : "0.0.0";

    /// <summary>Gets the tool as manifests record it.</summary>
    public static ManifestTool Tool { get; } = new(ToolName, ToolVersion);

    /// <summary>The manifest's text.</summary>
    public static string Write(ManifestDocument manifest) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(manifest, Context.ManifestDocument)) + "\n";

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="JsonException">When the text is not a manifest of this schema.</exception>
    public static ManifestDocument Read(ReadOnlySpan<byte> utf8)
    {
        RejectNullItems(utf8);
        return JsonSerializer.Deserialize(utf8, Context.ManifestDocument) ?? throw new JsonException("the manifest is null.");
    }

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="JsonException">When the text is not a manifest of this schema.</exception>
    public static ManifestDocument Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>A manifest's summary of targets larger than the cap, on its own, as the manifest writes it.</summary>
    public static string WriteSummary(TargetSummary summary) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(summary, Context.TargetSummary));

    /// <summary>Reads a summary written by <see cref="WriteSummary"/>.</summary>
    /// <exception cref="JsonException">When the text is not a summary of this schema.</exception>
    public static TargetSummary ReadSummary(string json) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), Context.TargetSummary) ?? throw new JsonException("the summary is null.");

    // The serializer holds nullable annotations to properties only, not to the items of a list: "files": [null]
    // would be read as a list holding null and fail later, far from here. No list of a manifest holds null.
    private static void RejectNullItems(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
        var inArray = new Stack<bool>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray or JsonTokenType.StartObject:
                    inArray.Push(reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndArray or JsonTokenType.EndObject:
                    inArray.Pop();
                    break;
                case JsonTokenType.Null when inArray.TryPeek(out var array) && array:
                    throw new JsonException($"a list in it holds null (at byte {reader.TokenStartIndex})");
            }
        }
    }
}

/// <summary>The source-generated serializer of the manifest's types.</summary>
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
