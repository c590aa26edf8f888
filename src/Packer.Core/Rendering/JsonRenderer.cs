using System.Text.Encodings.Web;
using System.Text.Json;
using Packer.Core.Budget;

namespace Packer.Core.Rendering;

/// <summary>One JSON document: solution, targets, files (with content) and the listed paths.</summary>
internal sealed class JsonRenderer : IBundleRenderer
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Begin(BundleHeader header)
    {
        var targets = header.Targets.Select(t =>
            $"{{\"spec\": {S(t.Spec)}, \"kind\": {S(Names.Of(t.Kind))}, \"files\": [{string.Join(", ", t.Files.Select(S))}]}}");
        return $"{{\n  \"solution\": {S(header.Solution)},\n  \"targets\": [{string.Join(", ", targets)}],\n  \"files\": [";
    }

    public string File(BundleEntry entry, bool first) =>
        $"{(first ? "\n" : ",\n")}    {{\"path\": {S(entry.Path)}, \"project\": {S(entry.Project)}, \"fidelity\": {S(Names.Of(entry.Fidelity))}, \"content\": {S(entry.Text)}}}";

    public string BeginListing(int count) => "\n  ],\n  \"listed\": [";

    public string Listed(string path, bool first) => $"{(first ? "\n" : ",\n")}    {S(path)}";

    public string EndListing(int count) => "\n  ]";

    public string End() => "\n}\n";

    private static string S(string value) => JsonSerializer.Serialize(value, Options);
}
