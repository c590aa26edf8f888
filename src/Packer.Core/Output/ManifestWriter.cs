using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Packer.Core.Budget;
using Packer.Core.Caching;
using Packer.Core.Configuration;
using Packer.Core.Rendering;
using Packer.Core.Targeting;

namespace Packer.Core.Output;

/// <summary>Writes the manifest: what was packed, why, and at what cost. Keys and arrays in a fixed order.</summary>
internal static class ManifestWriter
{
    /// <summary>The manifest's schema version; raise it when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    public const string ToolName = "dotnet-pack-context";

    public static string ToolVersion { get; } = typeof(ManifestWriter).Assembly.GetName().Version is { } v
        ? $"{v.Major}.{v.Minor}.{v.Build}"
        : "0.0.0";

    /// <summary>Writes the manifest of one run.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="solution">The solution path, as the bundle spells it.</param>
    /// <param name="targets">The resolved targets.</param>
    /// <param name="packed">The ranking and the selection.</param>
    /// <param name="warnings">The run's warnings.</param>
    /// <param name="header">The bundle's rendered header; with --previous its hash goes into the session state.</param>
    public static string Write(PackOptions options, string solution, IReadOnlyList<ResolvedTarget> targets, PackedFiles packed, IReadOnlyList<string> warnings, string header)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolName);
            json.WriteString("version", ToolVersion);
            json.WriteEndObject();
            json.WriteString("solution", solution);
            json.WriteString("tokenizer", options.Tokenizer);
            json.WriteString("format", Names.Of(options.Format));
            if (options.Format == BundleFormat.Anthropic)
            {
                json.WriteNumber("cacheMinTokens", options.CacheMinTokens);
            }

            json.WriteNumber("maxTokens", options.MaxTokens);
            json.WriteNumber("totalTokens", packed.Selection.TotalTokens);
            json.WriteStartArray("segments");
            foreach (var segment in packed.Selection.Rendered.Segments)
            {
                json.WriteStartObject();
                json.WriteString("kind", Names.Of(segment.Kind));
                json.WriteNumber("byteStart", segment.ByteStart);
                json.WriteNumber("byteEnd", segment.ByteEnd);
                json.WriteNumber("tokenStart", segment.TokenStart);
                json.WriteNumber("tokenEnd", segment.TokenEnd);
                json.WriteBoolean("cacheBreakpoint", segment.CacheBreakpoint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("targets");
            foreach (var target in targets)
            {
                json.WriteStartObject();
                json.WriteString("spec", target.Spec);
                json.WriteString("kind", Names.Of(target.Kind));
                json.WriteStartArray("files");
                target.Files.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var file in packed.Ranked)
            {
                var decision = packed.Selection.Decisions[file.Path];
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("project", file.Project);
                json.WriteNumber("rank", file.Rank);
                json.WriteNumber("score", file.Score);
                json.WriteString("fidelity", Names.Of(decision.Fidelity));
                if (packed.PlacementOf(file.Path) is { } placement)
                {
                    json.WriteString("segment", Names.Of(placement.Segment));
                    json.WriteNumber("position", placement.Position);
                    if (placement.Hash is { } hash)
                    {
                        json.WriteString("hash", hash);
                    }
                }

                json.WriteNumber("tokens", decision.Tokens);
                json.WriteString("reason", file.Reason);
                json.WriteStartObject("signals");
                json.WriteNumber("graph", file.Signals.Graph);
                json.WriteNumber("coUsage", file.Signals.CoUsage);
                json.WriteNumber("names", file.Signals.Names);
                json.WriteNumber("fileName", file.Signals.FileName);
                json.WriteNumber("folder", file.Signals.Folder);
                json.WriteNumber("project", file.Signals.Project);
                json.WriteNumber("history", file.Signals.History);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            warnings.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            if (options.Previous is not null)
            {
                WriteSession(json, packed.Selection, header);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // What a later run with --previous needs to repeat this bundle byte for byte and append to it: every
    // block as rendered, and the text the reader last saw of each file that has diffs (null when deleted).
    private static void WriteSession(Utf8JsonWriter json, Selection selection, string header)
    {
        json.WriteStartObject("session");
        json.WriteString("header", ContentHash.Of(header));
        json.WriteStartArray("blocks");
        foreach (var segment in selection.Content.Segments)
        {
            foreach (var entry in segment.Entries)
            {
                json.WriteStartObject();
                json.WriteString("segment", Names.Of(segment.Kind));
                json.WriteString("path", entry.Path);
                json.WriteString("project", entry.Project);
                json.WriteString("fidelity", Names.Of(entry.Fidelity));
                json.WriteString("text", entry.Text);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("views");
        foreach (var (path, text) in selection.Views.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
