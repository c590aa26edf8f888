using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Packer.Core;
using Packer.Core.Configuration;
using Packer.Core.Text;

namespace Packer.Cli;

/// <summary>
/// Checks a tool call's arguments against the input schema the tool publishes, before the SDK binds them to the tool's
/// parameters: a wrong one is then a <see cref="UsageException"/> naming the argument, what it got and what it takes,
/// not the SDK's "An error occurred invoking" that tells an agent nothing. What models commonly send for what the schema
/// asks is taken: one text where a list is asked for (a list of one), a whole number written <c>3000.0</c> or <c>"3000"</c>,
/// and null for an optional argument (its default). The schema is the one check, so it stays what is enforced.
/// </summary>
internal static class ToolArguments
{
    // The most of a value an error message repeats.
    private const int Shown = 60;

    /// <summary>The arguments to bind: those given, checked, in the types the schema names.</summary>
    /// <param name="tool">The tool called, with its input schema.</param>
    /// <param name="arguments">The call's arguments as sent.</param>
    /// <exception cref="UsageException">An argument is unknown, missing, of the wrong type or out of its range.</exception>
    public static Dictionary<string, JsonElement> Check(Tool tool, IDictionary<string, JsonElement>? arguments)
    {
        var schema = tool.InputSchema;
        var properties = schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object
            ? declared.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString() ?? string.Empty).ToList()
            : [];

        var bound = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (!properties.TryGetValue(name, out var property))
            {
                throw new UsageException(Unknown(tool.Name, name, [.. properties.Keys]));
            }

            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                bound[name] = Value(name, value, property);
            }
        }

        foreach (var name in required.Where(n => !bound.ContainsKey(n)))
        {
            var property = properties.GetValueOrDefault(name);
            var description = property.ValueKind == JsonValueKind.Object && property.TryGetProperty("description", out var text) ? $": {text.GetString()}" : ".";
            throw new UsageException($"{name} is required ({Expected(property)}){description}");
        }

        return bound;
    }

    // The value in the type the schema names for it (types the tools do not use pass as they are).
    private static JsonElement Value(string name, JsonElement value, JsonElement property) => TypeOf(property) switch
    {
        "integer" => WholeNumber(value, property) is { } number
            ? JsonSerializer.SerializeToElement(number)
            : throw Wrong(name, value, property),
        "string" => value.ValueKind == JsonValueKind.String && (Allowed(property) is not { } allowed || allowed.Contains(value.GetString()!, StringComparer.Ordinal))
            ? value
            : throw Wrong(name, value, property),
        "array" => value.ValueKind switch
        {
            JsonValueKind.String => JsonSerializer.SerializeToElement(new[] { value.GetString() }),
            JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Null) => value,
            _ => throw Wrong(name, value, property),
        },
        _ => value,
    };

    // A whole number within the schema's minimum and maximum, or null.
    private static long? WholeNumber(JsonElement value, JsonElement property)
    {
        long? number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when value.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) <= int.MaxValue => (long)real,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var written) => written,
            _ => null,
        };
        var (minimum, maximum) = Range(property);
        return number >= minimum && number <= maximum ? number : null;
    }

    private static (long Minimum, long Maximum) Range(JsonElement property) =>
        (Bound(property, "minimum") ?? int.MinValue, Bound(property, "maximum") ?? int.MaxValue);

    private static long? Bound(JsonElement property, string keyword) =>
        property.TryGetProperty(keyword, out var bound) && bound.TryGetDouble(out var value) ? (long)value : null;

    // The schema's type, "null" aside.
    private static string? TypeOf(JsonElement property)
    {
        if (property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.String ? type.GetString()
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : null;
    }

    private static List<string>? Allowed(JsonElement property) =>
        property.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;

    // What an argument must be, in the words the flags and packer.yaml use.
    private static string Expected(JsonElement property) => TypeOf(property) switch
    {
        "integer" when Range(property) is var (minimum, maximum) => OptionValues.WholeNumberFrom(minimum, maximum),
        "string" when Allowed(property) is { } allowed => $"one of {string.Join(", ", allowed)}",
        "string" => "a text value",
        "array" => "a list of text values, or one text value",
        var other => other ?? "a value",
    };

    private static UsageException Wrong(string name, JsonElement value, JsonElement property)
    {
        var raw = value.GetRawText();
        return new UsageException($"{name} must be {Expected(property)} (got {(raw.Length <= Shown ? raw : raw[..Shown] + "…")}).");
    }

    private static string Unknown(string tool, string name, IReadOnlyList<string> known)
    {
        var closest = known.OrderBy(k => Similarity.EditDistance(k.ToLowerInvariant(), name.ToLowerInvariant())).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        var hint = closest is not null && Similarity.EditDistance(closest.ToLowerInvariant(), name.ToLowerInvariant()) <= 3 ? $" (did you mean '{closest}'?)" : string.Empty;
        return $"unknown argument '{name}'{hint}; {tool} takes {string.Join(", ", known)}.";
    }
}
