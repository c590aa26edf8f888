using Packer.Core;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Packer.Agents.Session;

/// <summary>
/// Claude Code's hook protocol, for SessionStart and UserPromptSubmit: the hook reads a JSON object on standard
/// input (<c>hook_event_name</c>, <c>cwd</c>, and <c>source</c> or <c>prompt</c>) and answers with one JSON object
/// whose <c>hookSpecificOutput.additionalContext</c> Claude Code adds to the model's context (at most
/// <see cref="MaxContextChars"/> characters of it; longer text is replaced by a preview and a file path). A hook that exits 0 never stops the
/// session nor blocks the prompt; one that prints nothing adds nothing.
/// </summary>
public static class ClaudeHook
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the hook's input; anything unreadable reads as "no folder, source unknown".</summary>
    /// <param name="json">Standard input as read.</param>
    public static HookInput Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
            var root = document.RootElement;
            var cwd = root.TryGetProperty("cwd", out var folder) && folder.ValueKind == JsonValueKind.String ? folder.GetString() : null;
            var source = root.TryGetProperty("source", out var why) && why.ValueKind == JsonValueKind.String ? why.GetString() : null;
            var hookEvent = root.TryGetProperty("hook_event_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var prompt = root.TryGetProperty("prompt", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            return new HookInput(cwd is { Length: > 0 } && Path.IsPathRooted(cwd) ? cwd : null, Source(source))
            {
                Prompt = hookEvent == PromptEvent ? prompt ?? string.Empty : null,
            };
        }
        catch (JsonException)
        {
            return new HookInput(null, HookSource.Unknown);
        }
    }

    /// <summary>
    /// The most characters of a hook's <c>additionalContext</c> Claude Code adds to the context: a longer value is saved to a
    /// file and the model is shown a preview of about 2,000 characters and the file's path.
    /// </summary>
    public const int MaxContextChars = 10_000;

    /// <summary>The name of the event a prompt's hook is run for.</summary>
    public const string PromptEvent = "UserPromptSubmit";

    /// <summary>The SessionStart hook's answer: <paramref name="context"/> added to the model's context.</summary>
    public static string Answer(string context) => Write(context, systemMessage: null);

    /// <summary>The UserPromptSubmit hook's answer: <paramref name="context"/> added to the conversation with the prompt.</summary>
    public static string PromptAnswer(string context) => Write(context, systemMessage: null, PromptEvent);

    /// <summary>The hook's answer when packing failed: one line for the model, and the same line shown to the user.</summary>
    public static string Failure(string line) => Write(line, systemMessage: line);

    private static HookSource Source(string? value) => value switch
    {
        "startup" => HookSource.Startup,
        "resume" => HookSource.Resume,
        "clear" => HookSource.Clear,
        "compact" => HookSource.Compact,
        _ => HookSource.Unknown,
    };

    private static string Write(string context, string? systemMessage, string hookEvent = "SessionStart")
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Writing))
        {
            json.WriteStartObject();
            if (systemMessage is not null)
            {
                json.WriteString("systemMessage", systemMessage);
            }

            json.WriteStartObject("hookSpecificOutput");
            json.WriteString("hookEventName", hookEvent);
            json.WriteString("additionalContext", context);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>What a hook was told.</summary>
/// <param name="WorkingDirectory">The agent's working folder (absolute), if given.</param>
/// <param name="Source">Why the session starts (SessionStart).</param>
public sealed record HookInput(string? WorkingDirectory, HookSource Source)
{
    /// <summary>Gets the user's prompt when the hook runs for UserPromptSubmit (possibly empty), or null for SessionStart.</summary>
    public string? Prompt { get; init; }
}
