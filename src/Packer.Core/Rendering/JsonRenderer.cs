using System.Text;
using Packer.Core.Bundle;
using Packer.Core.Tokenization;

namespace Packer.Core.Rendering;

/// <summary>
/// One JSON document: solution, projects, targets, files (with content, or listed), and last the segments
/// with their byte and token offsets in this very text (they come after everything they measure).
/// </summary>
internal sealed class JsonRenderer : IBundleRenderer
{
    public string Begin(BundleHeader header)
    {
        var projects = header.Projects.Select(p =>
            $"{{\"name\": {S(p.Name)}, \"path\": {S(p.Path)}, \"references\": [{string.Join(", ", p.References.Select(S))}]}}");
        var targets = header.Targets.Select(t => header.TargetFileCounts
            ? $"{{\"spec\": {S(t.Spec)}, \"kind\": {S(Names.Of(t.Kind))}, \"fileCount\": {t.Files.Count}}}"
            : $"{{\"spec\": {S(t.Spec)}, \"kind\": {S(Names.Of(t.Kind))}, \"files\": [{string.Join(", ", t.Files.Select(S))}]}}");
        return $"{{\n  \"generator\": {S(BundleSignature.Generator)},\n  \"solution\": {S(header.Solution)},\n  \"projects\": [{string.Join(", ", projects)}],\n  \"targets\": [{string.Join(", ", targets)}],\n  \"files\": [";
    }

    public string File(BundleEntry entry, bool first)
    {
        var content = entry.Fidelity == Fidelity.Listed ? string.Empty : $", \"content\": {S(entry.Text)}";
        return $"{(first ? "\n" : ",\n")}    {{\"path\": {S(entry.Path)}, \"project\": {S(entry.Project)}, \"fidelity\": {S(Names.Of(entry.Fidelity))}{content}}}";
    }

    public string End() => "\n  ]";

    public RenderedBundle Finish(string composed, IReadOnlyList<(SegmentKind Kind, int Start, int End)> segments, TokenCounter counter)
    {
        var spans = SegmentMeasure.Measure(composed, segments, counter);
        var text = new StringBuilder(composed).Append(",\n  \"segments\": [");
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            text.Append(i == 0 ? "\n" : ",\n").Append(
                $"    {{\"kind\": {S(Names.Of(s.Kind))}, \"byteStart\": {s.ByteStart}, \"byteEnd\": {s.ByteEnd}, \"tokenStart\": {s.TokenStart}, \"tokenEnd\": {s.TokenEnd}}}");
        }

        return new RenderedBundle(text.Append("\n  ]\n}\n").ToString(), spans);
    }

    private static string S(string value) => JsonText.Quote(value);
}
