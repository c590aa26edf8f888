using Packer.Core;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Packer.Agents.Setup;

/// <summary>
/// Adds members to a JSON settings file by inserting text into it, not by writing a parsed tree back: everything
/// else in the file (its comments, its layout, its key order) stays byte for byte. Each insertion goes after the
/// last value of its object or list, indented as the file indents (two spaces when it does not say).
/// </summary>
internal sealed class JsonEdit
{
    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonReaderOptions Reading = new() { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true };

    /// <summary>Starts from a file's text, or an empty object when there is no file.</summary>
    /// <param name="text">The file's text, or null.</param>
    public JsonEdit(string? text) => Text = string.IsNullOrWhiteSpace(text) ? "{}\n" : text;

    /// <summary>Gets the text with the insertions made so far.</summary>
    public string Text { get; private set; }

    /// <summary>Gets the text as a tree (comments skipped), to decide what to add.</summary>
    /// <exception cref="JsonException">The text is not JSON, or an object holds a key twice.</exception>
    public JsonNode? Tree => JsonNode.Parse(Text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });

    /// <summary>Adds a member to the object at <paramref name="path"/> (keys from the root; the root itself when empty).</summary>
    public void AddMember(IReadOnlyList<string> path, string key, JsonNode value) =>
        Insert(path, JsonSerializer.Serialize(key, Writing) + ": " + value.ToJsonString(Writing));

    /// <summary>Adds an element at the end of the list at <paramref name="path"/>.</summary>
    public void AddElement(IReadOnlyList<string> path, JsonNode value) => Insert(path, value.ToJsonString(Writing));

    private void Insert(IReadOnlyList<string> path, string fragment)
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        var (open, lastEnd) = Find(bytes, path);
        var outer = IndentOf(bytes, open);
        var indent = outer + Unit();
        var value = fragment.ReplaceLineEndings("\n").Replace("\n", "\n" + indent, StringComparison.Ordinal);
        var (at, text) = lastEnd is { } end
            ? (end, $",\n{indent}{value}")
            : (open + 1, $"\n{indent}{value}\n{outer}");
        Text = Encoding.UTF8.GetString(bytes, 0, at) + text + Encoding.UTF8.GetString(bytes, at, bytes.Length - at);
    }

    // The byte index of the container's opening bracket, and the end of its last value (null when it is empty).
    private static (int Open, int? LastEnd) Find(byte[] bytes, IReadOnlyList<string> path)
    {
        var reader = new Utf8JsonReader(bytes, Reading);
        var keys = new List<string?>();
        string? pendingKey = null;
        int? open = null;
        int? lastEnd = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment:
                    continue;
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (open is null && Opens(keys, pendingKey, path))
                    {
                        open = (int)reader.TokenStartIndex;
                    }

                    keys.Add(pendingKey);
                    pendingKey = null;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    keys.RemoveAt(keys.Count - 1);
                    if (open is not null && keys.Count == path.Count + 1)
                    {
                        lastEnd = (int)reader.BytesConsumed;
                    }
                    else if (open is not null && keys.Count == path.Count)
                    {
                        return (open.Value, lastEnd);
                    }

                    continue;
                default:
                    pendingKey = null;
                    if (open is not null && keys.Count == path.Count + 1)
                    {
                        lastEnd = (int)reader.BytesConsumed;
                    }

                    continue;
            }
        }

        throw new InvalidOperationException($"no object or list at {string.Join('.', path)}");
    }

    // Whether the container opening now, under the open containers' keys (the root's, null, first) and with its own
    // key, is the one at the path.
    private static bool Opens(List<string?> keys, string? key, IReadOnlyList<string> path) =>
        keys.Count == 0 ? path.Count == 0
        : keys.Count == path.Count && key == path[^1] && keys.Skip(1).SequenceEqual(path.Take(path.Count - 1));

    // The whitespace that begins the line holding a byte.
    private static string IndentOf(byte[] bytes, int index)
    {
        var start = index;
        while (start > 0 && bytes[start - 1] != (byte)'\n')
        {
            start--;
        }

        var end = start;
        while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }

        return Encoding.UTF8.GetString(bytes, start, end - start);
    }

    // One level of the file's indentation: that of its first indented line, or two spaces.
    private string Unit()
    {
        foreach (var line in Text.Split('\n').Skip(1))
        {
            var indent = line[..(line.Length - line.TrimStart(' ', '\t').Length)];
            if (indent.Length > 0 && line.Trim().Length > 0)
            {
                return indent;
            }
        }

        return "  ";
    }
}
