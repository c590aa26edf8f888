using Packer.Core;
using System.Text.Json;
using Packer.Core.Text;

namespace Packer.Agents.Session;

/// <summary>
/// What a session run leaves for the next one besides the manifest: the hashes of the parts it wrote (so the
/// next run can say which parts a resumed conversation has already read) and the token counts of the texts it
/// split (so a run that splits the same bundle again needs no tokenizer vocabulary).
/// </summary>
/// <param name="Bundle">The content hash of the bundle.</param>
/// <param name="SplitTokens">The part size the parts were cut to, or null when the bundle was written whole.</param>
/// <param name="Parts">The content hash of each part, in order.</param>
/// <param name="Tokens">Token counts by hash of encoding and text.</param>
internal sealed record SessionState(string? Bundle, int? SplitTokens, IReadOnlyList<string> Parts, IReadOnlyDictionary<string, int> Tokens)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Gets the state before any run.</summary>
    public static SessionState None { get; } = new(null, null, [], new Dictionary<string, int>());

    /// <summary>Reads the state file; a missing or unreadable one (a missing list, a null in one) is no state: it holds only what saves work.</summary>
    public static SessionState Read(string path)
    {
        try
        {
            var state = File.Exists(path) ? JsonSerializer.Deserialize<SessionState>(BoundedFile.ReadAllText(path, BoundedFile.SmallFileBytes), Json) : null;
            return state is { Parts: { } parts, Tokens: not null } && !parts.Contains(null!) ? state : None;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return None;
        }
    }

    /// <summary>The state file's text (token counts sorted by key).</summary>
    public string Text() => JsonSerializer.Serialize(this with
    {
        Tokens = new SortedDictionary<string, int>(Tokens.ToDictionary(), StringComparer.Ordinal),
    }, Json) + "\n";
}
