using System.Text.Encodings.Web;
using System.Text.Json;

namespace Packer.Core.Rendering;

/// <summary>JSON string literals with only the escapes JSON requires (fewer tokens than the default encoder's).</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The quoted literal.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The literal's inside, without the quotes; escaping pieces one by one equals escaping their concatenation.</summary>
    public static string Escape(string value) => Quote(value)[1..^1];
}
