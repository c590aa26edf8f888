using System.Text.Encodings.Web;
using System.Text.Json;

namespace Packer.Core.Server;

/// <summary>The JSON the tools answer with: camelCase keys in declaration order, no nulls, compact.</summary>
public static class AnswerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes an answer.</summary>
    public static string Of<T>(T answer) => JsonSerializer.Serialize(answer, Options);
}
