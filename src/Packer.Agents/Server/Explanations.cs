using Packer.Core;
using Packer.Core.Budget;
using Packer.Core.Bundle;
using Packer.Core.Configuration;
using Packer.Core.Manifest;
using Packer.Core.Ranking;
using Packer.Core.Redaction;
using Packer.Core.Tokenization;

namespace Packer.Agents.Server;

/// <summary>Says in a sentence or two why a file is or is not in a bundle, from the bundle's manifest.</summary>
internal static class Explanations
{
    public static ExplainAnswer Of(ManifestFile file, ManifestDocument manifest, IReadOnlyList<Driver> drivers, PackOptions options, string root)
    {
        var of = manifest.Files.Count;
        var ranked = $"ranked {file.Rank:N0} of {of:N0} (score {file.Score}){(file.Reason.Length == 0 ? string.Empty : $": {file.Reason}")}"
            + (drivers.Count == 0 ? string.Empty : $"; what raised its score most: {string.Join(", ", drivers.Select(d => $"{d.Feature} (+{d.LogOdds:0.00})"))}");
        var withText = manifest.Files.Where(f => f.HasContent()).Select(f => f.Rank).DefaultIfEmpty(0).Max();
        var listedTo = manifest.Files.Where(f => f.Fidelity == Fidelity.Listed).Select(f => f.Rank).DefaultIfEmpty(0).Max();
        var fidelity = Names.Of(file.Fidelity);
        var explanation = file.Fidelity switch
        {
            Fidelity.Full or Fidelity.Signatures when file.Segment == SegmentKind.Targets =>
                $"In the bundle as a target ({fidelity}, {file.Tokens:N0} tokens), last of all so that it sits nearest the question.",
            Fidelity.Full or Fidelity.Signatures =>
                $"In the bundle ({fidelity}, {file.Tokens:N0} tokens, {Where(file.Segment)}): {ranked}."
                + (file.Fidelity == Fidelity.Signatures ? " Only its declarations fit: its text in full would not have left room for higher-ranked files." : string.Empty),
            Fidelity.Listed =>
                $"Listed by path only: {ranked}. The cap of {manifest.MaxTokens:N0} tokens held the text of files down to rank {withText:N0}; "
                + $"{FullSize(file, options, root)} A larger maxTokens, or naming it a target, brings its text in.",
            _ =>
                $"Not in the bundle: {ranked}. Within the cap of {manifest.MaxTokens:N0} tokens the bundle holds text of files down to rank {withText:N0} and lists paths down to rank {listedTo:N0}. "
                + $"{FullSize(file, options, root)}",
        };
        return new ExplainAnswer(
            file.Path, file.HasContent(), fidelity, file.Segment is { } segment ? Names.Of(segment) : null, file.Rank, of, file.Score, file.Reason, drivers, explanation);
    }

    private static string Where(SegmentKind? segment) => segment switch
    {
        SegmentKind.Stable => "wider context, which neither uses nor is used by a target",
        SegmentKind.Volatile => "next to the targets",
        SegmentKind.Edits => "appended with the edits",
        { } other => Names.Of(other),
        null => "placed",
    };

    private static string FullSize(ManifestFile file, PackOptions options, string root)
    {
        // Read as a bundle reads it: redacted, and within the size limit.
        var texts = new FileTexts(root, new SecretRedactor(options.Redaction), options.MaxFileBytes);
        return texts.Read(file.Path) is { } text
            ? $"Its text in full is {TokenCounter.Create(options.Tokenizer).Count(text):N0} tokens."
            : $"Its text cannot go in: {texts.SkipReason(file.Path) ?? "it cannot be read"}.";
    }
}
